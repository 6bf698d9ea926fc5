import { ATTACHMENT_REFS } from '../attachment-refs';
import type { AttachmentFileRef } from '../model/attachment-backup';
import { sql, sqlJoin } from '../sql';
import type { Store } from '../store/store';

// The live library's attachment rows as the backups see them (issue #17): which files they need, which deleted
// ones the monthly rotation may purge, and the purge itself.

async function hasAttachments(store: Store): Promise<boolean> {
  const found =
    store.dialect === 'postgres'
      ? await store.get(sql`SELECT 1 AS x WHERE to_regclass('attachments') IS NOT NULL`)
      : await store.get(sql`SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'attachments'`);
  return found !== undefined;
}

/** Every attachment row, deleted ones included, with its project's name. */
export async function attachmentFileRefs(store: Store): Promise<AttachmentFileRef[]> {
  if (!(await hasAttachments(store))) return [];
  return store.all<AttachmentFileRef>(sql`${ATTACHMENT_REFS} ORDER BY a.id`);
}

/** The deleted rows (candidates for the monthly purge). */
export async function deletedAttachmentRefs(store: Store): Promise<AttachmentFileRef[]> {
  if (!(await hasAttachments(store))) return [];
  return store.all<AttachmentFileRef>(sql`${ATTACHMENT_REFS} WHERE a.deleted_at IS NOT NULL ORDER BY a.id`);
}

/**
 * Drops the rows `ids` (deleted attachments a monthly backup holds); answers the sha256 of their files that no
 * row references any more, whose files may then go. Runs inside the caller's transaction.
 */
export async function dropAttachmentRows(store: Store, ids: readonly number[]): Promise<string[]> {
  if (!ids.length) return [];
  const list = sqlJoin(ids);
  const shas = await store.all<{ sha256: string }>(
    sql`SELECT DISTINCT sha256 FROM attachments WHERE id IN (${list}) AND deleted_at IS NOT NULL`,
  );
  await store.run(sql`DELETE FROM attachments WHERE id IN (${list}) AND deleted_at IS NOT NULL`);
  const unreferenced: string[] = [];
  for (const { sha256 } of shas) {
    const still = await store.get(sql`SELECT 1 AS x FROM attachments WHERE sha256 = ${sha256}`);
    if (!still) unreferenced.push(sha256);
  }
  return unreferenced;
}

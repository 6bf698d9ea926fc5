import {
  ATTACHMENT_OWNER_KIND_LABELS,
  attachmentAuditField,
  attachmentHistoryText,
  entryOwnerLabel,
  type AttachmentFileKind,
  type AttachmentInfo,
  type AttachmentOwnerKind,
} from '../model/attachments';
import { sql, sqlFragment, sqlJoin } from '../sql';
import type { Store } from '../store/store';
import { writeAudit } from './audit';
import type { WriteMeta } from './projects-write';

// The table `attachments` (migration 0180): one row per attachment, the file shared by sha256 under the data
// folder. Owners are looked up one small function per kind, so a kind added later (or the checklist's table,
// which another part of issue #17 adds) is one function.

/** What a row's owner is: the project it belongs to, and its name as lists show it. */
export interface AttachmentOwner {
  projectId: number;
  label: string;
}

type OwnerLookup = (store: Store, ids: readonly number[]) => Promise<Map<number, AttachmentOwner>>;

const byIds = async <T extends { id: number }>(
  rows: Promise<T[]>,
  owner: (row: T) => AttachmentOwner,
): Promise<Map<number, AttachmentOwner>> => new Map((await rows).map((row) => [row.id, owner(row)]));

const OWNER_LOOKUPS: Record<AttachmentOwnerKind, OwnerLookup> = {
  project: (store, ids) =>
    byIds(store.all<{ id: number }>(sql`SELECT id FROM projects WHERE id IN (${sqlJoin(ids)})`), (row) => ({
      projectId: row.id,
      label: ATTACHMENT_OWNER_KIND_LABELS.project,
    })),
  problem: (store, ids) =>
    byIds(
      store.all<{ id: number; projectId: number; code: string }>(
        sql`SELECT id, project_id AS "projectId", code FROM problems WHERE id IN (${sqlJoin(ids)})`,
      ),
      (row) => ({ projectId: row.projectId, label: `问题 ${row.code}` }),
    ),
  // a weekly entry: the row of dispatch_rows (the week kept as year × 100 + week, migration 0090)
  entry: (store, ids) =>
    byIds(
      store.all<{ id: number; projectId: number; week: number }>(
        sql`SELECT id, project_id AS "projectId", week FROM dispatch_rows WHERE id IN (${sqlJoin(ids)})`,
      ),
      (row) => ({ projectId: row.projectId, label: entryOwnerLabel(row.week) }),
    ),
  // a 前期手续 checklist item (approval_items, migration 0160)
  approval: (store, ids) =>
    byIds(
      store.all<{ id: number; projectId: number; name: string }>(
        sql`SELECT id, project_id AS "projectId", name FROM approval_items WHERE id IN (${sqlJoin(ids)})`,
      ),
      (row) => ({ projectId: row.projectId, label: row.name || ATTACHMENT_OWNER_KIND_LABELS.approval }),
    ),
};

/** The owner of kind `kind` and id `id`, or undefined when there is none. */
export async function attachmentOwner(
  store: Store,
  kind: AttachmentOwnerKind,
  id: number,
): Promise<AttachmentOwner | undefined> {
  return (await OWNER_LOOKUPS[kind](store, [id])).get(id);
}

/** A row as stored, the owner's label not yet looked up. */
export type StoredAttachment = Omit<AttachmentInfo, 'ownerLabel'>;

const SELECT = sqlFragment`SELECT id, owner_kind AS "ownerKind", owner_id AS "ownerId", project_id AS "projectId", sha256,
       file_name AS "fileName", size_bytes AS "sizeBytes", mime_type AS "mimeType", file_kind AS "fileKind", caption,
       created_at AS "createdAt", created_by AS "createdBy", deleted_at AS "deletedAt", deleted_by AS "deletedBy",
       version
  FROM attachments`;

export async function getStoredAttachment(store: Store, id: number): Promise<StoredAttachment | undefined> {
  return store.get<StoredAttachment>(sql`${SELECT} WHERE id = ${id}`);
}

/** The rows with their owners' labels, each kind's owners looked up once. */
export async function withOwnerLabels(store: Store, rows: readonly StoredAttachment[]): Promise<AttachmentInfo[]> {
  const labels = new Map<string, string>();
  for (const kind of Object.keys(OWNER_LOOKUPS) as AttachmentOwnerKind[]) {
    const ids = [...new Set(rows.filter((row) => row.ownerKind === kind).map((row) => row.ownerId))];
    if (!ids.length) continue;
    for (const [id, owner] of await OWNER_LOOKUPS[kind](store, ids)) labels.set(`${kind}:${id}`, owner.label);
  }
  return rows.map((row) => ({
    ...row,
    ownerLabel: labels.get(`${row.ownerKind}:${row.ownerId}`) ?? ATTACHMENT_OWNER_KIND_LABELS[row.ownerKind],
  }));
}

/** The owner's attachments that are not deleted, oldest first. */
export async function ownerAttachments(
  store: Store,
  kind: AttachmentOwnerKind,
  ownerId: number,
): Promise<StoredAttachment[]> {
  return store.all<StoredAttachment>(
    sql`${SELECT} WHERE owner_kind = ${kind} AND owner_id = ${ownerId} AND deleted_at IS NULL ORDER BY id`,
  );
}

/** Everything on the project (its checklist items', problems' and entries' too), oldest first. */
export async function projectAttachments(
  store: Store,
  projectId: number,
  includeDeleted: boolean,
): Promise<StoredAttachment[]> {
  return includeDeleted
    ? store.all<StoredAttachment>(sql`${SELECT} WHERE project_id = ${projectId} ORDER BY id`)
    : store.all<StoredAttachment>(sql`${SELECT} WHERE project_id = ${projectId} AND deleted_at IS NULL ORDER BY id`);
}

/** The bytes of the project's live attachments, for the per-project limit. */
export async function liveProjectBytes(store: Store, projectId: number): Promise<number> {
  const row = await store.get<{ total: number | null }>(
    sql`SELECT SUM(size_bytes) AS total FROM attachments WHERE project_id = ${projectId} AND deleted_at IS NULL`,
  );
  return Number(row?.total ?? 0);
}

export interface NewAttachment {
  ownerKind: AttachmentOwnerKind;
  ownerId: number;
  projectId: number;
  sha256: string;
  fileName: string;
  sizeBytes: number;
  mimeType: string;
  fileKind: AttachmentFileKind;
  caption: string;
}

/** The subject of an attachment's versions: its lines in its project's 变更记录. */
export function attachmentAuditSubject(stored: Pick<StoredAttachment, 'id' | 'projectId'>) {
  return { entity: 'project', entityId: stored.projectId, fieldPrefix: `attachment:${stored.id}:` };
}

/** A line of the project's 变更记录 about one attachment (附件, or 附件说明 for a caption). */
async function writeAttachmentHistory(
  store: Store,
  attachment: { id: number; projectId: number },
  change: { what: 'file' | 'caption'; oldValue: string | null; newValue: string },
  meta: WriteMeta,
): Promise<void> {
  const { what, ...values } = change;
  await writeAudit(
    store,
    {
      operator: meta.operator,
      entity: 'project',
      entityId: attachment.projectId,
      action: 'update',
      changes: [{ field: attachmentAuditField(attachment.id, what), ...values }],
    },
    meta.now,
  );
}

/** Keeps the row of a file already written under its sha256, with its line in the project's history. */
export async function insertAttachment(
  store: Store,
  row: NewAttachment,
  ownerLabel: string,
  meta: WriteMeta,
): Promise<number> {
  const id = await store.insert(
    sql`INSERT INTO attachments (owner_kind, owner_id, project_id, sha256, file_name, size_bytes, mime_type, file_kind,
                                 caption, created_at, created_by)
        VALUES (${row.ownerKind}, ${row.ownerId}, ${row.projectId}, ${row.sha256}, ${row.fileName}, ${row.sizeBytes},
                ${row.mimeType}, ${row.fileKind}, ${row.caption}, ${meta.now}, ${meta.operator})`,
  );
  await writeAttachmentHistory(
    store,
    { id, projectId: row.projectId },
    { what: 'file', oldValue: null, newValue: attachmentHistoryText(row.fileName, 'added', ownerLabel) },
    meta,
  );
  return id;
}

export async function updateAttachmentCaption(
  store: Store,
  stored: StoredAttachment,
  caption: string,
  meta: WriteMeta,
): Promise<void> {
  await store.run(sql`UPDATE attachments SET caption = ${caption}, version = version + 1 WHERE id = ${stored.id}`);
  await writeAttachmentHistory(
    store,
    stored,
    {
      what: 'caption',
      oldValue: stored.caption ? `${stored.fileName}：${stored.caption}` : null,
      newValue: caption ? `${stored.fileName}：${caption}` : `${stored.fileName}：（无说明）`,
    },
    meta,
  );
}

/** Soft deletion (deleted: true) or its undoing, with the line in the project's history. */
export async function markAttachmentDeleted(
  store: Store,
  stored: StoredAttachment,
  deleted: boolean,
  ownerLabel: string,
  meta: WriteMeta,
): Promise<void> {
  if (deleted) {
    await store.run(
      sql`UPDATE attachments SET deleted_at = ${meta.now}, deleted_by = ${meta.operator}, version = version + 1
          WHERE id = ${stored.id}`,
    );
  } else {
    await store.run(
      sql`UPDATE attachments SET deleted_at = NULL, deleted_by = NULL, version = version + 1 WHERE id = ${stored.id}`,
    );
  }
  await writeAttachmentHistory(
    store,
    stored,
    {
      what: 'file',
      oldValue: attachmentHistoryText(stored.fileName, deleted ? 'added' : 'removed', ownerLabel),
      newValue: attachmentHistoryText(stored.fileName, deleted ? 'removed' : 'restored', ownerLabel),
    },
    meta,
  );
}

// ---- for backups and the monthly purge (attach-backup) ----

/** Every sha256 any row names, deleted rows included (their files stay until the purge): what a backup carries. */
export async function referencedAttachmentShas(store: Store): Promise<string[]> {
  const rows = await store.allRaw<[string]>(sql`SELECT DISTINCT sha256 FROM attachments ORDER BY sha256`);
  return rows.map((row) => row[0]);
}

/** The attachments deleted before `before` (an ISO time or date): what the monthly backup rotation purges. */
export async function purgeableAttachments(store: Store, before: string): Promise<StoredAttachment[]> {
  return store.all<StoredAttachment>(
    sql`${SELECT} WHERE deleted_at IS NOT NULL AND deleted_at < ${before} ORDER BY id`,
  );
}

/**
 * Drops the rows (only deleted ones: a live row is never purged) and answers the sha256s no row names any more,
 * whose files can go. Run it in a transaction; remove the files after it commits.
 */
export async function dropAttachmentRows(store: Store, ids: readonly number[]): Promise<string[]> {
  if (!ids.length) return [];
  const shas = await store.allRaw<[string]>(
    sql`SELECT DISTINCT sha256 FROM attachments WHERE id IN (${sqlJoin(ids)}) AND deleted_at IS NOT NULL`,
  );
  await store.run(sql`DELETE FROM attachments WHERE id IN (${sqlJoin(ids)}) AND deleted_at IS NOT NULL`);
  if (!shas.length) return [];
  const still = new Set(
    (
      await store.allRaw<[string]>(
        sql`SELECT DISTINCT sha256 FROM attachments WHERE sha256 IN (${sqlJoin(shas.map((row) => row[0]))})`,
      )
    ).map((row) => row[0]),
  );
  return shas.map((row) => row[0]).filter((sha) => !still.has(sha));
}

import fs from 'node:fs';
import { dropAttachmentRows, purgeableAttachments, referencedAttachmentShas } from '../../../db/queries/attachments';
import type { Store } from '../../../db/store/store';
import { attachmentFilePath } from './file-paths';
import { removeAttachmentFiles, storedAttachmentShas } from './file-store';

// The purge of deleted attachments, run by the monthly backup rotation (issue #17: a deleted attachment stays
// recoverable until then). The rows go in one transaction; the files no row names any more go after it commits,
// so a crash between the two leaves only files without rows, which the next purge sweeps.

export interface AttachmentPurge {
  /** rows dropped */
  rows: number;
  /** files removed (shared files stay while another row names them) */
  files: number;
}

/** How long a file without a row is left alone: an upload writes its file a moment before its row. */
const UNNAMED_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * Drops the attachments deleted before `before` (ISO) and removes the files no row names any more, swept files
 * included: those of uploads whose row was refused, older than a day.
 */
export async function purgeDeletedAttachments(store: Store, dataDir: string, before: string): Promise<AttachmentPurge> {
  const { rows, freed } = await store.transaction(async () => {
    const ids = (await purgeableAttachments(store, before)).map((row) => row.id);
    return { rows: ids.length, freed: await dropAttachmentRows(store, ids) };
  });
  removeAttachmentFiles(dataDir, freed);
  const named = new Set(await referencedAttachmentShas(store));
  const unnamed = storedAttachmentShas(dataDir).filter((sha) => {
    if (named.has(sha)) return false;
    try {
      return Date.now() - fs.statSync(attachmentFilePath(dataDir, sha)).mtimeMs > UNNAMED_GRACE_MS;
    } catch {
      return false;
    }
  });
  removeAttachmentFiles(dataDir, unnamed);
  return { rows, files: freed.length + unnamed.length };
}

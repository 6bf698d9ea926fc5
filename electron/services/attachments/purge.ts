import fs from 'node:fs';
import path from 'node:path';
import {
  describeFileRef,
  purgeableAttachments,
  purgeMonthlyBackup,
  type AttachmentFileRef,
} from '../../../db/model/attachment-backup';
import { deletedAttachmentRefs, dropAttachmentRows } from '../../../db/queries/attachment-files';
import { writeOperationNote } from '../../../db/queries/audit';
import type { AppContext } from '../app-context';
import { kindOf, takenAtOf } from '../backup-names';
import { isPackFile } from '../backup-pack-format';
import { packListing } from '../backup-pack-read';
import { packFilesOf, readFileList } from './backup-files';
import { attachmentFilePath } from './file-paths';

// “A deleted attachment stays recoverable until the next monthly backup rotation” (issue #17), read as: a
// deleted attachment can be restored in the app (attachments.restore) until a monthly backup taken after its
// deletion is final — the newest automatic backup of a month that has ended — and the rotation after it has run.
// That rotation drops its row and, when no other row references it, its file: the monthly backup still holds
// both (row, deleted, and file, verified when stored), and the rotation keeps it for the 保留 months, so the
// attachment can still be had back from that backup for as long. Only rows that backup holds in the same
// deletion and with its file are dropped; one restored since, deleted again after it, or whose file the backup
// lacks, stays. Automatic backups only: an operation's backup runs no purge in the middle of the operation.

/** Who the change history names for the purge: no clerk asked for it. */
export const PURGE_OPERATOR = '系统（月度备份轮换）';

export interface PurgeResult {
  /** the monthly backup that holds what was dropped (its file name) */
  monthly: string | null;
  purged: AttachmentFileRef[];
  /** files removed from the data folder (no row references them any more) */
  removedFiles: number;
}

const NOTHING: PurgeResult = { monthly: null, purged: [], removedFiles: 0 };

/** The purge after a rotation, at `now` (ms): drops what the newest finished month's backup holds deleted. */
export async function purgeDeletedAttachments(ctx: AppContext, now: number): Promise<PurgeResult> {
  const dir = path.join(ctx.dataDir, 'backups');
  if (!fs.existsSync(dir)) return NOTHING;
  const packs = fs
    .readdirSync(dir)
    .filter(isPackFile)
    .map((name) => ({ name, takenAt: takenAtOf(path.join(dir, name)), kind: kindOf(name) }));
  const monthly = purgeMonthlyBackup(packs, now);
  if (!monthly) return NOTHING;
  const file = path.join(dir, monthly.name);
  // a backup that could not be restored is no safe keeping
  if (packListing(file).problem) return NOTHING;
  const files = packFilesOf(file);
  const list = files ? readFileList(dir, files) : null;
  if (!list) return NOTHING;
  const stored = (ref: AttachmentFileRef) => fs.existsSync(attachmentFilePath(dir, ref.sha256));
  const at = new Date(now).toISOString();
  const { purged, unreferenced } = await ctx.store.transaction(
    async () => {
      const live = await deletedAttachmentRefs(ctx.store);
      const ids = new Set(purgeableAttachments(list, live));
      const purged = live.filter((row) => ids.has(row.id) && stored(row));
      const unreferenced = await dropAttachmentRows(
        ctx.store,
        purged.map((row) => row.id),
      );
      for (const row of purged) {
        await writeOperationNote(
          ctx.store,
          {
            entity: 'backup',
            action: 'update',
            text:
              `清除已删除的附件${describeFileRef(row)}（删除于 ${row.deletedAt?.slice(0, 10)}）：` +
              `月度备份 ${monthly.name} 中仍保留，可从该备份恢复`,
          },
          { operator: PURGE_OPERATOR, now: at },
        );
      }
      return { purged, unreferenced };
    },
    { idempotent: true },
  );
  // after the commit: a file goes only once no row can need it
  for (const sha256 of unreferenced) fs.rmSync(attachmentFilePath(ctx.dataDir, sha256), { force: true });
  return { monthly: monthly.name, purged, removedFiles: unreferenced.length };
}

/** The purge, never failing the backup it follows: a failure is logged and tried again at the next rotation. */
export async function purgeAfterRotation(ctx: AppContext, now: number): Promise<PurgeResult> {
  try {
    return await purgeDeletedAttachments(ctx, now);
  } catch (error) {
    console.error('purge of deleted attachments failed', error);
    return NOTHING;
  }
}

import fs from 'node:fs';
import path from 'node:path';
import {
  describeFileRef,
  purgeableAttachments,
  purgeMonthlyBackup,
  type AttachmentFileRef,
} from '../../../db/model/attachment-backup';
import { deletedAttachmentRefs } from '../../../db/queries/attachment-files';
import {
  dropAttachmentRows,
  purgeableAttachments as deletedBefore,
  referencedAttachmentShas,
} from '../../../db/queries/attachments';
import type { Store } from '../../../db/store/store';
import { writeOperationNote } from '../../../db/queries/audit';
import type { AppContext } from '../app-context';
import { kindOf, takenAtOf } from '../backup-names';
import { isPackFile } from '../backup-pack-format';
import { packListing } from '../backup-pack-read';
import { packFilesOf, readFileList } from './backup-files';
import { attachmentFilePath } from './file-paths';
import { removeAttachmentFiles, storedAttachmentShas } from './file-store';

// “A deleted attachment stays recoverable until the next monthly backup rotation” (issue #17), read as: a
// deleted attachment can be restored in the app (attachments.restore) until a monthly backup taken after its
// deletion is final — the newest automatic backup of a month that has ended — and the rotation after it has run.
// That rotation drops its row and, when no other row references it, its file: the monthly backup still holds
// both (row, deleted, and file, verified when stored), and the rotation keeps it for the 保留 months, so the
// attachment can still be had back from that backup for as long. Only rows that backup holds in the same
// deletion and with its file are dropped; one restored since, deleted again after it, or whose file the backup
// lacks, stays. Automatic backups only: an operation's backup runs no purge in the middle of the operation.
// The same rotation sweeps files no row names (an upload whose row was refused, files a restore brought back
// for rows it then did not restore), a day old at least.

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
export async function purgeAtMonthlyRotation(ctx: AppContext, now: number): Promise<PurgeResult> {
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
  // after the commit: a file goes only once no row can need it (with its thumbnail and preview)
  removeAttachmentFiles(ctx.dataDir, unreferenced);
  return { monthly: monthly.name, purged, removedFiles: unreferenced.length };
}

/** The purge, never failing the backup it follows: a failure is logged and tried again at the next rotation. */
export async function purgeAfterRotation(ctx: AppContext, now: number): Promise<PurgeResult> {
  try {
    const purged = await purgeAtMonthlyRotation(ctx, now);
    await sweepUnnamedFiles(ctx.store, ctx.dataDir);
    return purged;
  } catch (error) {
    console.error('purge of deleted attachments failed', error);
    return NOTHING;
  }
}

// By date: the deleted attachments before a given time (attach-core's primitive; the rotation uses the rule
// above). The rows go in one transaction; the files no row names any more go after it commits, so a crash
// between the two leaves only files without rows, which the next sweep removes.

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
    const ids = (await deletedBefore(store, before)).map((row) => row.id);
    return { rows: ids.length, freed: await dropAttachmentRows(store, ids) };
  });
  removeAttachmentFiles(dataDir, freed);
  return { rows, files: freed.length + (await sweepUnnamedFiles(store, dataDir)) };
}

/** Removes the files no row names, older than a day (an upload writes its file a moment before its row). */
export async function sweepUnnamedFiles(store: Store, dataDir: string): Promise<number> {
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
  return unnamed.length;
}

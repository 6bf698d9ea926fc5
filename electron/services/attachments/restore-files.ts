import path from 'node:path';
import { attachmentRefsInFile } from '../../../db/attachment-refs';
import { AppError } from '../../../db/errors';
import {
  missingFileLines,
  missingFilesRefusal,
  missingFilesText,
  type AttachmentFileRef,
} from '../../../db/model/attachment-backup';
import { backupFileList, bringFilesBack } from './backup-files';

// The files of a restore (issue #17): every file the restored rows reference is made present in the data
// folder, verified by hash, before the restored database replaces the current one. A backup that lacks a file,
// or holds a damaged one, is refused with which files and which projects, unless the clerk has confirmed
// (`allowMissing`): then the restore goes on, its line in 变更记录 names the missing files, and so does the answer.

export interface RestoredFiles {
  /** the rows whose file neither the backups folder nor the data folder holds intact */
  missing: AttachmentFileRef[];
}

export interface RestoreFilesOptions {
  /** the clerk has seen which files are missing and restores all the same */
  allowMissing?: boolean;
}

function refuseOrList(missing: AttachmentFileRef[], options: RestoreFilesOptions): RestoredFiles {
  if (missing.length && !options.allowMissing) {
    throw new AppError('backup_files_missing', missingFilesRefusal(missing));
  }
  return { missing };
}

/**
 * Before anything else of a restore: the files of the rows `backupFile` holds, as its list (or a plain file's
 * own table) says. null when the backup cannot say without being rebuilt (a pack whose list is lost): then
 * `filesOfRebuilt` does it on the rebuilt database.
 */
export async function filesBeforeRestore(
  dataDir: string,
  backupFile: string,
  options: RestoreFilesOptions,
): Promise<RestoredFiles | null> {
  const list = backupFileList(backupFile);
  if (!list) return null;
  return refuseOrList(await bringFilesBack(dataDir, path.dirname(backupFile), list.rows), options);
}

/** The files of the rows a rebuilt backup (`plainFile`, a plain SQLite file) holds. */
export async function filesOfRebuilt(
  dataDir: string,
  backupDir: string,
  plainFile: string,
  options: RestoreFilesOptions,
): Promise<RestoredFiles> {
  return refuseOrList(await bringFilesBack(dataDir, backupDir, attachmentRefsInFile(plainFile)), options);
}

/** The restore's line in 变更记录, with the missing files when there are some. */
export function noteWithMissing(note: string, files: RestoredFiles): string {
  return files.missing.length ? `${note}（${missingFilesText(files.missing)}）` : note;
}

/** The missing files as the restore answers them, one line each. */
export function missingLines(files: RestoredFiles): string[] {
  return missingFileLines(files.missing);
}

import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../db/errors';
import { SCHEMA_VERSION } from '../../db/migrations';
import { checkpointAndClose, stampRestore } from '../../db/restore-stamp';
import { getSetting } from '../../db/queries/settings';
import type { AppContext, SqliteAppContext } from './app-context';
import { createBackup, extractBackup, inspectBackup, ownBackupFile, PackDamaged } from './backup';
import { crashPoint } from './crash-points';
import { databaseFileOf } from './data-files';
import { fsyncDir, fsyncFile } from '../../db/durable-files';
import { keepDamaged, RESTORE_SUFFIX } from './interrupted-swaps';
import { currentCaller, operatorOf } from './auth/caller';
import {
  filesBeforeRestore,
  filesOfRebuilt,
  missingLines,
  noteWithMissing,
  type RestoreFilesOptions,
} from './attachments/restore-files';

// 恢复, so that a kill at any moment leaves the next start with the old data or the restored data:
//   0. the attachment files its rows reference are made present in the data folder, each verified by hash
//      (attachments/restore-files.ts: a backup lacking some is refused unless the clerk confirmed);
//   1. the backup is copied beside the data file as .partial (a pack rebuilt and its hashes checked), its own change history gets the restore's line,
//      it is synced and checked, and only then renamed .incoming (an .incoming is always complete and sound);
//   2. the open file is checkpointed and closed, renamed .previous, and .incoming renamed over the data file;
//   3. the folder is reopened (an older backup is brought up to date by the usual migrations) and .previous
//      goes; if the restored file will not open, .previous comes back.
// interrupted-swaps.ts finishes or rolls back whatever a kill left, at the next start.

/** Why a backup cannot be used, as one sentence: the check's own words, then what to do. */
export function unusable(problem: string): AppError {
  return new AppError('backup_damaged', `该备份不能用于恢复：${problem}。请选择其他备份。`);
}

function verifiedCopy(file: string): void {
  const inspected = inspectBackup(file);
  if (inspected.problem) throw unusable(inspected.problem);
}

function removeEmptySideFiles(file: string): void {
  for (const suffix of ['-wal', '-shm']) {
    const side = file + suffix;
    if (!fs.existsSync(side)) continue;
    // a closed, checkpointed database leaves no frames behind; frames here would belong to the old file
    if (suffix === '-wal' && fs.statSync(side).size > 0) {
      throw new AppError('restore_failed', '数据文件仍有未写入的内容，恢复未进行，数据保持原样，请重试');
    }
    fs.rmSync(side, { force: true });
  }
}

/** One of the app's own backups, checked: a damaged one or one from a newer program is refused with the reason. */
export function usableBackup(ctx: Pick<AppContext, 'dataDir'>, fileName: string): string {
  const backup = ownBackupFile(ctx, fileName);
  const inspected = inspectBackup(backup);
  if (inspected.problem) throw unusable(inspected.problem);
  if (inspected.schemaVersion > SCHEMA_VERSION) {
    throw new AppError('backup_version', '该备份来自更新版本的程序，请先升级程序再恢复');
  }
  return backup;
}

export interface RestoreResult {
  safetyBackup: string | null;
  /** attachment files the backup lacked, restored all the same because the clerk confirmed (issue #17) */
  missingFiles: string[];
}

export async function restoreBackup(
  ctx: SqliteAppContext,
  fileName: string,
  note: string,
  options: RestoreFilesOptions = {},
): Promise<RestoreResult> {
  const backup = usableBackup(ctx, fileName);
  // the attachment files first: a backup that lacks some is refused before anything is done, unless confirmed
  let files = await filesBeforeRestore(ctx.dataDir, backup, options);
  // the background check's own handle on the file: Windows renames no file open elsewhere
  await ctx.fullCheckRunning;
  const sound = !ctx.damage && !ctx.startProblem;
  const caller = currentCaller();
  const operator = caller
    ? operatorOf(caller)
    : (sound && (await getSetting(ctx.store, 'operatorName'))) || '（未署名）';
  const safetyBackup = sound ? await createBackup(ctx, '恢复前') : null;
  const file = databaseFileOf(ctx.dataDir);
  const partial = `${file}${RESTORE_SUFFIX.partial}`;
  const incoming = `${file}${RESTORE_SUFFIX.incoming}`;
  const previous = `${file}${RESTORE_SUFFIX.previous}`;

  crashPoint('restore:start');
  try {
    await extractBackup(backup, partial);
    crashPoint('restore:copied');
    files ??= await filesOfRebuilt(ctx.dataDir, path.dirname(backup), partial, options);
    stampRestore(partial, operator, noteWithMissing(note, files), new Date().toISOString());
    crashPoint('restore:stamped');
    fsyncFile(partial);
    verifiedCopy(partial);
    fs.renameSync(partial, incoming);
    fsyncDir(ctx.dataDir);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    fs.rmSync(`${partial}-journal`, { force: true });
    if (error instanceof AppError) throw error;
    if (error instanceof PackDamaged) throw unusable(error.message);
    throw new AppError('restore_failed', '无法在数据文件夹中准备恢复的副本（可能空间不足），数据保持原样');
  }
  crashPoint('restore:incoming');

  if (ctx.damage) keepDamaged(ctx.dataDir, file);
  checkpointAndClose(ctx.db);
  crashPoint('restore:closed');
  try {
    removeEmptySideFiles(file);
  } catch (error) {
    fs.rmSync(incoming, { force: true });
    await ctx.reopen();
    throw error;
  }
  const hadFile = fs.existsSync(file);
  if (hadFile) fs.renameSync(file, previous);
  crashPoint('restore:asided');
  fs.renameSync(incoming, file);
  fsyncDir(ctx.dataDir);
  crashPoint('restore:swapped');

  try {
    await ctx.reopen();
    if (ctx.damage) throw new AppError('backup_damaged', '恢复后的数据未通过检查，已放弃恢复');
  } catch (error) {
    try {
      ctx.db.close();
    } catch {
      // already closed when reopening failed
    }
    if (hadFile) {
      fs.renameSync(file, path.join(ctx.dataDir, `${path.basename(file)}.未能打开的恢复`));
      fs.renameSync(previous, file);
    }
    await ctx.reopen();
    if (error instanceof AppError) throw error;
    throw new AppError('restore_failed', '恢复未完成，数据保持恢复前的样子');
  }
  fs.rmSync(previous, { force: true });
  crashPoint('restore:done');
  return { safetyBackup, missingFiles: missingLines(files) };
}

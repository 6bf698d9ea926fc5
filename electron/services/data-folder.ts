import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../db/errors';
import { copyCheckedDatabase } from '../../db/database-copy';
import { checkpointAndClose } from '../../db/restore-stamp';
import type { SqliteAppContext } from './app-context';
import { backupDirOf } from './backup';
import { crashPoint } from './crash-points';
import { databaseFileOf, MOVED_NOTE } from './data-files';
import { MOVING_MARKER, movingFrom, retireMovedFile } from './data-folder-start';
import { fsyncDir, fsyncFile, writeFileDurably } from '../../db/durable-files';
import { backupFilesDir, copyFileStore } from './attachments/backup-files';
import { attachmentFilesDir } from './attachments/file-paths';

// Moving the data folder (offices keep data on D:, not on C: with the system), so that a kill at any step
// leaves the old data or the new:
//   1. the target gets a marker naming this folder, then the copy as .moving (SQLite's online backup) and the
//      backups folder; the copy is checked table by table, synced, and renamed into place;
//   2. the note in this folder, written durably, commits the move (data-folder-start follows it);
//   3. this folder's file is put aside under a name that says where it went, the marker goes, and the app
//      reopens on the target.
// A retry finds its own marker in the target and clears the half copy a kill left there.

const COPYING = '.moving';

/** Places no data folder can live: the kernel's views and devices, where a mkdir may never return. */
const SPECIAL_ROOTS = ['/proc', '/sys', '/dev'];

function isSpecial(target: string): boolean {
  if (process.platform === 'win32') return false;
  return SPECIAL_ROOTS.some((root) => target === root || target.startsWith(`${root}/`));
}

function checkTarget(ctx: SqliteAppContext, target: string): string {
  if (!path.isAbsolute(target))
    throw new AppError('invalid_input', '请填写完整的文件夹路径，如 D:\\重点项目数据', 'target');
  const to = path.resolve(target);
  if (isSpecial(to))
    throw new AppError('invalid_input', `“${to}”是系统的特殊目录，不能存放数据，请换一个位置`, 'target');
  if (to === path.resolve(ctx.dataDir)) throw new AppError('invalid_input', '新位置与当前数据文件夹相同', 'target');
  if (to.startsWith(path.resolve(ctx.dataDir) + path.sep)) {
    throw new AppError('invalid_input', '新位置不能在当前数据文件夹里面', 'target');
  }
  for (let dir = to; ; dir = path.dirname(dir)) {
    if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) {
      throw new AppError('invalid_input', `“${dir}”是一个文件，不是文件夹，请换一个位置`, 'target');
    }
    if (dir === path.dirname(dir)) break;
  }
  const ours = movingFrom(to);
  const halfCopy = ours !== null && path.resolve(ours) === path.resolve(ctx.dataDir);
  if (fs.existsSync(databaseFileOf(to)) && !halfCopy) {
    throw new AppError('invalid_input', '该文件夹里已有重点项目数据，为免覆盖，请选择一个空文件夹', 'target');
  }
  return to;
}

/**
 * The attachment files (issue #17), the data folder's and the backups', each copied verified by its hash (its
 * name); a damaged one stops the move, naming it, and the data stays where it is.
 */
async function copyAttachmentFiles(from: string, to: string): Promise<void> {
  const damaged = [
    ...(await copyFileStore(from, to)),
    ...(await copyFileStore(backupDirOf({ dataDir: from }), backupDirOf({ dataDir: to }))),
  ];
  if (damaged.length) {
    throw new AppError(
      'move_failed',
      `有${damaged.length}个附件文件已损坏（内容与记录的校验值不符，如 ${damaged[0].slice(0, 12)}…），未切换，数据仍在原位置`,
    );
  }
}

function clearHalfCopy(to: string, hadBackups: boolean): void {
  for (const suffix of ['', '-wal', '-shm', COPYING, `${COPYING}-journal`, `${COPYING}-wal`, `${COPYING}-shm`]) {
    fs.rmSync(databaseFileOf(to) + suffix, { force: true });
  }
  if (!hadBackups) fs.rmSync(backupDirOf({ dataDir: to }), { recursive: true, force: true });
  // a half copy's attachment files: the target had no data (checkTarget), so none of them are anyone else's
  if (!hadBackups) fs.rmSync(attachmentFilesDir(to), { recursive: true, force: true });
}

function writable(to: string): void {
  try {
    fs.mkdirSync(to, { recursive: true });
    const probe = path.join(to, `.zdxm-probe-${process.pid}`);
    fs.writeFileSync(probe, 'x');
    fs.rmSync(probe);
  } catch {
    throw new AppError(
      'folder_not_writable',
      `无法在“${to}”建立或写入文件夹（可能只读或无权限），请换一个位置`,
      'target',
    );
  }
}

export async function moveDataFolder(ctx: SqliteAppContext, target: string): Promise<{ dataDir: string }> {
  const to = checkTarget(ctx, target);
  writable(to);
  // the background check's own handle on the file: Windows renames no file open elsewhere
  await ctx.fullCheckRunning;
  const from = ctx.dataDir;
  const ours = movingFrom(to) !== null;
  const hadBackups = !ours && fs.existsSync(backupDirOf({ dataDir: to }));
  if (ours) clearHalfCopy(to, false);
  const marker = path.join(to, MOVING_MARKER);
  const copy = databaseFileOf(to);
  try {
    writeFileDurably(marker, JSON.stringify({ from, startedAt: new Date().toISOString() }, null, 2));
    crashPoint('move:marked');
    await copyCheckedDatabase(ctx.db, copy + COPYING);
    crashPoint('move:copied');
    const backups = backupDirOf(ctx);
    if (fs.existsSync(backups)) {
      // the backups' attachment files are copied verified below, with the data folder's own
      const store = backupFilesDir(backups);
      fs.cpSync(backups, backupDirOf({ dataDir: to }), { recursive: true, filter: (from) => from !== store });
    }
    await copyAttachmentFiles(from, to);
    fsyncFile(copy + COPYING);
    for (const side of ['-wal', '-shm']) fs.rmSync(copy + COPYING + side, { force: true });
    fs.renameSync(copy + COPYING, copy);
    fsyncDir(to);
    crashPoint('move:placed');
  } catch (error) {
    clearHalfCopy(to, hadBackups);
    fs.rmSync(marker, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError('move_failed', `复制到“${to}”时出错（可能空间不足），未切换，数据仍在原位置`);
  }
  // the commit: from here on a start anywhere finds the data in the new folder
  writeFileDurably(path.join(from, MOVED_NOTE), JSON.stringify({ to, movedAt: new Date().toISOString() }, null, 2));
  crashPoint('move:noted');
  checkpointAndClose(ctx.db);
  retireMovedFile(from);
  fsyncDir(from);
  crashPoint('move:retired');
  fs.rmSync(marker, { force: true });
  await ctx.reopen(to);
  return { dataDir: to };
}

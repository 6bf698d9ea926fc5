import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../db/errors';
import { SCHEMA_VERSION } from '../../db/migrations';
import type { AppContext } from './app-context';
import { databaseFileOf } from './data-files';
import { createBackup, inspectBackup, ownBackupFile } from './backup';

// 恢复: the data file is replaced by the backup while closed (an older backup is then brought up to date by the
// usual migrations), after a backup of the current state; if the restored file does not open, the current
// file goes back as it was.

const SIDE_FILES = ['', '-wal', '-shm'];

function moveAside(file: string, aside: string): void {
  for (const suffix of SIDE_FILES) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix);
  }
}

function putBack(aside: string, file: string): void {
  for (const suffix of SIDE_FILES) {
    fs.rmSync(file + suffix, { force: true });
    if (fs.existsSync(aside + suffix)) fs.renameSync(aside + suffix, file + suffix);
  }
}

/** Keeps a damaged file for whoever investigates later, outside the backups list. */
function keepDamaged(ctx: AppContext, file: string): void {
  const dir = path.join(ctx.dataDir, 'damaged');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (const suffix of SIDE_FILES) {
    if (fs.existsSync(file + suffix))
      fs.copyFileSync(file + suffix, path.join(dir, `损坏的数据-${stamp}.sqlite${suffix}`));
  }
}

export async function restoreBackup(ctx: AppContext, fileName: string): Promise<{ safetyBackup: string | null }> {
  const backup = ownBackupFile(ctx, fileName);
  const inspected = inspectBackup(backup);
  if (inspected.problem) throw new AppError('backup_damaged', `${inspected.problem}，不能用于恢复，请选择其他备份`);
  if (inspected.schemaVersion > SCHEMA_VERSION) {
    throw new AppError('backup_version', '该备份来自更新版本的程序，请先升级程序再恢复');
  }
  const safetyBackup = ctx.damage ? null : await createBackup(ctx, '恢复前');
  const file = databaseFileOf(ctx.dataDir);
  if (ctx.damage) keepDamaged(ctx, file);
  const aside = `${file}.restoring`;
  ctx.db.close();
  moveAside(file, aside);
  try {
    fs.copyFileSync(backup, file);
    ctx.reopen();
    if (ctx.damage) throw new AppError('backup_damaged', '恢复后的数据未通过检查，已放弃恢复');
  } catch (error) {
    try {
      ctx.db.close();
    } catch {
      // already closed when reopening failed
    }
    putBack(aside, file);
    ctx.reopen();
    if (error instanceof AppError) throw error;
    throw new AppError('restore_failed', '恢复未完成，数据保持恢复前的样子');
  }
  for (const suffix of SIDE_FILES) fs.rmSync(aside + suffix, { force: true });
  return { safetyBackup };
}

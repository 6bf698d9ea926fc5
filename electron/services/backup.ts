import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../db/errors';
import type { AppContext } from './app-context';

export function backupDirOf(ctx: AppContext): string {
  return path.join(ctx.dataDir, 'backups');
}

/** An online backup (SQLite's backup API, consistent while the app keeps writing), never a file copy. */
export async function createBackup(ctx: AppContext, label: string): Promise<string> {
  const dir = backupDirOf(ctx);
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `${label}-${stamp}.sqlite`);
  await ctx.db.backup(file);
  return file;
}

/** A backup the app itself made: inside the data folder's backups, so no input can point elsewhere. */
export function ownBackupFile(ctx: AppContext, file: string): string {
  const resolved = path.resolve(file);
  const dir = path.resolve(backupDirOf(ctx));
  if (!resolved.startsWith(dir + path.sep) || !fs.existsSync(resolved)) {
    throw new AppError('not_found', '找不到该备份文件，它可能已被移走或删除');
  }
  return resolved;
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../db/connection';
import { copySqliteToPostgres } from '../../db/copy/to-postgres';
import { AppError } from '../../db/errors';
import { DamagedDatabaseError } from '../../db/integrity';
import { getSetting } from '../../db/queries/settings';
import { stampRestore } from '../../db/restore-stamp';
import type { ServerAppContext } from './app-context';
import { backupDirOf, createBackup, extractBackup, PackDamaged } from './backup';
import { unusable, usableBackup, type RestoreResult } from './restore-backup';
import {
  filesBeforeRestore,
  filesOfRebuilt,
  missingLines,
  noteWithMissing,
  type RestoredFiles,
  type RestoreFilesOptions,
} from './attachments/restore-files';
import { currentCaller, operatorOf } from './auth/caller';

// 恢复 on a database server. The backup is rebuilt as a plain SQLite file beside it, the restore's line is
// written into its change history, it is brought to this program's schema (an older backup) and checked as any
// file the app opens; then it replaces the library in the database in one transaction, read back and compared
// table by table before the commit (db/copy/to-postgres.ts). The database holds either what it had or exactly
// the backup and its line; other requests wait for the commit, and a kill leaves only a `.partial`, removed at
// the next start.

export interface RestoreLine {
  operator: string;
  text: string;
  at: string;
}

/** The library in the database becomes exactly the backup's `file` (one of the server's), with `line` added. */
export async function loadBackupIntoServer(
  ctx: ServerAppContext,
  file: string,
  line: RestoreLine,
  options: RestoreFilesOptions & { known?: RestoredFiles | null } = { allowMissing: true },
): Promise<RestoredFiles> {
  const work = path.join(backupDirOf(ctx), `恢复中-${process.pid}-${Date.now()}.partial`);
  // an older backup is copied aside before it is migrated, as any file is: that copy is of no use here
  const asideDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-restore-'));
  try {
    await extractBackup(file, work);
    // the attachment files into the server's data folder, each verified by hash, before the rows that need them
    const files = options.known ?? (await filesOfRebuilt(ctx.dataDir, path.dirname(file), work, options));
    stampRestore(work, line.operator, noteWithMissing(line.text, files), line.at);
    openDatabase(work, { backupDir: asideDir }).close();
    await copySqliteToPostgres(work, ctx.databaseUrl, { replace: true });
    return files;
  } catch (error) {
    if (error instanceof PackDamaged || error instanceof DamagedDatabaseError) throw unusable(error.message);
    if (error instanceof AppError && error.code.startsWith('database_')) throw error;
    if (error instanceof AppError && error.code === 'backup_files_missing') throw error;
    if (error instanceof AppError)
      throw new AppError('restore_failed', `恢复未完成，数据保持恢复前的样子：${error.message}`);
    throw error;
  } finally {
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(work + suffix, { force: true });
    fs.rmSync(asideDir, { recursive: true, force: true });
  }
}

/** 恢复 of one of the server's backups, after a backup of what the database holds now (恢复前). */
export async function restoreServerBackup(
  ctx: ServerAppContext,
  fileName: string,
  note: string,
  options: RestoreFilesOptions = {},
): Promise<RestoreResult> {
  const backup = usableBackup(ctx, fileName);
  // the attachment files first: a backup that lacks some is refused before anything is done, unless confirmed
  const known = await filesBeforeRestore(ctx.dataDir, backup, options);
  const caller = currentCaller();
  const operator = caller ? operatorOf(caller) : (await getSetting(ctx.store, 'operatorName')) || '（未署名）';
  const safetyBackup = await createBackup(ctx, '恢复前');
  const files = await loadBackupIntoServer(
    ctx,
    backup,
    { operator, text: note, at: new Date().toISOString() },
    { ...options, known },
  );
  return { safetyBackup, missingFiles: missingLines(files) };
}

import { releaseBackupLock, tryBackupLock, waitForBackupLock } from '../../db/backup-lock';
import { settingInBackupFile } from '../../db/backup-file';
import { connectPostgres, failedCopy } from '../../db/copy/postgres-connection';
import { copyPostgresToSqlite } from '../../db/copy/to-sqlite';
import { DEFAULT_BACKUP_KEEP } from '../../db/model/backup-rotation';
import { backupKeepFrom, packNewBackup, rotateBackupFolder } from './backup';
import { backupNameOf, kindOf } from './backup-names';
import { hasAutomaticBackupIn, localDay } from './backup-schedule';

// The database server's backups are snapshots of the library in the single-PC format: a verified copy out of
// PostgreSQL (db/copy) packed, named and rotated exactly as a single-PC backup, so the single-PC restore takes
// either. Several app servers may share one database and one backups folder: an automatic backup runs on the
// one that holds the backup lock and is skipped by the others, and also by whichever comes later the same day
// (the single-PC schedule's rule); a backup a clerk asked for waits for the lock instead.

export interface ServerBackupOptions {
  /** postgres://… */
  url: string;
  backupDir: string;
  /** the server's data folder, whose attachment files the backup stores; the backups folder's parent if not given */
  dataDir?: string;
  /** what it is taken before, as a single-PC backup's: 自动备份-每日, 手动备份, 导入台账前… (its kind follows) */
  label: string;
  now?: Date;
}

export type ServerBackupResult =
  | { written: true; file: string; deleted: string[] }
  | { written: false; reason: 'other_server' | 'not_due'; message: string };

const NOT_WRITTEN = '备份未进行，没有留下备份文件';

async function writeBackup(options: ServerBackupOptions, now: Date): Promise<ServerBackupResult> {
  let keep = DEFAULT_BACKUP_KEEP;
  const file = await packNewBackup(
    options.backupDir,
    backupNameOf(options.label, now),
    now,
    async (snapshot) => {
      await copyPostgresToSqlite(options.url, snapshot, {});
      // the office's own setting, as the snapshot holds it
      keep = backupKeepFrom(settingInBackupFile(snapshot, 'backupKeep'));
    },
    options.dataDir,
  );
  return { written: true, file, deleted: rotateBackupFolder(options.backupDir, keep, now.getTime()) };
}

export async function backupPostgres(options: ServerBackupOptions): Promise<ServerBackupResult> {
  const now = options.now ?? new Date();
  const automatic = kindOf(options.label) === 'automatic';
  const lock = await connectPostgres(options.url, NOT_WRITTEN);
  try {
    if (!automatic) await waitForBackupLock(lock);
    else if (!(await tryBackupLock(lock))) {
      return { written: false, reason: 'other_server', message: '另一台服务器正在备份这个数据库，本轮自动备份跳过' };
    }
    try {
      if (automatic && hasAutomaticBackupIn(options.backupDir, localDay(now.toISOString()))) {
        return { written: false, reason: 'not_due', message: '今天已有自动备份，本轮自动备份跳过' };
      }
      return await writeBackup(options, now);
    } finally {
      await releaseBackupLock(lock);
    }
  } catch (error) {
    throw failedCopy(error, NOT_WRITTEN);
  } finally {
    await lock.end().catch(() => undefined);
  }
}

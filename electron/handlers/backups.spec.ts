import { z } from 'zod';
import type { BackupInfo } from '../../db/model/backup-rotation';
import { requiredText } from '../../db/model/validation';
import { method, noInput } from './spec-shared';

export interface DataFolderInfo {
  /** sqlite: the data file in the data folder; postgres: the library on a database server, backups in the folder */
  engine: 'sqlite' | 'postgres';
  dataDir: string;
  /** the SQLite file, or the database's address without its password */
  databaseFile: string;
  sizeBytes: number;
  backupDir: string;
}

export const backupsSpec = {
  'backups.list': method<BackupInfo[]>()(noInput),
  'backups.create': method<BackupInfo>()(noInput),
  'backups.copyTo': method<{ file: string }>()(z.object({ folder: requiredText('文件夹', 500) }).strict()),
  'backups.addFrom': method<{ added: string[]; skipped: { fileName: string; reason: string }[] }>()(
    z.object({ folder: requiredText('文件夹', 500) }).strict(),
  ),
  'backups.restore': method<{ safetyBackup: string | null; missingFiles: string[] }>()(
    z
      .object({
        fileName: requiredText('备份文件', 255),
        // the clerk has been told which attachment files the backup lacks and restores all the same (issue #17)
        allowMissingFiles: z.boolean({ error: '“仍然恢复”只能是是或否' }).optional(),
      })
      .strict(),
  ),
  'dataFolder.get': method<DataFolderInfo>()(noInput),
  'dataFolder.move': method<DataFolderInfo>()(z.object({ target: requiredText('新位置', 500) }).strict()),
};

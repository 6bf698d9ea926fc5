import path from 'node:path';
import fs from 'node:fs';
import { writeOperationNote } from '../../db/queries/audit';
import { getSetting } from '../../db/queries/settings';
import type { BackupInfo, DataFolderInfo, ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import {
  addBackupsFrom,
  backupDirOf,
  backupInfo,
  copyBackupTo,
  createBackup,
  listBackups,
  MANUAL_PREFIX,
} from '../services/backup';
import { databaseFileOf } from '../services/data-files';
import { moveDataFolder } from '../services/data-folder';
import { restoreBackup } from '../services/restore-backup';

function folderInfo(ctx: AppContext): DataFolderInfo {
  const databaseFile = databaseFileOf(ctx.dataDir);
  return {
    dataDir: ctx.dataDir,
    databaseFile,
    // while the app runs, recent pages live in the -wal file beside it
    sizeBytes: ['', '-wal'].reduce((sum, suffix) => {
      const file = databaseFile + suffix;
      return sum + (fs.existsSync(file) ? fs.statSync(file).size : 0);
    }, 0),
    backupDir: backupDirOf(ctx),
  };
}

/** A line in the change history for operations on the whole file (they change no single record). */
async function note(ctx: AppContext, text: string): Promise<void> {
  // a restored file may predate the clerk's name: the line is still written
  const operator = (await getSetting(ctx.store, 'operatorName')) || '（未署名）';
  await writeOperationNote(
    ctx.store,
    { entity: 'backup', action: 'update', text },
    { operator, now: new Date().toISOString() },
  );
}

export const backupHandlers = {
  'backups.list': async (ctx: AppContext): Promise<BackupInfo[]> => listBackups(ctx),

  'backups.create': async (ctx: AppContext): Promise<BackupInfo> => {
    return backupInfo(await createBackup(ctx, MANUAL_PREFIX));
  },

  'backups.copyTo': async (ctx: AppContext, input: ParsedInput<'backups.copyTo'>) => {
    const file = await copyBackupTo(ctx, input.folder);
    await note(ctx, `备份到 ${file}`);
    return { file };
  },

  'backups.addFrom': async (ctx: AppContext, input: ParsedInput<'backups.addFrom'>) =>
    addBackupsFrom(ctx, input.folder),

  'backups.restore': async (ctx: AppContext, input: ParsedInput<'backups.restore'>) => {
    const why = ctx.damage ? '数据文件损坏，' : ctx.startProblem?.kind === 'missing_folder' ? '找不到移走的数据，' : '';
    // the line travels inside the restored file, so a finished restore cannot lack it
    return restoreBackup(ctx, input.fileName, `${why}从备份 ${path.basename(input.fileName)} 恢复`);
  },

  'dataFolder.get': async (ctx: AppContext): Promise<DataFolderInfo> => folderInfo(ctx),

  'dataFolder.move': async (ctx: AppContext, input: ParsedInput<'dataFolder.move'>): Promise<DataFolderInfo> => {
    const from = ctx.dataDir;
    await moveDataFolder(ctx, input.target);
    await note(ctx, `数据文件夹由 ${from} 移至 ${ctx.dataDir}`);
    return folderInfo(ctx);
  },
};

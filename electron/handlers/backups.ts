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
import { restoreServerBackup } from '../services/restore-server';
import { AppError } from '../../db/errors';
import { redacted } from '../../db/copy/endpoint';
import { postgresDatabaseSize } from '../../db/queries/database-size';
import { currentCaller, operatorOf } from '../services/auth/caller';

async function folderInfo(ctx: AppContext): Promise<DataFolderInfo> {
  if (ctx.engine === 'postgres') {
    // the library is on the database server; the data folder holds this server's backups
    return {
      engine: 'postgres',
      dataDir: ctx.dataDir,
      databaseFile: redacted(ctx.databaseUrl),
      sizeBytes: ctx.startProblem ? 0 : await postgresDatabaseSize(ctx.store),
      backupDir: backupDirOf(ctx),
    };
  }
  const databaseFile = databaseFileOf(ctx.dataDir);
  return {
    engine: 'sqlite',
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
  const caller = currentCaller();
  const operator = caller ? operatorOf(caller) : (await getSetting(ctx.store, 'operatorName')) || '（未署名）';
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
    const note = `${why}从备份 ${path.basename(input.fileName)} 恢复`;
    const options = { allowMissing: input.allowMissingFiles ?? false };
    if (ctx.engine === 'postgres') return restoreServerBackup(ctx, input.fileName, note, options);
    return restoreBackup(ctx, input.fileName, note, options);
  },

  'dataFolder.get': async (ctx: AppContext): Promise<DataFolderInfo> => folderInfo(ctx),

  'dataFolder.move': async (ctx: AppContext, input: ParsedInput<'dataFolder.move'>): Promise<DataFolderInfo> => {
    if (ctx.engine === 'postgres') {
      throw new AppError(
        'not_on_server',
        '数据在数据库服务器上，不能移动数据文件夹；服务器的备份文件夹由启动参数 --data-dir 决定',
      );
    }
    const from = ctx.dataDir;
    await moveDataFolder(ctx, input.target);
    await note(ctx, `数据文件夹由 ${from} 移至 ${ctx.dataDir}`);
    return folderInfo(ctx);
  },
};

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../db/errors';
import { integrityProblems } from '../../db/integrity';
import type { AppContext } from './app-context';
import { DATABASE_FILE, databaseFileOf, MOVED_NOTE } from './data-files';
import { backupDirOf } from './backup';

// Moving the data folder (offices keep data on D:, not on C: with the system): copy the database by SQLite's
// online backup and the backups folder by plain copy, check the copy table by table, and only then switch.
// The old folder keeps its file under another name and a note saying where the data went (see data-files).

function tableCounts(db: Database.Database): Record<string, number> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string }[];
  // names come from sqlite_master, never from input
  return Object.fromEntries(
    tables.map((t) => [t.name, (db.prepare(`SELECT COUNT(*) AS n FROM "${t.name}"`).get() as { n: number }).n]),
  );
}

function checkTarget(ctx: AppContext, target: string): void {
  if (!path.isAbsolute(target))
    throw new AppError('invalid_input', '请填写完整的文件夹路径，如 D:\\重点项目数据', 'target');
  if (path.resolve(target) === path.resolve(ctx.dataDir)) {
    throw new AppError('invalid_input', '新位置与当前数据文件夹相同', 'target');
  }
  if (path.resolve(target).startsWith(path.resolve(ctx.dataDir) + path.sep)) {
    throw new AppError('invalid_input', '新位置不能在当前数据文件夹里面', 'target');
  }
  if (fs.existsSync(databaseFileOf(target))) {
    throw new AppError('invalid_input', '该文件夹里已有重点项目数据，为免覆盖，请选择一个空文件夹', 'target');
  }
}

export async function moveDataFolder(ctx: AppContext, target: string): Promise<{ dataDir: string }> {
  checkTarget(ctx, target);
  const to = path.resolve(target);
  try {
    fs.mkdirSync(to, { recursive: true });
    fs.accessSync(to, fs.constants.W_OK);
  } catch {
    throw new AppError('folder_not_writable', `无法在“${to}”建立或写入文件夹，请换一个位置`, 'target');
  }
  const copy = databaseFileOf(to);
  try {
    await ctx.db.backup(copy);
    if (fs.existsSync(backupDirOf(ctx))) fs.cpSync(backupDirOf(ctx), backupDirOf({ dataDir: to }), { recursive: true });
    const check = new Database(copy);
    try {
      if (integrityProblems(check).length) throw new AppError('move_failed', '新位置的数据副本未通过检查，未切换');
      if (JSON.stringify(tableCounts(check)) !== JSON.stringify(tableCounts(ctx.db))) {
        throw new AppError('move_failed', '新位置的数据副本与原数据不一致，未切换');
      }
    } finally {
      check.close();
    }
  } catch (error) {
    fs.rmSync(copy, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError('move_failed', `复制到“${to}”时出错（可能空间不足），未切换，数据仍在原位置`);
  }
  const from = ctx.dataDir;
  ctx.reopen(to);
  const stamp = new Date().toISOString().slice(0, 10);
  for (const suffix of ['', '-wal', '-shm']) {
    const file = databaseFileOf(from) + suffix;
    if (fs.existsSync(file)) fs.renameSync(file, path.join(from, `${DATABASE_FILE}.已移至新位置-${stamp}${suffix}`));
  }
  fs.writeFileSync(path.join(from, MOVED_NOTE), JSON.stringify({ to, movedAt: new Date().toISOString() }, null, 2));
  return { dataDir: to };
}

import Database from 'better-sqlite3';
import type { Db } from './connection';
import { AppError } from './errors';
import { integrityProblems } from './integrity';

function tableCounts(db: Database.Database): Record<string, number> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string }[];
  // names come from sqlite_master, never from input
  return Object.fromEntries(
    tables.map((t) => [t.name, (db.prepare(`SELECT COUNT(*) AS n FROM "${t.name}"`).get() as { n: number }).n]),
  );
}

/** SQLite's online backup of the open database into `file`, then the copy checked and compared table by table. */
export async function copyCheckedDatabase(db: Db, file: string): Promise<void> {
  await db.backup(file);
  const check = new Database(file);
  try {
    if (integrityProblems(check).length) throw new AppError('move_failed', '新位置的数据副本未通过检查，未切换');
    if (JSON.stringify(tableCounts(check)) !== JSON.stringify(tableCounts(db))) {
      throw new AppError('move_failed', '新位置的数据副本与原数据不一致，未切换');
    }
  } finally {
    check.close();
  }
}

import fs from 'node:fs';
import type { Db } from './connection';

// What a start can afford to check before anything writes. SQLite's quick_check reads every page (about 3 ms a
// megabyte here: 2 s on a 730 MB office file), so it is used only on files small enough for it to go unnoticed;
// a larger file gets a bounded check — its header, its schema, and the first and last rows of every table — and
// the full check (integrity_check + foreign_key_check) runs in the background (electron/services/integrity-watch).

export const QUICK_CHECK_UP_TO_BYTES = 64 * 1024 * 1024;
const MAX_DETAILS = 20;
const MAGIC = 'SQLite format 3\u0000';

function headerProblem(file: string): string | null {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.readSync(fd, header, 0, 100, 0) < 100) return '文件头不完整';
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== MAGIC) return '文件头不是SQLite数据库';
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return `文件头中的页大小${raw}无效`;
  if (fs.statSync(file).size % pageSize !== 0) return '文件长度不是页大小的整数倍';
  return null;
}

function boundedProblems(db: Db, file: string): string[] {
  const header = headerProblem(file);
  if (header) return [header];
  const tables = (db.pragma('main.table_list') as { name: string; type: string; wr: number }[]).filter(
    // a virtual table's rows live in its shadow tables, which are read in their turn
    (t) => (t.type === 'table' || t.type === 'shadow') && !t.name.startsWith('sqlite_'),
  );
  for (const table of tables) {
    const quoted = `"${table.name.replace(/"/g, '""')}"`;
    // the root page and the paths to both ends of the tree (by its key where it has no rowid)
    const order = table.wr ? '' : 'ORDER BY rowid';
    db.prepare(`SELECT * FROM main.${quoted} ${order} LIMIT 1`).all();
    if (order) db.prepare(`SELECT * FROM main.${quoted} ORDER BY rowid DESC LIMIT 1`).all();
  }
  db.pragma('freelist_count');
  return [];
}

/** What the start's check finds in the open file; empty when it passes. Never writes. */
export function startCheckProblems(db: Db, file: string, quickCheckUpTo = QUICK_CHECK_UP_TO_BYTES): string[] {
  try {
    if (!fs.existsSync(file) || fs.statSync(file).size <= quickCheckUpTo) {
      const found = (db.pragma(`quick_check(${MAX_DETAILS})`) as { quick_check: string }[]).map((r) => r.quick_check);
      return found.length === 1 && found[0] === 'ok' ? [] : found;
    }
    return boundedProblems(db, file);
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

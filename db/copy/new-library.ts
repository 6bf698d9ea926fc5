import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { applyMigrations } from '../migrate';
import { MIGRATIONS } from '../migrations';
import { countRows, sumRows, type RowReader, type TableSums } from './rows';
import { sqliteReader } from './sqlite-rows';
import type { CopiedTable } from './tables';

// A target that holds a library is not overwritten unless the copy is told to. "Holds nothing" means exactly
// what the app's migrations leave in a new library (the default node templates, nothing else), so a database
// that a server has only migrated counts as empty, and one with a single settings row does not.

let reference: { counts: Map<string, number>; sums: TableSums } | undefined;

async function newLibrary(tables: readonly CopiedTable[]) {
  if (reference) return reference;
  const db = new Database(':memory:');
  try {
    applyMigrations(db, MIGRATIONS);
    const reader = sqliteReader(db);
    reference = { counts: await countRows(reader, tables), sums: await sumRows(reader, tables) };
    return reference;
  } finally {
    db.close();
  }
}

export interface HeldTable {
  table: string;
  rows: number;
}

/** The tables whose rows differ from a new library's: none when it holds nothing. */
export async function heldTables(reader: RowReader, tables: readonly CopiedTable[]): Promise<HeldTable[]> {
  const fresh = await newLibrary(tables);
  const held: HeldTable[] = [];
  for (const table of tables) {
    const rows = await reader.count(table);
    const differs =
      rows !== fresh.counts.get(table.name) ||
      (rows > 0 && (await sumRows(reader, [table])).get(table.name)?.sha256 !== fresh.sums.get(table.name)?.sha256);
    if (differs) held.push({ table: table.name, rows });
  }
  return held;
}

/** The refusal, naming the projects first and then the largest tables. */
export function notEmptyError(what: string, held: HeldTable[]): AppError {
  const first = [...held].sort(
    (a, b) => Number(b.table === 'projects') - Number(a.table === 'projects') || b.rows - a.rows,
  );
  const named = first.slice(0, 4).map((h) => `${h.table} ${h.rows.toLocaleString('en-US')} 行`);
  const shown = named.join('、') + (held.length > 4 ? ` 等 ${held.length} 张表` : '');
  return new AppError(
    'copy_target_not_empty',
    `${what}已有数据（${shown}），没有复制：要用复制的数据替换其中的全部数据，请加 --replace`,
  );
}

import Database from 'better-sqlite3';
import { applyMigrations } from '../migrate';
import { MIGRATIONS } from '../migrations';

// The tables a copy moves, read from the schema the app's own migrations make (both engines have it: the
// PostgreSQL baseline is tested against it). Ordinary tables only: SQLite's search index (the virtual table
// project_search and its shadow tables) is rebuilt from `projects`, and PostgreSQL has none; views are not
// tables; sqlite_stat1/4 are SQLite's planner statistics.
// The office server's sessions are not a library's rows: a copy or a restored backup that brought them along
// would let in again whoever was logged in when it was taken, perhaps since disabled or with another password.
// A copy into PostgreSQL empties them with the rest (everyone logs in again); a new SQLite file has none.

/** Tables of the schema that a copy empties but never fills. */
export const NOT_COPIED: readonly string[] = ['sessions'];

export type ColumnType = 'INTEGER' | 'TEXT' | 'REAL' | 'BLOB' | 'ANY';

export interface CopiedTable {
  name: string;
  columns: { name: string; type: ColumnType }[];
  /** the primary key's columns: rows are copied and checksummed in this order on both engines */
  primaryKey: string[];
}

let cached: CopiedTable[] | undefined;

/** Parents before children, so every row's foreign keys point at rows already copied. */
function inForeignKeyOrder(tables: CopiedTable[], parentsOf: Map<string, string[]>): CopiedTable[] {
  const ordered: CopiedTable[] = [];
  const placed = new Set<string>();
  const place = (table: CopiedTable, path: string[]) => {
    if (placed.has(table.name)) return;
    if (path.includes(table.name)) throw new Error(`foreign keys form a cycle: ${[...path, table.name].join(' → ')}`);
    for (const parent of parentsOf.get(table.name) ?? []) {
      const parentTable = tables.find((t) => t.name === parent);
      if (parentTable && parent !== table.name) place(parentTable, [...path, table.name]);
    }
    placed.add(table.name);
    ordered.push(table);
  };
  for (const table of tables) place(table, []);
  return ordered;
}

/** Every table of the current schema that holds a library's rows, parents first. */
export function copiedTables(): CopiedTable[] {
  if (cached) return cached;
  const db = new Database(':memory:');
  try {
    applyMigrations(db, MIGRATIONS);
    const names = (
      db
        .prepare(
          `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'
           ORDER BY name`,
        )
        .all() as { name: string }[]
    )
      .map((t) => t.name)
      .filter((name) => !NOT_COPIED.includes(name));
    const parentsOf = new Map<string, string[]>();
    const tables = names.map((name): CopiedTable => {
      const columns = db.prepare('SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid').all(name) as {
        name: string;
        type: string;
        pk: number;
      }[];
      const parents = db.prepare('SELECT DISTINCT "table" AS parent FROM pragma_foreign_key_list(?)').all(name) as {
        parent: string;
      }[];
      parentsOf.set(
        name,
        parents.map((p) => p.parent),
      );
      const primaryKey = columns
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      if (!primaryKey.length) throw new Error(`table ${name} has no primary key to copy it in order`);
      return {
        name,
        columns: columns.map((c) => ({ name: c.name, type: c.type.toUpperCase() as ColumnType })),
        primaryKey,
      };
    });
    cached = inForeignKeyOrder(tables, parentsOf);
    return cached;
  } finally {
    db.close();
  }
}

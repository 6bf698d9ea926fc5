import Database from 'better-sqlite3';
import { copiedTables } from '../../db/copy/tables';
import { sql, sqlIdentifier, sqlJoin } from '../../db/sql';
import { postgresStore } from '../../db/store/postgres-store';

// Every app table's rows in key order, ids included: a library compared across engines, table by table.

export function sqliteRows(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      copiedTables().map((t) => [
        t.name,
        db.prepare(`SELECT * FROM "${t.name}" ORDER BY ${t.primaryKey.map((k) => `"${k}"`).join(', ')}`).all(),
      ]),
    );
  } finally {
    db.close();
  }
}

/** the same, read as the app reads PostgreSQL (BIGINT as numbers) */
export async function postgresRows(url: string): Promise<Record<string, unknown[]>> {
  const store = postgresStore(url, { connections: 1 });
  try {
    const rows: Record<string, unknown[]> = {};
    for (const t of copiedTables()) {
      const key = sqlJoin(t.primaryKey.map(sqlIdentifier));
      rows[t.name] = await store.all(sql`SELECT * FROM ${sqlIdentifier(t.name)} ORDER BY ${key}`);
    }
    return rows;
  } finally {
    await store.close();
  }
}

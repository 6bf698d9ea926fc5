import type { Db } from '../../db/connection';

/**
 * Every table's rows, in order: two databases with equal dumps hold exactly the same data. 变更记录 and 周调度
 * are dumped as they read (the views audit_log and dispatch_entries), not as their storage tables, whose interned
 * names and texts a new line may add to; the search index (virtual, with shadow tables) is left to the search.
 */
export function dumpData(db: Db): Record<string, unknown[]> {
  const tables = db
    .prepare(
      `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'
       AND name NOT LIKE 'audit_%' AND name <> 'dispatch_rows' ORDER BY name`,
    )
    .all() as { name: string }[];
  return Object.fromEntries([
    ...tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}" ORDER BY rowid`).all()]),
    ['audit_log', db.prepare('SELECT * FROM audit_log ORDER BY id').all()],
    ['dispatch_entries', db.prepare('SELECT * FROM dispatch_entries ORDER BY id').all()],
  ]);
}

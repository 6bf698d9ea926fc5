import { sql, sqlIdentifier, type SqlQuery } from './sql';
import type { Store } from './store/store';

/** Runs one statement on the connection at hand, answering its rows. */
export type RowsOf = <T>(statement: SqlQuery) => Promise<T[]>;

/**
 * Moves every identity column's next value past the highest id its table holds, with the statements run by
 * `rowsOf` (inside the caller's transaction). Rows inserted with their ids (a library copied in from SQLite)
 * leave the sequence behind, and the next row added would take an id in use.
 */
export async function moveIdentitiesWith(rowsOf: RowsOf): Promise<void> {
  const columns = await rowsOf<{ table: string; column: string }>(
    sql`SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
        WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name`,
  );
  for (const { table, column } of columns) {
    const name = sqlIdentifier(column);
    // false: the value given is the next one handed out, so an empty table starts again at 1
    await rowsOf(
      sql`SELECT setval(pg_get_serial_sequence(${`"${table}"`}, ${column}), COALESCE(MAX(${name}), 0) + 1, false)
          FROM ${sqlIdentifier(table)}`,
    );
  }
}

/** `moveIdentitiesWith` in a transaction of its own on `store`. */
export async function moveIdentitiesPastIds(store: Store): Promise<void> {
  await store.transaction(() => moveIdentitiesWith((statement) => store.all(statement)));
}

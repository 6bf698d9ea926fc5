import type pg from 'pg';
import { sql, sqlFragment, sqlIdentifier, sqlJoin, sqlText, type SqlFragment } from '../sql';
import { BATCH_ROWS, selectInKeyOrder, type RowReader, type RowWriter } from './rows';
import type { CopiedTable } from './tables';

// Rows of a PostgreSQL database, over one connection inside a transaction the caller holds. node-postgres's own
// parsers are kept: BIGINT comes as text (exact past 2^53), INTEGER as a number, a double as the number its
// shortest exact text names.

const CURSOR = 'copy_rows';

export function postgresReader(client: pg.ClientBase): RowReader {
  return {
    count: async (table) => {
      const result = await client.query<[string]>({
        text: sqlText(sql`SELECT COUNT(*) FROM ${sqlIdentifier(table.name)}`, 'postgres'),
        rowMode: 'array',
      });
      return Number(result.rows[0][0]);
    },
    async *batches(table) {
      // a cursor: the table is read a batch at a time from the transaction's snapshot, not loaded whole
      await client.query(`DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${sqlText(selectInKeyOrder(table), 'postgres')}`);
      let failed = false;
      try {
        for (;;) {
          const result = await client.query<unknown[]>({
            text: `FETCH FORWARD ${BATCH_ROWS} FROM ${CURSOR}`,
            rowMode: 'array',
          });
          if (!result.rows.length) break;
          yield result.rows;
        }
      } catch (error) {
        // the transaction is aborted: closing the cursor would only fail again and hide why
        failed = true;
        throw error;
      } finally {
        if (!failed) await client.query(`CLOSE ${CURSOR}`);
      }
    },
  };
}

/** each column's values travel as one array parameter, cast to the column's type */
const ARRAY_CASTS: Record<string, SqlFragment> = {
  integer: sqlFragment`integer[]`,
  bigint: sqlFragment`bigint[]`,
  text: sqlFragment`text[]`,
  'double precision': sqlFragment`double precision[]`,
  bytea: sqlFragment`bytea[]`,
};

async function insertStatement(client: pg.ClientBase, table: CopiedTable): Promise<string> {
  const found = await client.query<{ name: string; type: string }>(
    sqlText(
      sql`SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
          WHERE attrelid = to_regclass(${table.name}) AND attnum > 0 AND NOT attisdropped`,
      'postgres',
    ),
    [table.name],
  );
  const typeOf = new Map(found.rows.map((c) => [c.name, c.type]));
  const arrays = table.columns.map((column) => {
    const cast = ARRAY_CASTS[typeOf.get(column.name) ?? ''];
    if (!cast) throw new Error(`${table.name}.${column.name}: no copy for type ${typeOf.get(column.name)}`);
    // the parameter's value is the column's array, given with each batch
    return sqlFragment`${null}::${cast}`;
  });
  const columns = sqlJoin(table.columns.map((c) => sqlIdentifier(c.name)));
  return sqlText(
    sql`INSERT INTO ${sqlIdentifier(table.name)} (${columns}) SELECT * FROM unnest(${sqlJoin(arrays)})`,
    'postgres',
  );
}

/** Inserts a batch as one statement: `INSERT … SELECT * FROM unnest($1::integer[], $2::text[], …)`. */
export function postgresWriter(client: pg.ClientBase): RowWriter {
  const statements = new Map<string, string>();
  return {
    write: async (table, rows) => {
      let text = statements.get(table.name);
      if (!text) statements.set(table.name, (text = await insertStatement(client, table)));
      const columns = table.columns.map((_, i) => rows.map((row) => row[i]));
      await client.query(text, columns);
    },
  };
}

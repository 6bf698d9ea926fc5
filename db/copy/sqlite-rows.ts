import type { Database, Statement } from 'better-sqlite3';
import { sql, sqlIdentifier, sqlJoin, sqlText } from '../sql';
import { BATCH_ROWS, selectInKeyOrder, type RowReader, type RowWriter } from './rows';
import type { CopiedTable } from './tables';

// Rows of a SQLite file: read with integers as BigInt (exact however large), written with each INTEGER
// column's value as an integer whatever form the other engine gave it in (PostgreSQL's BIGINT comes as text).

export function sqliteReader(db: Database): RowReader {
  return {
    count: async (table) =>
      Number(
        (
          db
            .prepare(sqlText(sql`SELECT COUNT(*) FROM ${sqlIdentifier(table.name)}`, 'sqlite'))
            .raw()
            .get() as [number]
        )[0],
      ),
    async *batches(table) {
      const statement = db
        .prepare(sqlText(selectInKeyOrder(table), 'sqlite'))
        .raw(true)
        .safeIntegers(true);
      let batch: unknown[][] = [];
      for (const row of statement.iterate() as IterableIterator<unknown[]>) {
        batch.push(row);
        if (batch.length === BATCH_ROWS) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    },
  };
}

export function sqliteWriter(db: Database): RowWriter {
  const inserts = new Map<string, Statement>();
  const insertFor = (table: CopiedTable) => {
    let statement = inserts.get(table.name);
    if (!statement) {
      const columns = sqlJoin(table.columns.map((c) => sqlIdentifier(c.name)));
      const marks = sqlJoin(table.columns.map(() => null));
      statement = db.prepare(
        sqlText(sql`INSERT INTO ${sqlIdentifier(table.name)} (${columns}) VALUES (${marks})`, 'sqlite'),
      );
      inserts.set(table.name, statement);
    }
    return statement;
  };
  return {
    write: async (table, rows) => {
      const insert = insertFor(table);
      const integers = table.columns.map((c) => c.type === 'INTEGER');
      for (const row of rows) {
        insert.run(row.map((value, i) => (integers[i] && typeof value === 'string' ? BigInt(value) : value)));
      }
    },
  };
}

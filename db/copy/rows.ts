import { sql, sqlIdentifier, sqlJoin, type SqlQuery } from '../sql';
import { TableChecksum, type TableSum } from './checksum';
import type { CopiedTable } from './tables';

// Rows move table by table in batches, never a whole table in memory: a reader yields a table's rows in
// primary-key order, a writer inserts them, and every row read is added to the table's checksum on the way.

/** rows per batch: small enough to keep memory flat, large enough that each statement carries many rows */
export const BATCH_ROWS = 5000;

export interface RowReader {
  count(table: CopiedTable): Promise<number>;
  /** the table's rows as arrays in the columns' order, in primary-key order */
  batches(table: CopiedTable): AsyncGenerator<unknown[][]>;
}

export interface RowWriter {
  write(table: CopiedTable, rows: unknown[][]): Promise<void>;
}

export interface Progress {
  phase: 'copy' | 'verify';
  table: string;
  done: number;
  total: number;
}

export type TableSums = Map<string, TableSum>;

/** `SELECT <every column> FROM <table> ORDER BY <primary key>`, the same text on both engines */
export function selectInKeyOrder(table: CopiedTable): SqlQuery {
  const columns = sqlJoin(table.columns.map((c) => sqlIdentifier(c.name)));
  const key = sqlJoin(table.primaryKey.map(sqlIdentifier));
  return sql`SELECT ${columns} FROM ${sqlIdentifier(table.name)} ORDER BY ${key}`;
}

export async function countRows(reader: RowReader, tables: readonly CopiedTable[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of tables) counts.set(table.name, await reader.count(table));
  return counts;
}

/** Copies every table's rows, parents first; answers the checksums of the rows read. */
export async function copyRows(
  reader: RowReader,
  writer: RowWriter,
  tables: readonly CopiedTable[],
  totals: Map<string, number>,
  onProgress: (progress: Progress) => void,
): Promise<TableSums> {
  const sums: TableSums = new Map();
  for (const table of tables) {
    const checksum = new TableChecksum(table);
    const total = totals.get(table.name) ?? 0;
    let done = 0;
    onProgress({ phase: 'copy', table: table.name, done, total });
    for await (const batch of reader.batches(table)) {
      checksum.add(batch);
      await writer.write(table, batch);
      done += batch.length;
      onProgress({ phase: 'copy', table: table.name, done, total });
    }
    sums.set(table.name, checksum.done());
  }
  return sums;
}

/** Reads every table back and answers its checksum, computed exactly as copyRows computes the source's. */
export async function sumRows(
  reader: RowReader,
  tables: readonly CopiedTable[],
  onProgress: (progress: Progress) => void = () => undefined,
  totals?: Map<string, number>,
): Promise<TableSums> {
  const sums: TableSums = new Map();
  for (const table of tables) {
    const checksum = new TableChecksum(table);
    const total = totals?.get(table.name) ?? 0;
    let done = 0;
    for await (const batch of reader.batches(table)) {
      checksum.add(batch);
      done += batch.length;
      onProgress({ phase: 'verify', table: table.name, done, total });
    }
    sums.set(table.name, checksum.done());
  }
  return sums;
}

import type { Database } from 'better-sqlite3';

export type SqlValue = string | number | bigint | null | Buffer;
export interface SqlQuery {
  text: string;
  values: SqlValue[];
}

/** `sql\`SELECT … WHERE id = ${id}\`` binds every interpolation as a parameter; nothing is spliced. */
export function sql(strings: TemplateStringsArray, ...values: SqlValue[]): SqlQuery {
  return { text: strings.join('?'), values };
}

export function all<T>(db: Database, query: SqlQuery): T[] {
  return db.prepare(query.text).all(...query.values) as T[];
}

export function get<T>(db: Database, query: SqlQuery): T | undefined {
  return db.prepare(query.text).get(...query.values) as T | undefined;
}

export function run(db: Database, query: SqlQuery): { changes: number; lastInsertRowid: number } {
  const result = db.prepare(query.text).run(...query.values);
  return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) };
}

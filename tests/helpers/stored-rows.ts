import { sqlScript } from '../../db/sql';
import type { TempApp } from './temp-app';

// What a test reads or sets straight in the library, beside the API, on either engine: statements written in the
// test itself (no values from outside), in SQL that both engines read alike.

/** How many rows `table` holds. */
export async function rowCount(app: TempApp, table: string): Promise<number> {
  const row = await app.ctx.store.get<{ n: number }>(sqlScript(`SELECT COUNT(*) AS n FROM ${table}`));
  return row!.n;
}

/** The rows a SELECT written in the test answers. */
export function storedRows<T>(app: TempApp, select: string): Promise<T[]> {
  return app.ctx.store.all<T>(sqlScript(select));
}

/** A change the API cannot make (a date in the past, a state no clerk reaches by hand), for a test's setup. */
export async function setStored(app: TempApp, statement: string): Promise<void> {
  await app.ctx.store.run(sqlScript(statement));
}

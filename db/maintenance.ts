import type { Db } from './connection';

// Statistics for the query planner, as SQLite recommends: a cheap `optimize` with 0x10002 right after opening
// (it analyses only tables whose statistics are missing or stale, each with a bounded analysis_limit), and a
// plain `optimize` now and then while the app runs and before it closes. They make sqlite_stat1/sqlite_stat4,
// which db/schema-check.ts accepts.

export function optimizeAfterOpen(db: Db): void {
  db.pragma('optimize = 0x10002');
}

export function optimizeNow(db: Db): void {
  db.pragma('optimize');
}

/** From this statement on SQLite refuses every change through this handle, whatever is under way. */
export function refuseWrites(db: Db): void {
  db.pragma('query_only = ON');
}

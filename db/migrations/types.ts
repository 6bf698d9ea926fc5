import type { Database } from 'better-sqlite3';
import type { Store } from '../store/store';

/** SQL, or a function for a step that must read data to transform it (it runs inside the migration's transaction) */
export type SqliteStep = string | ((db: Database) => void);
/** PostgreSQL's side of a step: SQL, or a function over the store (it runs inside the migration's transaction) */
export type PostgresStep = string | ((store: Store) => Promise<void>);

export interface Migration {
  /** multiples of 10, so a fix can slot in between two released steps */
  version: number;
  name: string;
  /**
   * SQL text that both engines run as it is; a function, which only SQLite runs; or each engine's own step.
   * A PostgreSQL database starts from the baseline (postgres-baseline.ts), so only steps after it need a
   * PostgreSQL side, and migratePostgres refuses to run a later step that has none.
   */
  up: SqliteStep | { sqlite: SqliteStep; postgres: PostgresStep };
  /** the step leaves much of the file free (a table rewritten smaller): the file is vacuumed once it has run */
  compacts?: boolean;
}

/** What SQLite runs for the step. */
export function sqliteStep(migration: Migration): SqliteStep {
  const { up } = migration;
  return typeof up === 'object' ? up.sqlite : up;
}

/** What PostgreSQL runs for the step; null for a step only SQLite can run. */
export function postgresStep(migration: Migration): PostgresStep | null {
  const { up } = migration;
  if (typeof up === 'object') return up.postgres;
  return typeof up === 'string' ? up : null;
}

import { AppError } from './errors';
import { newerSchemaError } from './migrate';
import { MIGRATIONS } from './migrations';
import { BASELINE_VERSION, POSTGRES_BASELINE, SCHEMA_VERSION_TABLE } from './migrations/postgres-baseline';
import { postgresStep, type Migration } from './migrations/types';
import { sql, sqlScript } from './sql';
import type { Store } from './store/store';

// The numbered migrations on PostgreSQL. Several app servers may start at once on one database: each migrates
// inside one transaction holding the same advisory lock, so one migrates and the others then find nothing to do.

/** the advisory lock's key, 'zdxm' in ASCII: the app's own, among whatever else shares the server */
const MIGRATION_LOCK = 0x7a64786d;

export interface PostgresMigrationResult {
  /** the schema version found (0 for an empty database) */
  from: number;
  to: number;
}

/** The schema version the database records; null where the app has never made its tables. */
export async function postgresSchemaVersionOf(store: Store): Promise<number | null> {
  const table = await store.get<{ present: boolean }>(sql`SELECT to_regclass('schema_version') IS NOT NULL AS present`);
  if (!table?.present) return null;
  return (await store.get<{ version: number }>(sql`SELECT version FROM schema_version`))?.version ?? 0;
}

async function isEmpty(store: Store): Promise<boolean> {
  const row = await store.get<{ n: number }>(
    sql`SELECT COUNT(*) AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
        WHERE s.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')`,
  );
  return row?.n === 0;
}

async function createBaseline(store: Store): Promise<void> {
  if (!(await isEmpty(store))) {
    throw new AppError(
      'foreign_database',
      '这个数据库里已有别的数据表，不是本程序建立的；为安全起见本程序不会改动它，请为本程序新建一个空数据库',
    );
  }
  await store.run(sqlScript(SCHEMA_VERSION_TABLE));
  await store.run(sqlScript(POSTGRES_BASELINE));
  await store.run(sql`INSERT INTO schema_version (version) VALUES (${BASELINE_VERSION})`);
}

async function runStep(store: Store, migration: Migration): Promise<void> {
  const step = postgresStep(migration);
  if (step === null) {
    throw new Error(`迁移 ${migration.version}（${migration.name}）只有 SQLite 的写法，缺少 PostgreSQL 的一步`);
  }
  if (typeof step === 'string') await store.run(sqlScript(step));
  else await step(store);
  await store.run(sql`UPDATE schema_version SET version = ${migration.version}`);
}

/**
 * Brings the database to the newest schema: the baseline in an empty database, then every later step, all in
 * one transaction (a database is either fully migrated or left as it was). A database of a newer schema, or
 * one holding tables this app did not make, is refused untouched.
 */
export async function migratePostgres(
  store: Store,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<PostgresMigrationResult> {
  if (store.dialect !== 'postgres') throw new Error('migratePostgres needs a PostgreSQL store');
  const newest = migrations[migrations.length - 1]?.version ?? 0;
  return store.transaction(async () => {
    // READ COMMITTED, set before the first statement takes a snapshot: a server that waited for the lock must
    // see what the one before it committed, which a serializable snapshot taken before the wait would hide
    await store.run(sql`SET TRANSACTION ISOLATION LEVEL READ COMMITTED`);
    await store.get(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    const found = await postgresSchemaVersionOf(store);
    const from = found ?? 0;
    if (from > newest) throw newerSchemaError(from, newest);
    if (found === null) await createBaseline(store);
    const current = Math.max(from, BASELINE_VERSION);
    for (const migration of migrations) {
      if (migration.version > current) await runStep(store, migration);
    }
    return { from, to: Math.max(current, newest) };
  });
}

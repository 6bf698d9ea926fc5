import type Database from 'better-sqlite3';
import type pg from 'pg';
import { migratePostgres } from '../migrate-postgres';
import { SCHEMA_VERSION } from '../migrations';
import { moveIdentitiesWith } from '../postgres-identities';
import { sql, sqlIdentifier, sqlJoin, sqlText, type SqlQuery } from '../sql';
import { postgresStore } from '../store/postgres-store';
import { AppError } from '../errors';
import { describeEndpoint, redacted } from './endpoint';
import { heldTables, notEmptyError } from './new-library';
import type { CopyOptions } from './options';
import { connectPostgres, failedCopy, postgresSchemaVersion } from './postgres-connection';
import { postgresReader, postgresWriter } from './postgres-rows';
import { compareSums, CopyMismatchError, type CopyReport } from './report';
import { copyRows, countRows, sumRows } from './rows';
import { openSourceFile } from './sqlite-files';
import { sqliteReader } from './sqlite-rows';
import { copiedTables, NOT_COPIED, type CopiedTable } from './tables';

// A single-PC library into a database server: the file read as it is, the database migrated, then every table
// emptied and filled in one transaction, read back and compared table by table before it commits. A failure
// at any point rolls the transaction back: the database keeps what it had.

/** A database that holds a library (or an older one's tables) is refused unless the copy may replace it. */
async function refuseHeldLibrary(client: pg.ClientBase, tables: readonly CopiedTable[], url: string): Promise<void> {
  const version = await postgresSchemaVersion(client);
  if (version === null) return;
  if (version > SCHEMA_VERSION) {
    throw new AppError(
      'copy_schema',
      `目标数据库来自更新版本的程序（数据结构版本${version}，本程序为${SCHEMA_VERSION}）：请用新版本的程序复制`,
    );
  }
  if (version < SCHEMA_VERSION) {
    throw new AppError(
      'copy_target_not_empty',
      `目标数据库（${redacted(url)}）是旧版本程序建立的（数据结构版本${version}），没有复制：要用复制的数据替换它，请加 --replace`,
    );
  }
  const held = await heldTables(postgresReader(client), tables);
  if (held.length) throw notEmptyError(`目标数据库（${redacted(url)}）`, held);
}

/** Work that only reads, in a read-only transaction of its own (its cursors need one). */
async function lookingOnly(client: pg.ClientBase, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN READ ONLY');
  try {
    await work();
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
  }
}

async function migrate(url: string): Promise<void> {
  const store = postgresStore(url, { connections: 1 });
  try {
    await migratePostgres(store);
  } finally {
    await store.close();
  }
}

async function copyInOneTransaction(
  source: Database.Database,
  client: pg.ClientBase,
  tables: readonly CopiedTable[],
  report: Pick<CopyReport, 'from' | 'to'>,
  options: CopyOptions,
): Promise<CopyReport> {
  const onProgress = options.onProgress ?? (() => undefined);
  await client.query('BEGIN');
  try {
    if (!options.replace) await refuseHeldLibrary(client, tables, report.to);
    // the new library's node templates too: the source brings its own, with their ids
    const emptied = [...tables.map((t) => t.name), ...NOT_COPIED];
    await client.query(sqlText(sql`TRUNCATE ${sqlJoin(emptied.map((name) => sqlIdentifier(name)))}`, 'postgres'));
    const reader = sqliteReader(source);
    const totals = await countRows(reader, tables);
    const sourceSums = await copyRows(reader, postgresWriter(client), tables, totals, onProgress);
    await options.beforeVerify?.({
      run: async (statement) => {
        await client.query(sqlText(statement, 'postgres'), statement.values as unknown[]);
      },
    });
    const targetSums = await sumRows(postgresReader(client), tables, onProgress, totals);
    const done = { ...report, lines: compareSums(tables, sourceSums, targetSums) };
    if (done.lines.some((l) => !l.same)) throw new CopyMismatchError(done, '目标数据库已回滚，保持复制前的样子');
    // before the commit: the tables stay locked by the TRUNCATE until then, so no row can be added meanwhile
    // with an id the copy brought
    await moveIdentitiesWith(
      async <T>(statement: SqlQuery) =>
        (await client.query(sqlText(statement, 'postgres'), statement.values as unknown[])).rows as T[],
    );
    await client.query('COMMIT');
    return done;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw failedCopy(error, '目标数据库已回滚，保持复制前的样子');
  }
}

export async function copySqliteToPostgres(file: string, url: string, options: CopyOptions): Promise<CopyReport> {
  const tables = copiedTables();
  const report = { from: describeEndpoint({ kind: 'sqlite', file }), to: redacted(url) };
  const source = openSourceFile(file);
  try {
    const client = await connectPostgres(url);
    try {
      // checked before the migration too, so that a refused database is not even migrated
      if (!options.replace) await lookingOnly(client, () => refuseHeldLibrary(client, tables, url));
      await migrate(url);
      // one read transaction on the file: every table is read from the same moment, whatever writes it meanwhile
      source.exec('BEGIN');
      let done: CopyReport;
      try {
        done = await copyInOneTransaction(source, client, tables, report, options);
      } finally {
        if (source.inTransaction) source.exec('COMMIT');
      }
      // Statistics now, not when autovacuum next looks (a minute or more): until then the planner guesses, and on
      // the bench's office it guessed a week's rows at a cost that has them compiled by JIT first (18 ms of 75).
      // The copy is committed by now, and autovacuum would make them later anyway: a failure here is no failure.
      await client
        .query(sqlText(sql`ANALYZE ${sqlJoin(tables.map((t) => sqlIdentifier(t.name)))}`, 'postgres'))
        .catch(() => undefined);
      return done;
    } finally {
      await client.end().catch(() => undefined);
    }
  } finally {
    source.close();
  }
}

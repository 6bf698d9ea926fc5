import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import type pg from 'pg';
import { renameDurably } from '../durable-files';
import { isProcessRunning } from '../process-running';
import { AppError } from '../errors';
import { SCHEMA_VERSION } from '../migrations';
import { sql, sqlIdentifier, sqlText } from '../sql';
import { redacted } from './endpoint';
import type { CopyOptions } from './options';
import { connectPostgres, failedCopy, postgresSchemaVersion } from './postgres-connection';
import { postgresReader } from './postgres-rows';
import { compareSums, CopyMismatchError, type CopyReport } from './report';
import { copyRows, countRows, sumRows, type TableSums } from './rows';
import { checkTargetFile, createTargetFile, finishedFileProblem, rebuildSearchIndex, removeFile } from './sqlite-files';
import { sqliteReader, sqliteWriter } from './sqlite-rows';
import { copiedTables, type CopiedTable } from './tables';

// A library on a database server into a single-PC file, the format of the app's backups: a new file at the
// current schema made by the app's own migrations, filled from one snapshot of the database, its search index
// rebuilt, then checked as a restore checks a backup and compared table by table. It is written under a
// temporary name and renamed only once it passed, so a failed copy leaves no half file and an existing file
// (with --replace) is replaced only by a verified one.

async function refuseOtherSchema(client: pg.ClientBase, url: string): Promise<void> {
  const version = await postgresSchemaVersion(client);
  if (version === null) {
    throw new AppError('copy_input', `数据库（${redacted(url)}）中没有本程序的数据，没有复制`);
  }
  if (version > SCHEMA_VERSION) {
    throw new AppError(
      'copy_schema',
      `数据库来自更新版本的程序（数据结构版本${version}，本程序为${SCHEMA_VERSION}）：请用新版本的程序复制`,
    );
  }
  if (version < SCHEMA_VERSION) {
    throw new AppError(
      'copy_schema',
      `数据库是旧版本程序的（数据结构版本${version}，本程序为${SCHEMA_VERSION}）：请先用本程序的服务器连接它启动一次（会自动升级），再复制`,
    );
  }
}

/** Fills the new file in one transaction; answers the checksums of the rows read from the server. */
async function fill(
  db: Database.Database,
  client: pg.ClientBase,
  tables: readonly CopiedTable[],
  totals: Map<string, number>,
  options: CopyOptions,
): Promise<TableSums> {
  db.exec('BEGIN');
  try {
    // children first: a new library's rows (its node templates) give way to the server's
    for (const table of [...tables].reverse())
      db.exec(sqlText(sql`DELETE FROM ${sqlIdentifier(table.name)}`, 'sqlite'));
    const sums = await copyRows(
      postgresReader(client),
      sqliteWriter(db),
      tables,
      totals,
      options.onProgress ?? (() => undefined),
    );
    rebuildSearchIndex(db);
    db.exec('COMMIT');
    return sums;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** Reads the finished file back through a read-only handle, as a restore would: its checks, then every row. */
async function verify(
  file: string,
  tables: readonly CopiedTable[],
  totals: Map<string, number>,
  options: CopyOptions,
): Promise<TableSums> {
  const check = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const problem = finishedFileProblem(check);
    if (problem) throw new AppError('copy_verify', `${problem}；新文件已删除，目标保持原样`);
    return await sumRows(sqliteReader(check), tables, options.onProgress, totals);
  } finally {
    check.close();
  }
}

/** What a copy killed before it finished left beside the target: the file it was writing, never renamed. */
function removeAbandonedCopies(file: string): void {
  const folder = path.dirname(file);
  const prefix = `.${path.basename(file)}.copying-`;
  for (const name of fs.readdirSync(folder)) {
    const pid = Number(/^(\d+)(?:-journal)?$/.exec(name.slice(prefix.length))?.[1]);
    if (name.startsWith(prefix) && pid && !isProcessRunning(pid)) removeFile(path.join(folder, name));
  }
}

async function writeVerifiedFile(
  client: pg.ClientBase,
  file: string,
  tables: readonly CopiedTable[],
  report: Pick<CopyReport, 'from' | 'to'>,
  options: CopyOptions,
): Promise<CopyReport> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.copying-${process.pid}`);
  removeAbandonedCopies(file);
  removeFile(temp);
  const db = createTargetFile(temp);
  try {
    const totals = await countRows(postgresReader(client), tables);
    const sourceSums = await fill(db, client, tables, totals, options);
    await options.beforeVerify?.({
      run: async (statement) => {
        db.prepare(statement.text).run(...statement.values);
      },
    });
    db.close();
    const targetSums = await verify(temp, tables, totals, options);
    const done = { ...report, lines: compareSums(tables, sourceSums, targetSums) };
    if (done.lines.some((l) => !l.same)) throw new CopyMismatchError(done, '新文件已删除，目标保持原样');
    renameDurably(temp, path.resolve(file));
    return done;
  } catch (error) {
    if (db.open) db.close();
    removeFile(temp);
    throw error;
  }
}

export async function copyPostgresToSqlite(url: string, file: string, options: CopyOptions): Promise<CopyReport> {
  const tables = copiedTables();
  checkTargetFile(file, options.replace ?? false);
  const client = await connectPostgres(url);
  try {
    // one snapshot: every table is read as it stood at one moment, whatever the servers write meanwhile
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      await refuseOtherSchema(client, url);
      const done = await writeVerifiedFile(client, file, tables, { from: redacted(url), to: file }, options);
      await client.query('COMMIT');
      return done;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw failedCopy(error, '没有留下新文件，目标保持原样');
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

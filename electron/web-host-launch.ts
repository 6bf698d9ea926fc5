// What both command lines of the host share (`npm run web`, `npm run server`): their common options read and
// checked, and the host started with its helpers (workers, backups, the background check) until a signal ends it.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { parseEndpoint, redacted } from '../db/copy/endpoint';
import { AppError } from '../db/errors';
import { isIsoDate } from '../db/model/dates';
import { usePackProcess } from './services/backup-pack-off-process';
import { startBackupSchedule } from './services/backup-schedule';
import { betterSqliteBinding, useIntegrityWorker } from './services/integrity/check-off-thread';
import { startIntegrityWatch } from './services/integrity-watch';
import { useSpreadsheetProcess, useSpreadsheetWorker } from './services/spreadsheet/read-off-thread';
import { useImageWorker } from './services/attachments/derive-off-thread';
import { startWebHost, type WebHost, type WebHostOptions } from './web-host';

/** The options both command lines take, for node:util's parseArgs. */
export const COMMON_OPTIONS = {
  'data-dir': { type: 'string', default: './data' },
  today: { type: 'string' },
  'static-dir': { type: 'string' },
  // postgres://user:password@host:5432/database: the library on a database server (also ZDXM_DATABASE_URL)
  database: { type: 'string' },
} as const;

/** Says why and ends the process: a command line that cannot be used. */
export function refuseStart(message: string): never {
  console.error(message);
  process.exit(2);
}

export function checkedToday(value: string | undefined): (() => string) | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) refuseStart(`--today 应为 YYYY-MM-DD 格式的日期：${value}`);
  return () => value;
}

/** --database, or else ZDXM_DATABASE_URL; undefined for the SQLite file in the data folder. */
export function checkedDatabaseUrl(value: string | undefined): string | undefined {
  const databaseUrl = value ?? (process.env.ZDXM_DATABASE_URL || undefined);
  if (databaseUrl === undefined) return undefined;
  try {
    if (parseEndpoint(databaseUrl, '--database').kind !== 'postgres') throw new Error();
  } catch (error) {
    refuseStart(
      error instanceof AppError
        ? error.message
        : `--database 应为 postgres://用户:密码@主机:5432/数据库名 格式的地址：${redacted(databaseUrl)}`,
    );
  }
  return databaseUrl;
}

// Bundled as dist/electron/*.mjs, beside dist/renderer and the workers.
const here = path.dirname(fileURLToPath(import.meta.url));

export function defaultStaticDir(staticDir: string | undefined): string {
  return path.resolve(staticDir ?? path.join(here, '../renderer'));
}

/**
 * Starts the host and what runs beside it; `started` says where it is. A host that cannot start ends the
 * process with its reason.
 */
export async function launchHost(options: WebHostOptions, started: (host: WebHost) => string[]): Promise<void> {
  // The heap's garbage is collected once it has grown 20% past what the last collection kept, not up to 4×: a
  // screen's read makes tens of MB of short-lived rows, and V8 left alone lets them pile up to ~280 MB of heap
  // before collecting (issue #13's host RSS goal). Collections get more frequent, each stays as short.
  v8.setFlagsFromString('--heap-growing-percent=20');
  let host: WebHost;
  try {
    host = await startWebHost(options);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  useSpreadsheetWorker(path.join(here, 'spreadsheet-worker.cjs'));
  useImageWorker(path.join(here, 'image-worker.cjs'));
  useSpreadsheetProcess(path.join(here, 'spreadsheet-read-process.cjs'));
  usePackProcess(path.join(here, 'backup-pack-process.cjs'));
  // listening already: the full check and the start's backup follow without holding anything up
  useIntegrityWorker(
    path.join(here, 'integrity-worker.cjs'),
    betterSqliteBinding(createRequire(import.meta.url).resolve),
  );
  const ctx = host.ctx;
  // a database server checks its own pages: its backups need no check of the app's first
  startBackupSchedule(ctx, ctx.engine === 'sqlite' ? startIntegrityWatch(ctx) : { check: () => Promise.resolve(true) });
  for (const line of [...host.notices, ...started(host)]) console.log(line);
  if (ctx.damage) console.log('数据文件未通过检查：请在浏览器中打开上面的地址，从备份恢复');
  if (ctx.startProblem) console.log(ctx.startProblem.message);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Where the data is, as the start's line says it. */
export function dataPlace(host: WebHost): string {
  const ctx = host.ctx;
  return ctx.engine === 'sqlite'
    ? `数据目录 ${ctx.dataDir}`
    : `数据库 ${redacted(ctx.databaseUrl)}，备份目录 ${path.join(ctx.dataDir, 'backups')}`;
}

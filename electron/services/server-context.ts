import { AppError } from '../../db/errors';
import { connectionError } from '../../db/copy/postgres-connection';
import { redacted } from '../../db/copy/endpoint';
import { migratePostgres } from '../../db/migrate-postgres';
import { toIsoDate } from '../../db/model/dates';
import { FULL_CHECK_WAITING } from '../../db/model/full-check';
import { loadPlanReference } from '../../db/seed/load-reference';
import { postgresStore } from '../../db/store/postgres-store';
import type { ServerAppContext, StartProblem } from './app-context';
import { backupDirOf } from './backup';
import { removePartialBackups } from './interrupted-swaps';
import { createChangeBus } from './live/change-bus';
import { relayChanges } from './live/database-relay';

// The browser host on a database server: the library in PostgreSQL, shared by every app server started on it,
// and the data folder only for the server's backups. A database that cannot be reached at the start is a start
// problem (a screen says so, the clerk retries, and the context retries by itself meanwhile); one that goes
// away later fails only the requests made while it is away, each with a message (db/store/postgres-store.ts).

const RETRY_EVERY_MS = 10_000;

export interface ServerContextOptions {
  /** postgres://user:password@host:5432/database */
  databaseUrl: string;
  /** where the server keeps its backups (`<dataDir>/backups`) */
  dataDir: string;
  today?: () => string;
  /** how often an unreachable database is tried again by itself */
  retryEveryMs?: number;
  /** the most connections this app server holds at once */
  connections?: number;
}

/** Why the database cannot be used, or null once it is migrated and holds the plan's reference data. */
async function prepare(store: ServerAppContext['store'], url: string): Promise<StartProblem | null> {
  const where = redacted(url);
  try {
    await migratePostgres(store);
    await loadPlanReference(store);
    return null;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'newer_schema' || error.code === 'foreign_database')) {
      const what = error.code === 'newer_schema' ? '数据库来自更新版本的程序' : '数据库里有别的程序的数据表';
      return {
        kind: 'database_refused',
        path: where,
        message: `${what}（${where}），本程序没有改动它：${error.message}`,
      };
    }
    const explained = error instanceof AppError ? error : connectionError(error, url, '');
    if (['database_unavailable', 'database_login', 'database_missing'].includes(explained.code)) {
      const message =
        explained.code === 'database_unavailable'
          ? `连接不上数据库服务器（${where}）：请检查服务器是否已启动、网络是否通畅；程序每隔${RETRY_EVERY_MS / 1000}秒自动重试，也可点“重试”。`
          : `${explained.message.replace(/；$/, '')}。改好后点“重试”。`;
      return { kind: 'database_unavailable', path: where, message };
    }
    throw error;
  }
}

export async function openServerContext(options: ServerContextOptions): Promise<ServerAppContext> {
  const store = postgresStore(options.databaseUrl, { connections: options.connections });
  removePartialBackups(backupDirOf(options));
  let retrying: ReturnType<typeof setInterval> | null = null;
  let trying: Promise<void> | null = null;
  let closing: Promise<void> | null = null;
  // the other app servers on this database hear this one's changes, and it theirs
  const changes = createChangeBus();
  const relay = store.channels ? relayChanges(changes, store.channels) : null;
  const stopRetrying = () => {
    if (retrying) clearInterval(retrying);
    retrying = null;
  };
  const ctx: ServerAppContext = {
    engine: 'postgres',
    databaseUrl: options.databaseUrl,
    store,
    dataDir: options.dataDir,
    damage: null,
    // PostgreSQL checks its own pages; the app's full check is of SQLite files
    fullCheck: FULL_CHECK_WAITING,
    startProblem: null,
    notice: null,
    today: options.today ?? (() => toIsoDate(new Date())),
    changes,
    changesHeard: relay?.ready ?? Promise.resolve(),
    retryStart() {
      // the clerk's retry and the timer's share one attempt
      trying ??= (async () => {
        ctx.startProblem = await prepare(store, options.databaseUrl);
        if (!ctx.startProblem || ctx.startProblem.kind === 'database_refused') stopRetrying();
      })().finally(() => (trying = null));
      return trying;
    },
    close() {
      // a host closing twice (a signal during its own shutdown) ends the pool once
      closing ??= (async () => {
        stopRetrying();
        await trying?.catch(() => undefined);
        await relay?.stop();
        await store.close();
      })();
      return closing;
    },
  };
  ctx.startProblem = await prepare(store, options.databaseUrl);
  if (ctx.startProblem?.kind === 'database_unavailable') {
    retrying = setInterval(() => {
      ctx.retryStart().catch((error: unknown) => console.error('[database] retry failed', error));
    }, options.retryEveryMs ?? RETRY_EVERY_MS);
    retrying.unref();
  }
  return ctx;
}

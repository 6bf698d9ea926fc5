import fs from 'node:fs';
import { openDatabase, openStandIn, type Db } from '../../db/connection';
import { toIsoDate } from '../../db/model/dates';
import { diskTroubleOf } from '../../db/disk-errors';
import { DamagedDatabaseError } from '../../db/integrity';
import { optimizeNow, refuseWrites } from '../../db/maintenance';
import { FULL_CHECK_WAITING, type FullCheckStatus } from '../../db/model/full-check';
import { schemaVersionOf } from '../../db/migrate';
import { postgresSchemaVersionOf } from '../../db/migrate-postgres';
import { loadPlanReference } from '../../db/seed/load-reference';
import { storeOf } from '../../db/store/store-of';
import type { Store } from '../../db/store/store';
import { createChangeBus, type ChangeBus } from './live/change-bus';
import { backupDirOf } from './backup';
import { databaseFileOf } from './data-files';
import { resolveDataDir } from './data-folder-start';
import { acquireFolderLock, type FolderLock } from './folder-lock';
import { removePartialBackups, settleInterruptedRestore } from './interrupted-swaps';

export interface DamageReport {
  message: string;
  details: string[];
}

/** Why the data could not be opened at all; the app shows a screen that says so and writes nothing. */
export interface StartProblem {
  /**
   * missing_folder, disk_full, read_only: the SQLite file's folder; database_unavailable: the database server
   * could not be reached or refused the login; database_refused: the database is of a newer version of the
   * program, or holds tables the program did not make
   */
  kind: 'missing_folder' | 'disk_full' | 'read_only' | 'database_unavailable' | 'database_refused';
  message: string;
  /** the folder concerned, or the database's address without its password */
  path: string;
}

/** What the app holds of its data on either engine: what handlers and services use. */
interface ContextBase {
  /** the library as handlers and services read and write it */
  readonly store: Store;
  /** the data folder: the SQLite file and its backups, or on a database server the server's backups */
  dataDir: string;
  /** set when the data file failed its checks (at start, or the full check in the background): only recovery runs */
  damage: DamageReport | null;
  /** the background full check of the open file (services/integrity-watch.ts); a database server checks its own */
  fullCheck: FullCheckStatus;
  /** set when the data could not be opened (folder missing, full, read-only; server unreachable): only a retry runs */
  startProblem: StartProblem | null;
  /** what the start did that the clerk should know (a restore a crash interrupted was finished or rolled back) */
  notice: string | null;
  /** injectable so every date rule can be tested on any day */
  today(): string;
  /** the changes every write publishes and every open event stream hears (services/live/) */
  readonly changes: ChangeBus;
  /** tries the start again (the USB stick is back, space was freed, the database server is up again) */
  retryStart(): Promise<void>;
  close(): Promise<void>;
}

/** The single PC's data: a SQLite file in the data folder. */
export interface SqliteAppContext extends ContextBase {
  readonly engine: 'sqlite';
  /** the open SQLite file itself: only the code tied to the file (backups, checks, restore) uses it */
  db: Db;
  /**
   * Settles when the full check running in another thread lets go of the file: Windows cannot rename a file
   * open elsewhere, so a restore or a move waits for it before swapping files.
   */
  fullCheckRunning: Promise<unknown> | null;
  /** opens the data folder's file again (after a restore or a move), checks and all */
  reopen(dataDir?: string): Promise<void>;
  /**
   * The full check found the open file damaged: from this moment SQLite refuses every write through the app's
   * handle (one still under way fails and is answered as damaged), and only recovery runs.
   */
  markDamaged(details: string[]): void;
}

/** A database server's data (services/server-context.ts): PostgreSQL, shared by every app server started on it. */
export interface ServerAppContext extends ContextBase {
  readonly engine: 'postgres';
  /** postgres://…, with its password: never shown, see `redacted` (db/copy/endpoint.ts) */
  readonly databaseUrl: string;
  /** settles once this server hears the other app servers' changes (services/live/database-relay.ts) */
  readonly changesHeard: Promise<void>;
}

export type AppContext = SqliteAppContext | ServerAppContext;

export { DATABASE_FILE, databaseFileOf } from './data-files';

/**
 * The schema version of the open data: the SQLite file's own (PRAGMA user_version), or the database server's;
 * 0 while there is none to read (a stand-in for a damaged file, a server not reached).
 */
export async function schemaVersionIn(ctx: AppContext): Promise<number> {
  if (ctx.engine === 'sqlite') return schemaVersionOf(ctx.db);
  if (ctx.startProblem) return 0;
  return (await postgresSchemaVersionOf(ctx.store)) ?? 0;
}

/** An empty stand-in, so nothing can reach a damaged or unreachable file while the clerk decides. */
const standIn = (): Db => openStandIn();

interface Opened {
  db: Db;
  damage: DamageReport | null;
  startProblem: StartProblem | null;
  notice: string | null;
}

function troubleAt(error: unknown, dataDir: string): StartProblem | null {
  const trouble = diskTroubleOf(error);
  if (!trouble) return null;
  const message =
    trouble === 'disk_full'
      ? `数据文件夹“${dataDir}”所在磁盘空间不足，程序无法打开数据。请清理磁盘空间后点“重试”。`
      : `数据文件夹“${dataDir}”只读，程序无法打开数据。请检查文件夹的权限或U盘的写保护开关后点“重试”。`;
  return { kind: trouble, message, path: dataDir };
}

async function openFile(dataDir: string, notice: string | null): Promise<Opened> {
  try {
    const db = openDatabase(databaseFileOf(dataDir));
    await loadPlanReference(storeOf(db));
    return { db, damage: null, startProblem: null, notice };
  } catch (error) {
    if (error instanceof DamagedDatabaseError) {
      return { db: standIn(), damage: { message: error.message, details: error.details }, startProblem: null, notice };
    }
    const trouble = troubleAt(error, dataDir);
    if (trouble) return { db: standIn(), damage: null, startProblem: trouble, notice };
    throw error;
  }
}

/** The folder's data, or why it cannot be had; the lock is held whenever the folder could be written. */
async function openFolder(requested: string, held: { dir: string; lock: FolderLock } | null) {
  let resolved: ReturnType<typeof resolveDataDir>;
  try {
    resolved = resolveDataDir(requested);
  } catch (error) {
    // finishing an interrupted move renames files: a read-only or full folder says so like any other start
    const trouble = troubleAt(error, requested);
    if (!trouble) throw error;
    return {
      dataDir: requested,
      lock: null,
      opened: { db: standIn(), damage: null, startProblem: trouble, notice: null },
    };
  }
  const dataDir = resolved.dataDir;
  let lock: FolderLock | null = held && held.dir === dataDir ? held.lock : null;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    lock ??= acquireFolderLock(dataDir);
  } catch (error) {
    const trouble = troubleAt(error, dataDir);
    if (!trouble) throw error;
    return { dataDir, lock, opened: { db: standIn(), damage: null, startProblem: trouble, notice: null } };
  }
  if (resolved.missing) {
    const startProblem: StartProblem = {
      kind: 'missing_folder',
      path: resolved.missing,
      message: `数据已移到“${resolved.missing}”，但现在找不到那里的数据（U盘未插好，或文件夹被改名、移走）。程序没有另建空白数据。请插好U盘或放回文件夹后点“重新查找”，或从备份恢复。`,
    };
    return { dataDir, lock, opened: { db: standIn(), damage: null, startProblem, notice: resolved.notice } };
  }
  try {
    const restored = settleInterruptedRestore(dataDir);
    removePartialBackups(backupDirOf({ dataDir }));
    const notice = [resolved.notice, restored].filter(Boolean).join(' ') || null;
    return { dataDir, lock, opened: await openFile(dataDir, notice) };
  } catch (error) {
    const trouble = troubleAt(error, dataDir);
    if (!trouble) {
      if (lock !== held?.lock) lock.release();
      throw error;
    }
    return { dataDir, lock, opened: { db: standIn(), damage: null, startProblem: trouble, notice: null } };
  }
}

/**
 * Closes the file once the request that holds its Store has finished: a transaction that awaits in the middle
 * is not cut off; on that request's own path (a restore) it closes at once.
 */
async function closedInTurn(store: Store, db: Db): Promise<void> {
  await store.snapshot(async () => db.close());
}

export async function openAppContext(options: { dataDir: string; today?: () => string }): Promise<SqliteAppContext> {
  const first = await openFolder(options.dataDir, null);
  let lock = first.lock;
  const adopt = (next: Awaited<ReturnType<typeof openFolder>>) => {
    if (lock && lock !== next.lock) lock.release();
    lock = next.lock;
    ctx.db = next.opened.db;
    ctx.damage = next.opened.damage;
    ctx.startProblem = next.opened.startProblem;
    ctx.notice = next.opened.notice;
    ctx.dataDir = next.dataDir;
    ctx.fullCheck = FULL_CHECK_WAITING;
  };
  const ctx: SqliteAppContext = {
    engine: 'sqlite',
    db: first.opened.db,
    get store() {
      return storeOf(ctx.db);
    },
    dataDir: first.dataDir,
    damage: first.opened.damage,
    fullCheck: FULL_CHECK_WAITING,
    fullCheckRunning: null,
    startProblem: first.opened.startProblem,
    notice: first.opened.notice,
    today: options.today ?? (() => toIsoDate(new Date())),
    changes: createChangeBus(),
    async reopen(dataDir = ctx.dataDir) {
      // another folder's lock first: a folder in use elsewhere is refused while this one stays open
      const held = dataDir === ctx.dataDir ? lock : acquireFolderLock(dataDir);
      await closedInTurn(ctx.store, ctx.db);
      adopt(await openFolder(dataDir, held ? { dir: dataDir, lock: held } : null));
    },
    async retryStart() {
      await closedInTurn(ctx.store, ctx.db);
      adopt(await openFolder(options.dataDir, lock ? { dir: ctx.dataDir, lock } : null));
    },
    markDamaged(details) {
      try {
        refuseWrites(ctx.db);
      } catch (error) {
        // a handle that is already closed writes nothing either
        console.error('could not stop writes on the damaged file', error);
      }
      ctx.damage = { message: new DamagedDatabaseError(details).message, details };
      ctx.fullCheck = { ...ctx.fullCheck, state: 'damaged' };
    },
    async close() {
      // in the Store's turn, like a reopen: a request still at work finishes before its file goes
      await ctx.store.snapshot(async () => {
        if (!ctx.damage && !ctx.startProblem) {
          try {
            optimizeNow(ctx.db);
          } catch (error) {
            // statistics are an aid to the planner: a closing app never fails for them
            console.error('PRAGMA optimize before closing failed', error);
          }
        }
        ctx.db.close();
      });
      lock?.release();
    },
  };
  return ctx;
}

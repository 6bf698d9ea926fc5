import fs from 'node:fs';
import Database from 'better-sqlite3';
import { openDatabase, type Db } from '../../db/connection';
import { toIsoDate } from '../../db/model/dates';
import { DamagedDatabaseError } from '../../db/integrity';
import { loadPlanReference } from '../../db/seed/load-reference';
import { currentDataDir, databaseFileOf } from './data-files';
import { acquireFolderLock, type FolderLock } from './folder-lock';

export interface DamageReport {
  message: string;
  details: string[];
}

export interface AppContext {
  db: Db;
  dataDir: string;
  /** set when the data file failed its checks at start: nothing but recovery may run */
  damage: DamageReport | null;
  /** injectable so every date rule can be tested on any day */
  today(): string;
  /** opens the data folder's file again (after a restore or a move), checks and all */
  reopen(dataDir?: string): void;
  close(): void;
}

export { DATABASE_FILE, databaseFileOf } from './data-files';

function openChecked(dataDir: string): { db: Db; damage: DamageReport | null } {
  try {
    const db = openDatabase(databaseFileOf(dataDir));
    loadPlanReference(db);
    return { db, damage: null };
  } catch (error) {
    if (!(error instanceof DamagedDatabaseError)) throw error;
    // an empty stand-in, so nothing can reach the damaged file while the clerk chooses a backup
    return { db: new Database(':memory:'), damage: { message: error.message, details: error.details } };
  }
}

export function openAppContext(options: { dataDir: string; today?: () => string }): AppContext {
  const dataDir = currentDataDir(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  let lock: FolderLock = acquireFolderLock(dataDir);
  let opened: ReturnType<typeof openChecked>;
  try {
    opened = openChecked(dataDir);
  } catch (error) {
    lock.release();
    throw error;
  }
  const ctx: AppContext = {
    db: opened.db,
    dataDir,
    damage: opened.damage,
    today: options.today ?? (() => toIsoDate(new Date())),
    reopen(dataDir = ctx.dataDir) {
      const nextLock = dataDir === ctx.dataDir ? lock : acquireFolderLock(dataDir);
      ctx.db.close();
      let next: ReturnType<typeof openChecked>;
      try {
        next = openChecked(dataDir);
      } catch (error) {
        if (nextLock !== lock) nextLock.release();
        throw error;
      }
      if (nextLock !== lock) lock.release();
      lock = nextLock;
      ctx.db = next.db;
      ctx.damage = next.damage;
      ctx.dataDir = dataDir;
    },
    close() {
      ctx.db.close();
      lock.release();
    },
  };
  return ctx;
}

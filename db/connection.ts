import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DamagedDatabaseError } from './integrity';
import { optimizeAfterOpen } from './maintenance';
import { startCheckProblems } from './start-check';
import { applyMigrations, pendingMigrations, schemaVersionOf } from './migrate';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

export type Db = Database.Database;

export interface OpenOptions {
  /** where the copy taken before migrating an existing file goes; defaults to <file's folder>/backups */
  backupDir?: string;
  migrations?: readonly Migration[];
}

/**
 * A file from a newer version is refused before anything could touch it: its version is read through a
 * read-only handle, ahead of the journal mode switch (which rewrites header bytes) and of any migration.
 */
function refuseNewerFile(file: string, migrations: readonly Migration[]): void {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return;
  const peek = new Database(file, { readonly: true, fileMustExist: true });
  try {
    pendingMigrations(peek, migrations);
  } finally {
    peek.close();
  }
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  refuseNewerFile(file, options.migrations ?? MIGRATIONS);
  const db = new Database(file);
  try {
    // before anything writes: a damaged file is left exactly as it is. Bounded on a large file, so the start
    // never waits for a whole-file read; the full check follows in the background (integrity-watch).
    const problems = startCheckProblems(db, file);
    if (problems.length) throw new DamagedDatabaseError(problems);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // FULL in WAL mode: a committed figure survives a power cut, at a cost a clerk never notices.
    db.pragma('synchronous = FULL');
    const pending = pendingMigrations(db, options.migrations ?? MIGRATIONS);
    if (pending.length && schemaVersionOf(db) > 0) {
      backupBeforeMigration(db, options.backupDir ?? path.join(path.dirname(file), 'backups'));
    }
    applyMigrations(db, pending);
    if (pending.some((m) => m.compacts)) compactFile(db);
    optimizeAfterOpen(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Gives the pages a migration freed back to the disk. Outside the migration's transaction (VACUUM cannot run
 * in one): the data is complete either way, and a VACUUM that fails (a full disk) leaves the file as it was,
 * only larger, so the failure is not the clerk's concern.
 */
function compactFile(db: Db): void {
  try {
    db.exec('VACUUM');
  } catch {
    // the file stays as the migration left it
  }
}

/** An empty database in memory: what the app holds instead of a file it must not touch. */
export function openStandIn(): Db {
  return new Database(':memory:');
}

function backupBeforeMigration(db: Db, backupDir: string): string {
  fs.mkdirSync(backupDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(backupDir, `升级前备份-v${schemaVersionOf(db)}-${stamp}.sqlite`);
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

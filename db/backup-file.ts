import Database from 'better-sqlite3';
import type { Db } from './connection';
import { integrityProblems } from './integrity';
import { readOnceCache } from './read-once';
import { schemaVersionOf } from './migrate';
import { schemaProblem } from './schema-check';
import { get, sql } from './sql';

/**
 * SQLite's online backup of the open database into `file` (consistent while the app keeps writing), switched
 * out of WAL mode so the copy is one file that opens on its own, with no -wal/-shm beside it.
 */
export async function backupDatabaseTo(db: Db, file: string): Promise<void> {
  await db.backup(file);
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

export interface BackupFileContents {
  projectCount: number;
  schemaVersion: number;
  /** why it cannot be used; null when it can */
  problem: string | null;
}

/**
 * What a backup file holds, read through a read-only handle: `problem` when it is damaged, or its schema is not
 * exactly the one this app makes for the file's version (a file from outside is data, never code — see
 * schema-check.ts).
 */
export function readBackupFile(file: string): BackupFileContents {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    // nothing in the file's schema may call a function with side effects while it is read
    db.pragma('trusted_schema = OFF');
    readOnceCache(db);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return { projectCount: 0, schemaVersion: 0, problem: '备份文件已损坏' };
    const schemaVersion = schemaVersionOf(db);
    const mismatch = schemaProblem(db);
    if (mismatch) return { projectCount: 0, schemaVersion, problem: mismatch };
    const projectCount = (db.prepare('SELECT COUNT(*) AS n FROM projects').get() as { n: number }).n;
    return { projectCount, schemaVersion, problem: null };
  } catch {
    return { projectCount: 0, schemaVersion: 0, problem: '备份文件无法读取' };
  } finally {
    db?.close();
  }
}

/** Whether a data file passes SQLite's own checks, opened read-only (a missing or unreadable file does not). */
export function isSoundDatabaseFile(file: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    readOnceCache(db);
    return integrityProblems(db).length === 0;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** `read` over a backup file opened read-only (nothing in its schema may call a function with side effects). */
export function readFromBackupFile<T>(file: string, read: (db: Db) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('trusted_schema = OFF');
    return read(db);
  } finally {
    db.close();
  }
}

/** One of the settings a backup file holds, read without opening it as a library (null when it has none). */
export function settingInBackupFile(file: string, key: string): string | null {
  return readFromBackupFile(
    file,
    (db) => get<{ value: string }>(db, sql`SELECT value FROM settings WHERE key = ${key}`)?.value ?? null,
  );
}

import Database from 'better-sqlite3';
import { integrityProblems } from './integrity';
import { readOnceCache } from './read-once';

export type FullCheckResult = { ran: true; problems: string[] } | { ran: false; reason: string };

/**
 * SQLite's full check (integrity_check + foreign_key_check) of a data file through its own read-only handle, as
 * the background worker runs it: one read transaction, so it sees one committed state while the app goes on
 * writing. A file that cannot be opened at all (gone after a restore, say) is reported as not checked.
 */
export function fullCheckOfFile(file: string, nativeBinding?: string): FullCheckResult {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    return { ran: false, reason: error instanceof Error ? error.message : String(error) };
  }
  try {
    readOnceCache(db);
    return { ran: true, problems: integrityProblems(db) };
  } finally {
    db.close();
  }
}

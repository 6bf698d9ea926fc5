import type { Db } from './connection';

/**
 * Runs `work` as one transaction: committed when it returns, rolled back when it throws. Every write of the
 * app goes through here, so another engine changes this file and not its callers.
 *
 * Called inside another transaction it is a savepoint (better-sqlite3 nests them so): a failure rolls back
 * only the inner work and the outer transaction goes on. The ledger import and the fill-in sheets rely on
 * that — one savepoint per row, so a refused row is reported and the others still apply.
 */
export function inTransaction<T>(db: Db, work: () => T): T {
  // eslint-disable-next-line no-restricted-syntax -- the one place a transaction is opened
  return db.transaction(work)();
}

import type { Db } from './connection';

// better-sqlite3 builds four wrapper functions on every db.transaction() (tens of µs, a tenth of a weekly
// entry's save): each connection keeps one, which takes the work as its argument
const runners = new WeakMap<Db, (work: () => unknown) => unknown>();

/**
 * Runs `work` as one transaction: committed when it returns, rolled back when it throws. Every write of the
 * app goes through here, so another engine changes this file and not its callers.
 *
 * Called inside another transaction it is a savepoint (better-sqlite3 nests them so): a failure rolls back
 * only the inner work and the outer transaction goes on. The ledger import and the fill-in sheets rely on
 * that — one savepoint per row, so a refused row is reported and the others still apply.
 */
export function inTransaction<T>(db: Db, work: () => T): T {
  let run = runners.get(db);
  if (!run) {
    // eslint-disable-next-line no-restricted-syntax -- the one place a transaction is opened
    run = db.transaction((inner: () => unknown) => inner());
    runners.set(db, run);
  }
  return run(work) as T;
}

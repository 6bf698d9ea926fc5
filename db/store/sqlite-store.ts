import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from 'better-sqlite3';
import { all, allRaw, get, getRaw, run, type SqlQuery } from '../sql';
import type { Store } from './store';

// One connection, so one request at a time: a transaction that awaits in the middle holds the connection, and
// every other statement waits for it in line. A statement run from inside the holder (however deeply it awaits)
// is recognised by its async context and goes ahead.

export function sqliteStore(db: Database): Store {
  const holder = new AsyncLocalStorage<true>();
  let line: Promise<void> = Promise.resolve();
  let savepoints = 0;

  async function inTurn<T>(work: () => T | Promise<T>): Promise<T> {
    if (holder.getStore()) return work();
    const before = line;
    let done!: () => void;
    line = new Promise<void>((resolve) => (done = resolve));
    try {
      await before;
      return await holder.run(true, work);
    } finally {
      done();
    }
  }

  async function savepoint<T>(work: () => Promise<T>): Promise<T> {
    const name = `s${++savepoints}`;
    db.exec(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      db.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      db.exec(`ROLLBACK TO ${name}`);
      db.exec(`RELEASE ${name}`);
      throw error;
    }
  }

  return {
    dialect: 'sqlite',
    all: <T>(query: SqlQuery) => inTurn(() => all<T>(db, query)),
    get: <T>(query: SqlQuery) => inTurn(() => get<T>(db, query)),
    allRaw: <T extends unknown[]>(query: SqlQuery) => inTurn(() => allRaw<T>(db, query)),
    getRaw: <T extends unknown[]>(query: SqlQuery) => inTurn(() => getRaw<T>(db, query)),
    run: (query) => inTurn(() => run(db, query).changes),
    insert: (query) => inTurn(() => run(db, query).lastInsertRowid),
    transaction: (work) =>
      inTurn(async () => {
        if (db.inTransaction) return savepoint(work);
        // IMMEDIATE: the write lock is taken now, so a transaction never fails halfway for want of it
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work();
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),
    // a write waits its turn behind the whole of `work`, so nothing changes under it
    snapshot: (work) => inTurn(work),
    close: () =>
      inTurn(() => {
        db.close();
      }),
  };
}

import type { Database } from 'better-sqlite3';
import { sqliteStore } from './sqlite-store';
import type { Store } from './store';

// One Store per open file: its queue is what keeps one request's transaction whole, so two Stores on one handle
// would let their statements interleave.
const stores = new WeakMap<Database, Store>();

/** The Store of an open SQLite file, the same one every time it is asked for. */
export function storeOf(db: Database): Store {
  let store = stores.get(db);
  if (!store) {
    store = sqliteStore(db);
    stores.set(db, store);
  }
  return store;
}

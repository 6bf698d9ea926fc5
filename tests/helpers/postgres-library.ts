import path from 'node:path';
import { openDatabase, type Db } from '../../db/connection';
import { postgresStore } from '../../db/store/postgres-store';
import type { Store } from '../../db/store/store';
import { freshDatabase } from './postgres-database';
import { makeTempDir } from './temp-dir';

// Libraries for tests that compare the engines: an app-made SQLite file in a temp folder, an empty PostgreSQL
// database of the run's cluster. Each is removed by the cleanups the caller runs after the test.

export type Cleanup = () => Promise<void> | void;

export function sqliteLibrary(cleanups: Cleanup[]): Db {
  const temp = makeTempDir('zdxm-pgschema-');
  cleanups.push(temp.remove);
  const db = openDatabase(path.join(temp.dir, 'projects.sqlite'));
  cleanups.push(() => {
    db.close();
  });
  return db;
}

export async function emptyPostgres(cleanups: Cleanup[]): Promise<{ url: string; store: Store }> {
  const database = await freshDatabase();
  cleanups.push(database.remove);
  const store = postgresStore(database.url);
  cleanups.push(() => store.close());
  return { url: database.url, store };
}

import { sql } from '../sql';
import type { Store } from '../store/store';

/** How much space the library takes on the database server, in bytes (tables, indexes and their free space). */
export async function postgresDatabaseSize(store: Store): Promise<number> {
  const row = await store.get<{ bytes: number }>(sql`SELECT pg_database_size(current_database()) AS bytes`);
  return row?.bytes ?? 0;
}

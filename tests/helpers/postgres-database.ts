import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

/** A statement on the run's cluster as its superuser, outside any database of a test. */
export async function onCluster<T extends pg.QueryResultRow = pg.QueryResultRow>(
  statement: string,
  values: unknown[] = [],
): Promise<T[]> {
  const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await admin.connect();
  try {
    return (await admin.query<T>(statement, values)).rows;
  } finally {
    await admin.end();
  }
}

/** The URL of a database of the run's cluster. */
export function databaseUrl(name: string): string {
  return inject('postgresAdminUrl').replace(/\/postgres$/, `/${name}`);
}

/**
 * A database of its own in the run's throwaway cluster, dropped by `remove`: empty, or a copy of `template` (a
 * database nobody is connected to).
 */
export async function freshDatabase(
  options: { template?: string } = {},
): Promise<{ url: string; remove(): Promise<void> }> {
  const name = `zdxm_${randomBytes(6).toString('hex')}`;
  await onCluster(`CREATE DATABASE ${name}${options.template ? ` TEMPLATE ${options.template}` : ''}`);
  return {
    url: databaseUrl(name),
    remove: async () => {
      await onCluster(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

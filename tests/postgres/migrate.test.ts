import { afterEach, describe, expect, it } from 'vitest';
import { migratePostgres } from '../../db/migrate-postgres';
import { SCHEMA_VERSION } from '../../db/migrations';
import { sql } from '../../db/sql';
import { postgresStore } from '../../db/store/postgres-store';
import type { Store } from '../../db/store/store';
import { emptyPostgres, type Cleanup } from '../helpers/postgres-library';

// Starting app servers against one PostgreSQL database: they migrate it once between them, and leave alone a
// database that is not theirs to change.

const cleanups: Cleanup[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** every table and view of the database, with the columns it has: what “left as it was” is checked against */
async function relations(store: Store): Promise<string[]> {
  const rows = await store.all<{ relation: string }>(sql`
    SELECT table_name || '(' || string_agg(column_name, ', ' ORDER BY ordinal_position) || ')' AS relation
    FROM information_schema.columns WHERE table_schema = current_schema()
    GROUP BY table_name ORDER BY table_name`);
  return rows.map((r) => r.relation);
}

describe('PostgreSQL 的迁移', () => {
  it('两台服务器同时启动：只有一台迁移，另一台等它做完后无事可做，都不报错', async () => {
    const { url, store } = await emptyPostgres(cleanups);
    const second = postgresStore(url);
    cleanups.push(() => second.close());
    const results = await Promise.all([migratePostgres(store), migratePostgres(second)]);
    expect(results).toContainEqual({ from: 0, to: SCHEMA_VERSION });
    expect(results).toContainEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    expect(await store.all(sql`SELECT version FROM schema_version`)).toEqual([{ version: SCHEMA_VERSION }]);
    expect(await store.get(sql`SELECT COUNT(*) AS n FROM milestone_templates`)).toEqual({ n: 17 });
  });

  it('拒绝更新版本程序的数据库，并且不改动它', async () => {
    const { store } = await emptyPostgres(cleanups);
    await migratePostgres(store);
    await store.run(sql`UPDATE schema_version SET version = ${SCHEMA_VERSION + 10}`);
    await store.run(sql`CREATE TABLE later_things (id integer)`);
    await store.run(sql`INSERT INTO settings (key, value) VALUES ('cityName', '某县')`);
    const before = await relations(store);
    await expect(migratePostgres(store)).rejects.toMatchObject({
      code: 'newer_schema',
      message: `数据文件来自更新版本的程序（结构版本${SCHEMA_VERSION + 10}，本程序支持到${SCHEMA_VERSION}），请升级程序后再打开，本程序不会改动该文件`,
    });
    expect(await relations(store)).toEqual(before);
    expect(await store.all(sql`SELECT version FROM schema_version`)).toEqual([{ version: SCHEMA_VERSION + 10 }]);
    expect(await store.all(sql`SELECT key, value FROM settings`)).toEqual([{ key: 'cityName', value: '某县' }]);
  });

  it('拒绝已有别的数据表的数据库，不在里面建表', async () => {
    const { store } = await emptyPostgres(cleanups);
    await store.run(sql`CREATE TABLE ledger (code text, amount bigint)`);
    await expect(migratePostgres(store)).rejects.toMatchObject({
      code: 'foreign_database',
      message: '这个数据库里已有别的数据表，不是本程序建立的；为安全起见本程序不会改动它，请为本程序新建一个空数据库',
    });
    expect(await relations(store)).toEqual(['ledger(code, amount)']);
  });
});

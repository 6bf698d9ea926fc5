import { afterEach, describe, expect, it } from 'vitest';
import { migratePostgres } from '../../db/migrate-postgres';
import { MIGRATIONS, SCHEMA_VERSION } from '../../db/migrations';
import { sql } from '../../db/sql';
import { emptyPostgres, sqliteLibrary, type Cleanup } from '../helpers/postgres-library';
import { postgresColumns, postgresShape, sqliteShape, type SchemaShape } from '../helpers/schema-shape';

// The schema a PostgreSQL database migrates to is the one SQLite has after every step: the same tables and
// columns in the same order, the same nullability, defaults, keys, indexes and views. A SQLite step added
// without its PostgreSQL side fails here: a function-only step is refused by migratePostgres, a text step that
// PostgreSQL cannot run fails to run, and a difference in what the two make shows in the comparison.

const cleanups: Cleanup[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** SQLite's search index (FTS5 and its shadow tables) and the triggers that feed it: PostgreSQL searches without */
const SQLITE_SEARCH_TABLES = /^project_search(_|$)/;
const SQLITE_SEARCH_TRIGGERS = ['project_search_delete', 'project_search_insert', 'project_search_update'];

function withoutSearchIndex(shape: SchemaShape): SchemaShape {
  const tables = Object.fromEntries(Object.entries(shape.tables).filter(([name]) => !SQLITE_SEARCH_TABLES.test(name)));
  return { ...shape, tables, triggers: shape.triggers.filter((t) => !SQLITE_SEARCH_TRIGGERS.includes(t)) };
}

describe('PostgreSQL 的数据结构', () => {
  it('空数据库迁移到最新版本，结构版本记在 schema_version 表里', async () => {
    const { store } = await emptyPostgres(cleanups);
    expect(await migratePostgres(store)).toEqual({ from: 0, to: SCHEMA_VERSION });
    expect(await store.all(sql`SELECT version FROM schema_version`)).toEqual([{ version: SCHEMA_VERSION }]);
    // a second start finds nothing to do
    expect(await migratePostgres(store)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
  });

  it('与 SQLite 迁移完的结构一致：表、列及其顺序、非空、默认值、主键、唯一约束、外键、索引（含部分索引的条件）、视图', async () => {
    const sqlite = sqliteShape(sqliteLibrary(cleanups));
    expect(sqlite.triggers).toEqual(SQLITE_SEARCH_TRIGGERS);
    const { store } = await emptyPostgres(cleanups);
    await migratePostgres(store);
    const postgres = await postgresShape(store, ['schema_version']);
    const expected = withoutSearchIndex(sqlite);
    expect(Object.keys(postgres.tables).sort()).toEqual(Object.keys(expected.tables).sort());
    for (const [name, table] of Object.entries(expected.tables)) expect(postgres.tables[name], name).toEqual(table);
    expect(postgres.indexes).toEqual(expected.indexes);
    expect(postgres.uniques).toEqual(expected.uniques);
    expect(postgres.foreignKeys).toEqual(expected.foreignKeys);
    expect(postgres.views).toEqual(expected.views);
    expect(postgres.triggers).toEqual([]);
  });

  it('金额和毫秒时间是 BIGINT，编号是 integer 自增列，文字按编码比较（COLLATE "C"，与 SQLite 相同）', async () => {
    const { store } = await emptyPostgres(cleanups);
    await migratePostgres(store);
    const columns = (await postgresColumns(store)).filter((c) => !c.isView && c.table !== 'schema_version');
    const msTimes = [
      'audit_entries.at',
      'audit_late_entries.at',
      'dispatch_rows.updated_at',
      ...['locked_until', 'created_at', 'updated_at'].map((c) => `users.${c}`),
      ...['created_at', 'last_seen_at', 'ended_at'].map((c) => `sessions.${c}`),
      'login_events.at',
    ];
    const wide = columns.filter((c) => c.type === 'bigint').map((c) => `${c.table}.${c.name}`);
    const money = columns.filter((c) => c.name.endsWith('_yuan')).map((c) => `${c.table}.${c.name}`);
    expect(money).toContain('projects.total_investment_yuan');
    expect(wide.sort()).toEqual([...money, ...msTimes].sort());
    expect(columns.filter((c) => c.identity).every((c) => c.type === 'integer' && c.name === 'id')).toBe(true);
    expect(columns.filter((c) => c.type === 'text').every((c) => c.collation === 'C')).toBe(true);
  });

  it('新库自带的节点模板与 SQLite 的相同', async () => {
    const db = sqliteLibrary(cleanups);
    const { store } = await emptyPostgres(cleanups);
    await migratePostgres(store);
    const read = sql`SELECT id, stage, name, duration_days, sort_order FROM milestone_templates ORDER BY id`;
    const onSqlite = db.prepare(read.text).all();
    expect(onSqlite).toHaveLength(17);
    expect(await store.all(read)).toEqual(onSqlite);
  });

  it('视图 audit_log 与 dispatch_entries 对同样的行读出与 SQLite 相同的文字', async () => {
    const db = sqliteLibrary(cleanups);
    const { store } = await emptyPostgres(cleanups);
    await migratePostgres(store);
    const rows = [
      sql`INSERT INTO audit_names (id, name) VALUES (1, '张三'), (2, 'project'), (3, 'dispatch:progress')`,
      sql`INSERT INTO audit_texts (id, hash, text) VALUES (1, -5, '主体封顶'), (2, 7, '["节点逾期"]')`,
      sql`INSERT INTO audit_entries (id, at, operator, entity, entity_id, action, field, kind, old_text, new_text)
          VALUES (1, 1764979200007, 1, 2, 9, 1, 3, 1, NULL, 1), (2, 86399999, 1, 2, 9, 2, NULL, 0, 1, NULL)`,
      sql`INSERT INTO units (id, name) VALUES (1, '发改局')`,
      sql`INSERT INTO chains (id, code, name) VALUES (1, 'DZ', '电子信息')`,
      sql`INSERT INTO projects (id, code, name, category, chain_id, owner, stage, created_at, updated_at)
          VALUES (9, 'DZ-2026-001', '园区道路', 'infrastructure', 1, '城投公司', 'new_start', 'x', 'x')`,
      sql`INSERT INTO dispatch_rows (id, project_id, week, progress_text, confirmed, stage, light, reasons_text,
                                     year_completed_yuan, total_investment_yuan, updated_at, updated_by)
          VALUES (1, 9, 202601, 1, 1, 2, 1, 2, 120000000, 9007199254740000, 1764979200123, 1),
                 (2, 9, 999952, NULL, 0, 4, 2, NULL, 0, 0, 0, 1)`,
    ];
    for (const row of rows) {
      db.prepare(row.text).run();
      await store.run(row);
    }
    for (const read of [sql`SELECT * FROM audit_log ORDER BY id`, sql`SELECT * FROM dispatch_entries ORDER BY id`]) {
      const onSqlite = db.prepare(read.text).all();
      expect(onSqlite).toHaveLength(2);
      expect(await store.all(read)).toEqual(onSqlite);
    }
  });

  it('基线之后的迁移：一句两边通用的 SQL、各写各的两句都在 PostgreSQL 上执行；只有 SQLite 写法的一步被拒，数据库保持原样', async () => {
    const { store } = await emptyPostgres(cleanups);
    await migratePostgres(store);
    const later = [
      ...MIGRATIONS,
      {
        version: SCHEMA_VERSION + 10,
        name: '通用',
        up: "INSERT INTO settings (key, value) VALUES ('cityName', '某县')",
      },
      {
        version: SCHEMA_VERSION + 20,
        name: '各写各的',
        up: {
          sqlite: "INSERT OR IGNORE INTO settings (key, value) VALUES ('engine', 'sqlite')",
          postgres: "INSERT INTO settings (key, value) VALUES ('engine', 'postgres') ON CONFLICT DO NOTHING",
        },
      },
    ];
    expect(await migratePostgres(store, later)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION + 20 });
    expect(await store.all(sql`SELECT key, value FROM settings ORDER BY key`)).toEqual([
      { key: 'cityName', value: '某县' },
      { key: 'engine', value: 'postgres' },
    ]);

    const sqliteOnly = [
      ...later,
      { version: SCHEMA_VERSION + 30, name: '改名', up: "UPDATE settings SET value = '改过' WHERE key = 'cityName'" },
      { version: SCHEMA_VERSION + 40, name: '只有 SQLite 写法', up: () => undefined },
    ];
    await expect(migratePostgres(store, sqliteOnly)).rejects.toThrow(
      `迁移 ${SCHEMA_VERSION + 40}（只有 SQLite 写法）只有 SQLite 的写法，缺少 PostgreSQL 的一步`,
    );
    expect(await store.get(sql`SELECT version FROM schema_version`)).toEqual({ version: SCHEMA_VERSION + 20 });
    expect(await store.get(sql`SELECT value FROM settings WHERE key = 'cityName'`)).toEqual({ value: '某县' });
  });
});

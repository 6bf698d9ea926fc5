import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { all, allRaw, get, run, sql, sqlFragment, sqlIdentifier, sqlJoin, sqlText } from '../../db/sql';

describe('SQL 片段', () => {
  it('值一律作为参数绑定，片段带着自己的参数拼入语句', () => {
    const name = "x' OR 1=1 --";
    const where = sqlJoin([sqlFragment`name = ${name}`, sqlFragment`year = ${2026}`], ' AND ');
    const query = sql`SELECT * FROM t WHERE ${where} LIMIT ${10}`;
    expect(query.text).toBe('SELECT * FROM t WHERE name = ? AND year = ? LIMIT ?');
    expect(query.values).toEqual([name, 2026, 10]);
  });

  it('sqlJoin 把值变成参数，空列表是空片段', () => {
    const list = sqlJoin([1, 'a', null]);
    expect([list.text, list.values]).toEqual(['?, ?, ?', [1, 'a', null]]);
    expect(sql`SELECT 1${sqlFragment``}`.text).toBe('SELECT 1');
    expect(sqlJoin([]).text).toBe('');
  });

  it('PostgreSQL 的参数按出现顺序编号；语句里本来就有的问号不当作参数', () => {
    const where = sqlJoin([sqlFragment`name = ${'甲'}`, sqlFragment`code IN (${sqlJoin(['a', 'b'])})`], ' AND ');
    const query = sql`SELECT '谁?' AS ask FROM t WHERE ${where} AND note <> '?' LIMIT ${10}`;
    expect(sqlText(query, 'postgres')).toBe(
      `SELECT '谁?' AS ask FROM t WHERE name = $1 AND code IN ($2, $3) AND note <> '?' LIMIT $4`,
    );
    expect(query.values).toEqual(['甲', 'a', 'b', 10]);
    expect(sqlText(sql`SELECT 1`, 'postgres')).toBe('SELECT 1');
    expect(sqlText(query, 'sqlite')).toBe(query.text);
  });

  it('表名、列名只接受普通名称', () => {
    expect(sqlIdentifier('chain_id').text).toBe('"chain_id"');
    expect(() => sqlIdentifier('units; DROP TABLE projects')).toThrow();
    expect(() => sqlIdentifier('a"b')).toThrow();
  });

  it('在真实 SQLite 上按字面匹配含引号和百分号的值', () => {
    const db = new Database(':memory:');
    db.exec("CREATE TABLE t (name TEXT); INSERT INTO t VALUES ('100%'), ('x'' OR 1=1')");
    const names = [`x' OR 1=1`, '100%'];
    const rows = all<{ name: string }>(db, sql`SELECT name FROM t WHERE name IN (${sqlJoin(names)}) ORDER BY name`);
    expect(rows.map((r) => r.name)).toEqual(['100%', `x' OR 1=1`]);
    db.close();
  });

  it('语句按连接留用：表结构改了、留用的语句超过上限、换了连接，结果都照旧正确', () => {
    const db = new Database(':memory:');
    run(db, sql`CREATE TABLE t (n INTEGER)`);
    run(db, sql`INSERT INTO t VALUES (${1})`);
    const count = () => get<{ n: number }>(db, sql`SELECT COUNT(*) AS n FROM t`)?.n;
    expect(count()).toBe(1);
    run(db, sql`ALTER TABLE t ADD COLUMN note TEXT`);
    run(db, sql`INSERT INTO t VALUES (${2}, ${'二'})`);
    expect(all(db, sql`SELECT * FROM t ORDER BY n`)).toEqual([
      { n: 1, note: null },
      { n: 2, note: '二' },
    ]);
    // more distinct statements than are kept: the oldest is dropped and prepared again when next needed
    for (let i = 0; i < 400; i++) {
      const name = `v${i}`;
      expect(get<Record<string, number>>(db, sql`SELECT ${i} * 2 AS ${sqlIdentifier(name)}`)?.[name]).toBe(2 * i);
    }
    expect(count()).toBe(2);
    db.close();
    const other = new Database(':memory:');
    run(other, sql`CREATE TABLE t (n INTEGER)`);
    expect(get<{ n: number }>(other, sql`SELECT COUNT(*) AS n FROM t`)?.n).toBe(0);
    other.close();
  });

  it('同一句既按行对象读、又按数组读，两种读法互不串', () => {
    const db = new Database(':memory:');
    run(db, sql`CREATE TABLE t (n INTEGER, name TEXT)`);
    run(db, sql`INSERT INTO t VALUES (${1}, ${'一'}), (${2}, ${'二'})`);
    const query = () => sql`SELECT n, name FROM t ORDER BY n`;
    for (let i = 0; i < 2; i++) {
      expect(allRaw(db, query())).toEqual([
        [1, '一'],
        [2, '二'],
      ]);
      expect(all(db, query())).toEqual([
        { n: 1, name: '一' },
        { n: 2, name: '二' },
      ]);
    }
    db.close();
  });
});

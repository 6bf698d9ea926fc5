import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { all, sql, sqlFragment, sqlIdentifier, sqlJoin } from '../../db/sql';

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
});

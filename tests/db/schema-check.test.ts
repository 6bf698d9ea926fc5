import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Migration } from '../../db/migrations/types';
import { normaliseSql, schemaProblem } from '../../db/schema-check';

const settings: Migration = {
  version: 10,
  name: 'settings',
  up: `CREATE TABLE settings (
         key TEXT PRIMARY KEY, -- the setting's name
         value TEXT NOT NULL CHECK (value <> 'X')
       ) STRICT;
       CREATE INDEX settings_value ON settings(value);`,
};
const migrations = [settings];

let db: Database.Database | undefined;
afterEach(() => db?.close());

function fileWith(schema: string, version = 10): Database.Database {
  db = new Database(':memory:');
  db.exec(schema);
  db.pragma(`user_version = ${version}`);
  return db;
}

describe('数据结构核对', () => {
  it('空白、注释和关键字大小写不同不算不同；引号里的文字、约束不同就是不同', () => {
    const reference = "CREATE TABLE t (a TEXT CHECK (a <> 'X')) -- note\n STRICT";
    expect(normaliseSql("create   table t(a text check(a<>'X'))/* other note */strict")).toBe(normaliseSql(reference));
    expect(normaliseSql("CREATE TABLE t (a TEXT CHECK (a <> 'x')) STRICT")).not.toBe(normaliseSql(reference));
    expect(normaliseSql("CREATE TABLE t (a TEXT CHECK (a <> 'X -- not a comment')) STRICT")).toContain(
      "'X -- not a comment'",
    );
    expect(normaliseSql('CREATE TABLE "T" (a)')).not.toBe(normaliseSql('CREATE TABLE "t" (a)'));
    // SQLite folds ASCII letters only: a look-alike letter is another name
    expect(normaliseSql('CREATE TABLE \u212Aey (a)')).not.toBe(normaliseSql('CREATE TABLE key (a)'));
  });

  it('与迁移建出的结构完全一致（只差排版）时通过', () => {
    const file = fileWith(`
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL CHECK (value <> 'X')) STRICT;
      CREATE INDEX settings_value ON settings ( value );`);
    expect(schemaProblem(file, { migrations })).toBeNull();
  });

  it('SQLite 自己的统计表（PRAGMA optimize 建的 sqlite_stat1、sqlite_stat4）不算程序不会建立的表', () => {
    const file = fileWith(`
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL CHECK (value <> 'X')) STRICT;
      CREATE INDEX settings_value ON settings(value);
      INSERT INTO settings VALUES ('a', '1'), ('b', '2');
      ANALYZE;`);
    const names = file.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%' ORDER BY name").all();
    expect(names).toEqual([{ name: 'sqlite_stat1' }, { name: 'sqlite_stat4' }]);
    expect(schemaProblem(file, { migrations })).toBeNull();
  });

  it('改过约束的表：说明哪张表的定义不同', () => {
    const file = fileWith(`
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE INDEX settings_value ON settings(value);`);
    expect(schemaProblem(file, { migrations, what: '数据文件' })).toBe(
      '数据文件中数据表“settings”的定义与程序建立的不同，为安全起见不予使用',
    );
  });

  it('触发器排在最前；找到的太多时只说前几处和总数', () => {
    const file = fileWith(`
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL CHECK (value <> 'X')) STRICT;
      CREATE INDEX settings_value ON settings(value);
      CREATE TABLE a (x); CREATE TABLE b (x); CREATE VIEW v AS SELECT 1;
      CREATE TRIGGER t1 AFTER INSERT ON settings BEGIN SELECT 1; END;
      CREATE TRIGGER t2 AFTER DELETE ON settings BEGIN SELECT 1; END;`);
    expect(schemaProblem(file, { migrations })).toBe(
      '备份文件中有程序不会建立的触发器“t1”、触发器“t2”、视图“v”、数据表“a”等5处，为安全起见不予使用',
    );
  });

  it('没有版本号、不认识的版本号、更新的版本号都不通过', () => {
    expect(schemaProblem(fileWith('CREATE TABLE x (a)', 0), { migrations })).toBe(
      '备份文件没有数据结构版本，不是本程序建立的，为安全起见不予使用',
    );
    db!.close();
    expect(schemaProblem(fileWith('CREATE TABLE x (a)', 5), { migrations })).toBe(
      '备份文件的数据结构版本（5）不是本程序建立的，为安全起见不予使用',
    );
    db!.close();
    expect(schemaProblem(fileWith('CREATE TABLE x (a)', 20), { migrations })).toBe(
      '备份文件来自更新版本的程序（数据结构版本20，本程序支持到10），请先升级程序',
    );
  });
});

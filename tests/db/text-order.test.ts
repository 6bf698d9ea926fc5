import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compareCodePoints } from '../../db/model/text-order';
import { makeTempDir } from '../helpers/temp-dir';

// Names sorted in memory must fall in the order the database sorts them, or a list read in SQL on one engine and
// sorted in JavaScript on the other would differ.

const temps: { remove(): void }[] = [];
afterEach(() => {
  for (const temp of temps.splice(0)) temp.remove();
});

describe('文字排序与数据库一致', () => {
  it('全角标点、常用字和扩展B区的生僻字，按 SQLite 的顺序排列', () => {
    const temp = makeTempDir('zdxm-text-order-');
    temps.push(temp);
    const db = new Database(path.join(temp.dir, 'order.sqlite'));
    try {
      // 𠀋 (U+2000B) is one character in two UTF-16 units; （ and ： are U+FF08 and U+FF1A
      const names = [
        '施工许可（二期）',
        '施工许可𠀋',
        '施工许可：一期',
        '乙：施工许可',
        '甲：规划许可',
        'A区',
        'a区',
        '施工许可',
      ];
      db.exec('CREATE TABLE t (name TEXT NOT NULL)');
      const insert = db.prepare('INSERT INTO t (name) VALUES (?)');
      for (const name of names) insert.run(name);
      const inSqlite = (db.prepare('SELECT name FROM t ORDER BY name').all() as { name: string }[]).map((r) => r.name);

      expect([...names].sort(compareCodePoints)).toEqual(inSqlite);
      const permits = (list: string[]) => list.filter((n) => n.startsWith('施工许可'));
      expect(permits(inSqlite)).toEqual(['施工许可', '施工许可（二期）', '施工许可：一期', '施工许可𠀋']);
      // JavaScript's own order puts the two-unit character before the full-width marks
      expect(permits([...names].sort())).toEqual(['施工许可', '施工许可𠀋', '施工许可（二期）', '施工许可：一期']);
    } finally {
      db.close();
    }
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { asciiCaseBlindLike, idsOfJson, joinedIntegers } from '../../db/dialect';
import { sql, sqlFragment } from '../../db/sql';
import { sqliteStore } from '../../db/store/sqlite-store';
import type { Store } from '../../db/store/store';
import { emptyPostgres, sqliteLibrary, type Cleanup } from '../helpers/postgres-library';

// Each fragment of db/dialect.ts, written out for both engines, answers the same on both.

const cleanups: Cleanup[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function scratch(engine: 'sqlite' | 'postgres'): Promise<Store> {
  const store = engine === 'sqlite' ? sqliteStore(sqliteLibrary(cleanups)) : (await emptyPostgres(cleanups)).store;
  await store.run(sql`CREATE TABLE scratch (id INTEGER PRIMARY KEY, grp INTEGER NOT NULL, code TEXT NOT NULL)`);
  for (const [id, grp, code] of [
    [1, 1, 'DZ-2026-001'],
    [2, 1, 'dz-2026-002'],
    [3, 2, 'DZ_2026_003'],
    [4, 2, 'Ｄz-2026-004'],
  ] as const) {
    await store.run(sql`INSERT INTO scratch (id, grp, code) VALUES (${id}, ${grp}, ${code})`);
  }
  return store;
}

describe.each(['sqlite', 'postgres'] as const)('两种数据库的不同写法（%s）', (engine) => {
  it('一串编号作为一个参数：找到其中的行，空列表找不到', async () => {
    const store = await scratch(engine);
    const ids = (list: number[]) =>
      store.all<{ id: number }>(
        sql`SELECT id FROM scratch WHERE id IN (${idsOfJson(store.dialect, list)}) ORDER BY id`,
      );
    expect(await ids([4, 2, 99])).toEqual([{ id: 2 }, { id: 4 }]);
    expect(await ids([])).toEqual([]);
  });

  it('一组的编号按指定顺序连成“3,1”，没有行时为空', async () => {
    const store = await scratch(engine);
    const joined = joinedIntegers(store.dialect, sqlFragment`id`, sqlFragment`id DESC`);
    expect(await store.allRaw(sql`SELECT grp, ${joined} FROM scratch GROUP BY grp ORDER BY grp`)).toEqual([
      [1, '2,1'],
      [2, '4,3'],
    ]);
    expect(await store.getRaw(sql`SELECT ${joined} FROM scratch WHERE id > ${9}`)).toEqual([null]);
  });

  it('编号前缀不分英文大小写，全角字母和 _ % 照原样比较', async () => {
    const store = await scratch(engine);
    const like = (pattern: string) =>
      store.all<{ id: number }>(
        sql`SELECT id FROM scratch WHERE ${asciiCaseBlindLike(store.dialect, sqlFragment`code`, pattern)} ORDER BY id`,
      );
    expect(await like('dz-2026-%')).toEqual([{ id: 1 }, { id: 2 }]);
    expect(await like('DZ\\_%')).toEqual([{ id: 3 }]);
    expect(await like('ｄz%')).toEqual([]);
  });
});

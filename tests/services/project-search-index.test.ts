import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { MIGRATIONS } from '../../db/migrations';
import type { ProjectListRow } from '../../db/model/project-list';
import { matchesSearch } from '../../db/model/project-search';
import { sql } from '../../db/sql';
import { loadPlanReference } from '../../db/seed/load-reference';
import { storeOf } from '../../db/store/store-of';
import { openAppContext } from '../../electron/services/app-context';
import { dispatch } from '../../electron/contract';
import { createTempApp, type TempApp } from '../helpers/temp-app';
import { makeTempDir } from '../helpers/temp-dir';
import { testEngine } from '../helpers/test-engine';

// The server's search reads only what its index says may match; these searches must still find exactly the
// projects the library's own search box finds in the same rows.

let app: TempApp;
let unitId: number;

beforeEach(async () => {
  app = await createTempApp();
  unitId = (await app.ok('reference.saveUnit', { name: '市工业和信息化局' })).units[0].id;
  const reference = await app.ok('reference.list', {});
  const chain = (code: string) => reference.chains.find((c) => c.code === code)!.id;
  const parkId = reference.parks[0].id;
  const projects = [
    { name: '华芯制造年产1亿颗芯片封测项目', owner: '湖南华芯制造有限公司', chainId: chain('DZ') },
    { name: 'ＡＢＣ智能装备产业园', owner: '湘乡ＡＢＣ科技公司', chainId: chain('DZ'), parkId },
    { name: 'Smart 仓储 Center', owner: 'XYZ Logistics', chainId: chain('DZ'), location: '东郊 "一号" 地块' },
    { name: '皮革工业园污水管网', owner: '湘乡市城投', chainId: chain('DZ'), leadUnitId: unitId },
    { name: '二期_A区厂房', owner: '某公司', chainId: chain('DZ'), responsibleUnitIds: [unitId] },
    { name: '100%国产化改造项目', owner: '某公司', chainId: chain('DZ'), chainLeadOverride: '刘副市长' },
    // letters whose case the index's tokenizer folds by an older table than the search box (Cherokee)
    { name: 'ЖУК Ꭰ 合作项目', owner: 'ᏣᎳᎩ公司', chainId: chain('DZ') },
  ];
  for (const p of projects) await app.ok('projects.create', { stage: 'reserve' as const, ...p });
});
afterEach(() => app.close());

async function sameAsTheSearchBox(searches: string[]) {
  const all = await app.ok('projects.list', {});
  for (const search of searches) {
    const server = (await app.ok('projects.list', { search })).map((r) => r.name);
    const box = all.filter((r) => matchesSearch(r, search)).map((r) => r.name);
    expect(server, search).toEqual(box);
  }
}

describe('项目搜索（索引）', () => {
  it('长词、一两个字的词、大小写、全角字母、引号、园区和单位名称，找到的与搜索框相同', async () => {
    const chainLead = (await app.ok('reference.list', {})).chains.find((c) => c.code === 'DZ')!.chainLead;
    await sameAsTheSearchBox([
      '芯片封测',
      '芯',
      '湘乡',
      'abc',
      'ａｂｃ',
      'ＡＢＣ',
      'smart',
      'SMART center',
      'xy',
      's',
      '"一号"',
      '"',
      '工业和信息化',
      '信息化 污水',
      '刘副市长',
      '副市',
      '_',
      '%',
      '期_a',
      '二期%',
      'dz-2026',
      '电子信息',
      (await app.ok('reference.list', {})).parks[0].name,
      ...(chainLead ? [chainLead] : []),
      '不存在的词',
      'жук',
      'Ж',
      'ꮳꮃꭹ公',
      'ᏣᎳᎩ',
      'ꭰ',
      '湘\u0000乡经济',
      '\u0000\u0000\u0000',
    ]);
    expect((await app.ok('projects.list', { search: 'ꮳꮃꭹ公' })).map((r) => r.name)).toEqual(['ЖУК Ꭰ 合作项目']);
    expect((await app.ok('projects.list', { search: 'ａｂｃ' })).map((r) => r.name)).toEqual(['ＡＢＣ智能装备产业园']);
    expect((await app.ok('projects.list', { search: '工业和信息化' })).map((r) => r.name)).toEqual([
      '皮革工业园污水管网',
      '二期_A区厂房',
    ]);
  });

  it('改名、改建设单位、改单位名称、改链长之后，搜索跟着变', async () => {
    const [pipe] = await app.ok('projects.list', { search: '污水管网' });
    // two characters are looked for in the projects' own fields as read before the change
    expect((await app.ok('projects.list', { search: '管网' })).map((r) => r.id)).toEqual([pipe.id]);
    expect(await app.ok('projects.list', { search: '雨污' })).toEqual([]);
    await app.ok('projects.update', { id: pipe.id, name: '雨污分流改造工程', owner: '湘乡市水务集团' });
    expect(await app.ok('projects.list', { search: '管网' })).toEqual([]);
    expect((await app.ok('projects.list', { search: '雨污' })).map((r) => r.id)).toEqual([pipe.id]);
    expect(await app.ok('projects.list', { search: '污水管网' })).toEqual([]);
    expect((await app.ok('projects.list', { search: '雨污分流' })).map((r) => r.id)).toEqual([pipe.id]);
    expect((await app.ok('projects.list', { search: '水务集团' })).map((r) => r.id)).toEqual([pipe.id]);

    await app.ok('reference.saveUnit', { id: unitId, name: '市工信局' });
    expect(await app.ok('projects.list', { search: '工业和信息化' })).toEqual([]);
    expect((await app.ok('projects.list', { search: '市工信局' })).map((r) => r.name)).toEqual([
      '雨污分流改造工程',
      '二期_A区厂房',
    ]);

    const [override] = await app.ok('projects.list', { search: '刘副市长' });
    await app.ok('projects.update', { id: override.id, chainLeadOverride: null });
    expect(await app.ok('projects.list', { search: '刘副市长' })).toEqual([]);
    await sameAsTheSearchBox(['市工信', '雨污', '水务', '湘乡', '二期']);
  });
});

describe('搜索索引的迁移', () => {
  // migration 0080 builds SQLite's full-text index of an older file; PostgreSQL has no such index to build
  it.skipIf(testEngine() === 'postgres')('升级前已有的项目升级后即可搜到', async () => {
    const temp = makeTempDir();
    try {
      const older = openDatabase(path.join(temp.dir, 'projects.sqlite'), {
        migrations: MIGRATIONS.filter((m) => m.version < 80),
      });
      const store = storeOf(older);
      await loadPlanReference(store);
      const now = '2026-01-01T00:00:00Z';
      // the file as it was before 0080: today's reads and writes of chains and projects name columns it lacks
      const chainId = (await store.get<{ id: number }>(sql`SELECT id FROM chains ORDER BY id LIMIT 1`))!.id;
      for (const [i, name] of ['老项目甲：光伏组件', '老项目乙：污水处理'].entries()) {
        await store.run(sql`INSERT INTO projects (code, name, category, chain_id, owner, stage, created_at, updated_at)
                            VALUES (${`OLD-${i}`}, ${name}, 'industry', ${chainId}, '某公司', 'reserve', ${now}, ${now})`);
      }
      older.close();
      const ctx = await openAppContext({ dataDir: temp.dir, today: () => '2026-11-28' });
      try {
        const found = await dispatch(ctx, 'projects.list', { search: '光伏组件' });
        expect(found.ok && (found.data as ProjectListRow[]).map((r) => r.name)).toEqual(['老项目甲：光伏组件']);
        const short = await dispatch(ctx, 'projects.list', { search: '老项' });
        expect(short.ok && short.data).toHaveLength(2);
      } finally {
        await ctx.close();
      }
    } finally {
      temp.remove();
    }
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { StatsRow } from '../../db/model/stat-ranking';
import type { ApiResult, ExportedFile } from '../../electron/api-spec';
import { buildXlsx, type TestCell } from '../helpers/spreadsheets';
import { rowCount } from '../helpers/stored-rows';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// Issue #16: the lists of key projects (省重点, 湘潭市重点, 市本级重点…) and the 乡镇 a project is in, as the
// office keeps them in 设置, on a project's record, in the library and in the ledger, on both engines.

let app: TempApp;
let chainId: number;
let level: Record<string, number>;
let township: Record<string, number>;

beforeEach(async () => {
  app = await createTempApp();
  const reference = await app.ok('reference.list', {});
  chainId = reference.chains.find((c) => c.code === 'DZ')!.id;
  level = Object.fromEntries(reference.levels.map((l) => [l.name, l.id]));
  township = Object.fromEntries(reference.townships.map((t) => [t.name, t.id]));
});
afterEach(() => app.close());

function refusal(result: ApiResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

const project = (name: string, extra: Record<string, unknown> = {}) =>
  app.ok('projects.create', { name, stage: 'reserve', chainId, owner: '湖南某某有限公司', ...extra });

function sheetRows(file: ExportedFile): unknown[][] {
  const wb = XLSX.read(Buffer.from(file.base64, 'base64'), { type: 'buffer' });
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, defval: null });
}

describe('设置 › 项目级别、乡镇/街道', () => {
  it('新库有三个级别和规划中的六个乡镇；可新增、改名、停用，每次修改记入变更记录', async () => {
    const start = await app.ok('reference.list', {});
    expect(start.levels.map((l) => l.name)).toEqual(['省重点', '湘潭市重点', '市本级重点']);
    expect(start.townships.map((t) => t.name)).toEqual(['泉塘镇', '东郊镇', '龙洞镇', '金石镇', '棋梓镇', '虞唐镇']);

    const added = await app.ok('reference.saveLevel', { name: '县重点' });
    const county = added.levels.find((l) => l.name === '县重点')!;
    expect(county).toMatchObject({ retired: false, projectCount: 0, version: 1 });
    const renamed = await app.ok('reference.saveLevel', { id: county.id, version: 1, name: '市重点预备' });
    expect(renamed.levels.find((l) => l.id === county.id)).toMatchObject({ name: '市重点预备', version: 2 });
    const stale = refusal(await app.call('reference.saveLevel', { id: county.id, version: 1, name: '别的名字' }));
    expect(stale.code).toBe('conflict');
    expect(refusal(await app.call('reference.saveLevel', { name: '省重点' })).message).toBe('项目级别“省重点”已存在');
    expect(refusal(await app.call('reference.saveTownship', { name: '  ' })).message).toMatch(/乡镇\/街道名称/);
    const retired = await app.ok('reference.setRetired', { kind: 'level', id: county.id, retired: true });
    expect(retired.levels.at(-1)).toMatchObject({ name: '市重点预备', retired: true });
    await app.ok('reference.saveTownship', { name: '月山镇' });

    const history = await app.ok('audit.list', { kind: 'reference' });
    const lines = history.entries.map((e) => [e.entity, e.action, e.field, e.oldValue, e.newValue]);
    expect(lines).toEqual([
      ['township', 'create', 'name', null, '月山镇'],
      ['level', 'update', 'retired', '市重点预备', '停用'],
      ['level', 'update', 'name', '县重点', '市重点预备'],
      ['level', 'create', 'name', null, '县重点'],
    ]);
  });
});

describe('项目的级别和所在乡镇', () => {
  it('建项时选的级别和乡镇随项目保存，项目页和项目库显示名称，级别按名单顺序', async () => {
    const created = await project('华芯封测项目', {
      levelIds: [level['市本级重点'], level['省重点']],
      townshipId: township['金石镇'],
    });
    expect(created).toMatchObject({
      levelIds: [level['省重点'], level['市本级重点']],
      levelNames: ['省重点', '市本级重点'],
      townshipId: township['金石镇'],
      townshipName: '金石镇',
    });
    const [row] = await app.ok('projects.list', {});
    expect(row).toMatchObject({ levelNames: ['省重点', '市本级重点'], townshipName: '金石镇' });
    const { levels, townships } = await app.ok('reference.list', {});
    expect(levels.map((l) => l.projectCount)).toEqual([1, 0, 1]);
    expect(townships.find((t) => t.name === '金石镇')!.projectCount).toBe(1);
  });

  it('修改级别和乡镇：变更记录写名称（原值 → 新值），版本加一', async () => {
    const created = await project('华芯封测项目', { levelIds: [level['市本级重点']] });
    const updated = await app.ok('projects.update', {
      id: created.id,
      version: 1,
      levelIds: [level['市本级重点'], level['湘潭市重点']],
      townshipId: township['棋梓镇'],
    });
    expect(updated.levelNames).toEqual(['湘潭市重点', '市本级重点']);
    const history = await app.ok('projects.history', { id: created.id });
    const changes = history.filter((e) => e.action === 'update').map((e) => [e.fieldLabel, e.oldValue, e.newValue]);
    expect(changes).toEqual(
      expect.arrayContaining([
        ['所在乡镇', null, '棋梓镇'],
        ['项目级别', '市本级重点', '湘潭市重点、市本级重点'],
      ]),
    );
    const cleared = await app.ok('projects.update', { id: created.id, version: 2, levelIds: [], townshipId: null });
    expect(cleared).toMatchObject({ levelNames: [], townshipName: null });
    // issue #17: the list it had been on keeps its stay, 调出 today; the one added today and removed today is gone
    expect(await rowCount(app, 'level_memberships')).toBe(1);
    const { stays } = await app.ok('levels.history', { projectId: created.id });
    expect(stays.map((s) => [s.levelName, s.leftOn])).toEqual([['市本级重点', '2026-11-28']]);
  });

  it('不存在或已停用的级别、乡镇，以及重复的级别被拒绝，说明原因，什么也不写', async () => {
    const before = { projects: await rowCount(app, 'projects'), audit: await rowCount(app, 'audit_log') };
    const cases: [Record<string, unknown>, string][] = [
      [{ levelIds: [9999] }, '所选项目级别不存在，请重新选择'],
      [{ townshipId: 9999 }, '所选乡镇/街道不存在，请重新选择'],
      [{ levelIds: [level['省重点'], level['省重点']] }, '项目级别有重复'],
    ];
    for (const [extra, message] of cases) {
      expect(
        refusal(await app.call('projects.create', { name: '坏项目', stage: 'reserve', chainId, owner: '某', ...extra }))
          .message,
      ).toBe(message);
    }
    await app.ok('reference.setRetired', { kind: 'township', id: township['虞唐镇'], retired: true });
    const retired = await app.call('projects.create', {
      name: '坏项目',
      stage: 'reserve',
      chainId,
      owner: '某',
      townshipId: township['虞唐镇'],
    });
    expect(refusal(retired).message).toBe('所选乡镇/街道已停用，请选择其他乡镇/街道');
    expect(await rowCount(app, 'projects')).toBe(before.projects);
    expect(await rowCount(app, 'audit_log')).toBe(before.audit + 1);
  });
});

describe('台账导出与导入', () => {
  it('按级别导出：只含该级别的项目，标题为“湘乡市2026年省重点项目台账”，带项目级别和所在乡镇两列', async () => {
    await project('省级大项目', { levelIds: [level['省重点'], level['市本级重点']], townshipId: township['金石镇'] });
    await project('市本级项目', { levelIds: [level['市本级重点']] });
    const file = await app.ok('ledger.export', { level: level['省重点'], totalUnit: 'wan' });
    expect(file.fileName).toMatch(/^湘乡市2026年省重点项目台账（截至/);
    expect(file.rows).toBe(1);
    const rows = sheetRows(file);
    expect(rows[0][0]).toBe('湘乡市2026年省重点项目台账');
    const header = rows.find((r) => r[0] === '序号')!;
    const named = rows.find((r) => r[1] === '省级大项目')!;
    expect(named[header.indexOf('项目级别')]).toBe('省重点、市本级重点');
    expect(named[header.indexOf('所在乡镇')]).toBe('金石镇');
    expect(rows.some((r) => r[1] === '市本级项目')).toBe(false);

    const whole = await app.ok('ledger.export', { totalUnit: 'wan' });
    expect(sheetRows(whole)[0][0]).toBe('湘乡市2026年重点项目建设台账');
    expect(whole.rows).toBe(2);
    expect(refusal(await app.call('ledger.export', { level: 9999, totalUnit: 'wan' })).message).toBe(
      '找不到该项目级别，可能已被删除',
    );
  });

  it('导入台账读“项目级别”“所在乡镇”列按名称对应；名单里没有的名称整行被拒绝，说明行号和原因', async () => {
    const rows: TestCell[][] = [
      ['项目名称', '建设单位', '阶段', '产业链', '项目级别', '所在乡镇'],
      ['甲项目', '甲公司', '储备', '化工', '省重点、湘潭市重点', '东郊镇'],
      ['乙项目', '乙公司', '储备', '化工', '国家重点', ''],
      ['丙项目', '丙公司', '储备', '化工', '', '西郊镇'],
    ];
    const bytes = await buildXlsx([{ name: 'S', rows }]);
    const input = { fileName: 'x.xlsx', contentBase64: bytes.toString('base64') };
    const shown = await app.ok('ledger.previewImport', input);
    expect(shown.errors.map((e) => [e.row, e.message])).toEqual([
      [3, '项目级别“国家重点”不在项目级别名单中（设置 → 项目级别）'],
      [4, '所在乡镇“西郊镇”不在乡镇/街道名单中（设置 → 乡镇/街道）'],
    ]);
    const refused = await app.call('ledger.applyImport', {
      ...input,
      fingerprint: shown.fingerprint,
      skipErrors: false,
    });
    expect(refused.ok).toBe(false);
    expect(await rowCount(app, 'projects')).toBe(0);

    await app.ok('ledger.applyImport', { ...input, fingerprint: shown.fingerprint, skipErrors: true });
    const [imported] = await app.ok('projects.list', {});
    expect(imported).toMatchObject({ name: '甲项目', levelNames: ['省重点', '湘潭市重点'], townshipName: '东郊镇' });
  });
});

describe('stats.ranking 按项目级别、按乡镇', () => {
  // 11月 of 2026 (序时进度 11/12). 甲: 省重点 and 市本级重点, 金石镇, 总投资 100万, 本年计划 120万, 1—3月 10万 each;
  // 乙: 市本级重点, 金石镇, 200万, plan 60万, 1月 60万; 丙: no list, no 乡镇, 50万, no plan.
  async function office() {
    const started = { stage: 'continuing', actualStartDate: '2025-03-01' } as const;
    const create = async (name: string, extra: Record<string, unknown>, months: Record<number, number>) => {
      const created = await project(name, { ...started, ...extra });
      for (const [month, amountYuan] of Object.entries(months)) {
        await app.ok('projects.setMonthlyInvestment', {
          projectId: created.id,
          year: 2026,
          month: Number(month),
          amountYuan,
        });
      }
    };
    await create(
      '甲',
      {
        levelIds: [level['省重点'], level['市本级重点']],
        townshipId: township['金石镇'],
        totalInvestmentYuan: 1_000_000,
        annualPlanYuan: 1_200_000,
      },
      { 1: 100_000, 2: 100_000, 3: 100_000 },
    );
    await create(
      '乙',
      {
        levelIds: [level['市本级重点']],
        townshipId: township['金石镇'],
        totalInvestmentYuan: 2_000_000,
        annualPlanYuan: 600_000,
      },
      { 1: 600_000 },
    );
    await create('丙', { totalInvestmentYuan: 500_000 }, {});
  }
  const read = (rows: StatsRow[]) =>
    rows.map((r) => ({
      name: r.group.name,
      rank: r.rank,
      count: r.figures.projectCount,
      money: [r.figures.totalInvestmentYuan, r.figures.annualPlanYuan, r.figures.completedYuan],
      gap: r.figures.gapPoints,
    }));

  it('两个级别上的项目在每个级别各计一次，全市合计只计一次；没有级别的列在“未填写”', async () => {
    await office();
    const byLevel = await app.ok('stats.ranking', { year: 2026, month: 11, by: 'level' });
    expect(read(byLevel.rows)).toEqual([
      { name: '市本级重点', rank: 1, count: 2, money: [3_000_000, 1_800_000, 900_000], gap: -41.666667 },
      { name: '省重点', rank: 2, count: 1, money: [1_000_000, 1_200_000, 300_000], gap: -66.666667 },
      { name: '未填写', rank: null, count: 1, money: [500_000, 0, 0], gap: null },
    ]);
    expect(byLevel.total).toMatchObject({ projectCount: 3, totalInvestmentYuan: 3_500_000, completedYuan: 900_000 });
  });

  it('按乡镇：金石镇两个项目，未填乡镇的一个', async () => {
    await office();
    const byTownship = await app.ok('stats.ranking', { year: 2026, month: 11, by: 'township' });
    expect(read(byTownship.rows)).toEqual([
      { name: '金石镇', rank: 1, count: 2, money: [3_000_000, 1_800_000, 900_000], gap: -41.666667 },
      { name: '未填写', rank: null, count: 1, money: [500_000, 0, 0], gap: null },
    ]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ExportedFile, MethodInput } from '../../electron/api-spec';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// 月度通报 on crafted data, figures worked out by hand; on SQLite here and on PostgreSQL in the postgres-suites
// project (contract-*). Today is 2026-06-15, the plan year 2026, 序时进度 of 1—5月 = 5 ÷ 12 = 41.667%.
//
//   一号 A局, 甲园: 续建, started 2025-03-01, 总投资 1亿, plan 1.2亿, 1—5月 1,000万 each (5,000万), 纳统.
//   二号 B局: 新开工 (计划开工 2026-03-01), started 2026-04-10, 总投资 3,000万, plan 6,000万, 4月 and 5月
//        500万 each (1,000万), not 纳统 though it must be.
//   三号 B局, 甲园: 新开工 (计划开工 2026-05-01), not started, 总投资 8,000万, no plan.
//   四号 C局: 续建, started 2024-01-01, 计划竣工 2026-03-31 and not completed, 总投资 5亿, plan 2,400万,
//        1—5月 240万 each (1,200万), 纳统.
// The office: 7,200万 of 2.04亿 = 35.294%, 6.373 points behind; 开工 1 of 2; 按期竣工 0 of 1; 纳统 2 of 3.
// By unit: C局 50.0% (+8.3), A局 41.667% (0.0), B局 16.667% (−25.0): C, A, B.

const TODAY = '2026-06-15';
const SUMMARY_MAY =
  '1—5月，全市重点项目完成投资0.72亿元，占年度计划的35.3%，低于序时进度6.4个百分点；' +
  '列入新开工计划的项目2个，已开工1个，开工率50.0%；应竣工项目1个，按期竣工0个，按期竣工率0.0%；' +
  '应纳统项目3个，已纳统2个，纳统率66.7%。';

describe('月度通报', () => {
  let app: TempApp;
  beforeEach(async () => {
    app = await createTempApp({ today: TODAY });
  });
  afterEach(() => app.close());

  const refusal = async (method: string, input: unknown) => {
    const result = await app.call(method, input);
    if (result.ok) throw new Error(`${method} was expected to be refused`);
    return result.error;
  };

  async function office(): Promise<void> {
    for (const name of ['A局', 'B局', 'C局']) await app.ok('reference.saveUnit', { name });
    await app.ok('reference.savePark', { name: '甲园' });
    const reference = await app.ok('reference.list', {});
    const unit = (name: string) => reference.units.find((u) => u.name === name)!.id;
    const park = reference.parks.find((p) => p.name === '甲园')!.id;
    const base = { owner: '某公司', chainId: reference.chains[0].id, inStatistics: false } as const;
    const create = async (input: MethodInput<'projects.create'>, months: Record<number, number>) => {
      const project = await app.ok('projects.create', input);
      for (const [month, amountYuan] of Object.entries(months)) {
        await app.ok('projects.setMonthlyInvestment', {
          projectId: project.id,
          year: 2026,
          month: Number(month),
          amountYuan,
        });
      }
    };
    const wan = 10_000;
    const each = (amount: number, months: number[]) => Object.fromEntries(months.map((m) => [m, amount]));
    await create(
      {
        ...base,
        name: '一号',
        stage: 'continuing',
        leadUnitId: unit('A局'),
        parkId: park,
        actualStartDate: '2025-03-01',
        plannedCompletionDate: '2027-06-30',
        totalInvestmentYuan: 10_000 * wan,
        annualPlanYuan: 12_000 * wan,
        inStatistics: true,
      },
      each(1_000 * wan, [1, 2, 3, 4, 5]),
    );
    await create(
      {
        ...base,
        name: '二号',
        stage: 'new_start',
        leadUnitId: unit('B局'),
        plannedStartDate: '2026-03-01',
        actualStartDate: '2026-04-10',
        totalInvestmentYuan: 3_000 * wan,
        annualPlanYuan: 6_000 * wan,
      },
      each(500 * wan, [4, 5]),
    );
    await create(
      {
        ...base,
        name: '三号',
        stage: 'new_start',
        leadUnitId: unit('B局'),
        parkId: park,
        plannedStartDate: '2026-05-01',
        totalInvestmentYuan: 8_000 * wan,
      },
      {},
    );
    await create(
      {
        ...base,
        name: '四号',
        stage: 'continuing',
        leadUnitId: unit('C局'),
        actualStartDate: '2024-01-01',
        plannedCompletionDate: '2026-03-31',
        totalInvestmentYuan: 50_000 * wan,
        annualPlanYuan: 2_400 * wan,
        inStatistics: true,
      },
      each(240 * wan, [1, 2, 3, 4, 5]),
    );
  }

  it('摘要由数字组成（与手算的句子一致），排名按考核顺序，红榜黑榜各取N个', async () => {
    await office();
    const data = await app.ok('bulletin.printData', { year: 2026, month: 5, honourSize: 1 });
    expect(data.title).toBe('湘乡市重点项目建设月度通报');
    expect(data.text).toEqual({
      summary: SUMMARY_MAY,
      autoSummary: SUMMARY_MAY,
      summaryEdited: false,
      docNumber: '',
      docNumberSaved: false,
      version: 0,
    });
    expect(data.byUnit.rows.map((r) => [r.rank, r.group.name])).toEqual([
      [1, 'C局'],
      [2, 'A局'],
      [3, 'B局'],
    ]);
    expect(data.byArea.by).toBe('park');
    expect(data.byArea.rows.map((r) => r.group.name)).toEqual(['甲园', '未填写']);
    expect(data.honour.top.map((r) => r.group.name)).toEqual(['C局']);
    expect(data.honour.bottom.map((r) => r.group.name)).toEqual(['B局']);
    // a past month without any 周调度: no lights, so no red projects and no lights in the paragraph
    expect(data.byUnit.lightsFrom).toEqual({ kind: 'none' });
    expect(data.redProjects).toEqual([]);
    // the chart's months: 1—5月 as reported, the rest empty; their sum is the paragraph's 7,200万
    expect(data.trend.monthlyYuan).toEqual([
      12_400_000,
      12_400_000,
      12_400_000,
      17_400_000,
      17_400_000,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(data.trend.annualPlanYuan).toBe(204_000_000);
    // the same numbers as stats.ranking
    expect(data.byUnit).toEqual(await app.ok('stats.ranking', { year: 2026, month: 5, by: 'unit' }));
    expect(data.byArea).toEqual(await app.ok('stats.ranking', { year: 2026, month: 5, by: 'park' }));
  });

  it('本月的红灯项目与排名的红灯数一致，各附红灯原因', async () => {
    await office();
    const data = await app.ok('bulletin.printData', { year: 2026, month: 6 });
    expect(data.byUnit.lightsFrom).toEqual({ kind: 'today', date: TODAY });
    expect(data.redProjects.length).toBe(data.byUnit.total.red);
    expect(data.redProjects.length).toBeGreaterThan(0);
    // 二号 started 2026-04-10 and is still not 纳统: red, for the reason the 周调度表 prints
    expect(data.redProjects.map((p) => [p.name, p.leadUnitName, p.reasons])).toEqual([
      ['二号', 'B局', ['开工已超2个月未纳统']],
    ]);
    expect(data.text.summary).toContain(
      `亮红灯项目${data.byUnit.total.red}个、黄灯项目${data.byUnit.total.yellow}个。`,
    );
  });

  it('摘要和文号随月份保存：修改、重新打开仍在、版本冲突被拒绝、恢复自动生成，每次修改都有变更记录', async () => {
    await office();
    const april = await app.ok('bulletin.saveText', {
      year: 2026,
      month: 4,
      docNumber: '湘乡重点办〔2026〕4号',
      summary: null,
      version: 0,
    });
    expect(april).toMatchObject({ docNumber: '湘乡重点办〔2026〕4号', docNumberSaved: true, version: 1 });
    // May proposes the next number until its own is entered
    const may = await app.ok('bulletin.printData', { year: 2026, month: 5 });
    expect(may.text).toMatchObject({ docNumber: '湘乡重点办〔2026〕5号', docNumberSaved: false, version: 0 });

    const edited = await app.ok('bulletin.saveText', {
      year: 2026,
      month: 5,
      docNumber: '湘乡重点办〔2026〕5号',
      summary: '  1—5月，全市重点项目建设总体平稳。  ',
      version: 0,
    });
    expect(edited).toEqual({
      summary: '1—5月，全市重点项目建设总体平稳。',
      autoSummary: SUMMARY_MAY,
      summaryEdited: true,
      docNumber: '湘乡重点办〔2026〕5号',
      docNumberSaved: true,
      version: 1,
    });
    await app.reopen();
    expect((await app.ok('bulletin.printData', { year: 2026, month: 5 })).text).toEqual(edited);

    // someone saved since this clerk read version 0
    const conflict = await refusal('bulletin.saveText', {
      year: 2026,
      month: 5,
      docNumber: '湘乡重点办〔2026〕6号',
      summary: '另一位的文字',
      version: 0,
    });
    expect(conflict.code).toBe('conflict');
    expect(conflict.message).toContain('测试填报人');
    expect((await app.ok('bulletin.printData', { year: 2026, month: 5 })).text).toEqual(edited);

    const restored = await app.ok('bulletin.saveText', {
      year: 2026,
      month: 5,
      docNumber: '湘乡重点办〔2026〕5号',
      summary: null,
      version: 1,
    });
    expect(restored).toMatchObject({ summary: SUMMARY_MAY, summaryEdited: false, version: 2 });

    const history = await app.ok('audit.list', { kind: 'settings' });
    const lines = history.entries
      .filter((e) => e.field?.startsWith('bulletin:'))
      .map((e) => [e.field, e.oldValue, e.newValue])
      .reverse();
    expect(lines).toEqual([
      ['bulletin:2026-04:docNumber', null, '湘乡重点办〔2026〕4号'],
      ['bulletin:2026-05:docNumber', null, '湘乡重点办〔2026〕5号'],
      ['bulletin:2026-05:summary', null, '1—5月，全市重点项目建设总体平稳。'],
      ['bulletin:2026-05:summary', '1—5月，全市重点项目建设总体平稳。', null],
    ]);
    expect(history.entries.every((e) => e.operator === '测试填报人')).toBe(true);
  });

  it('不合格的输入给出中文原因，什么也不写', async () => {
    await office();
    const before = (await app.ok('audit.list', {})).total;
    const save = (over: object) => ({ year: 2026, month: 5, docNumber: '', summary: null, ...over });
    expect((await refusal('bulletin.saveText', save({ summary: '   ' }))).message).toBe('请填写通报摘要');
    expect((await refusal('bulletin.saveText', save({ docNumber: '号'.repeat(51) }))).message).toBe(
      '文号不能超过50个字',
    );
    expect((await refusal('bulletin.saveText', save({ month: 7 }))).message).toBe(
      '2026年7月尚未到来，还没有可统计的数字',
    );
    expect((await refusal('bulletin.printData', { year: 2026, month: 5, honourSize: 0 })).message).toBe(
      '红榜、黑榜的单位数应为1—20',
    );
    expect((await app.ok('audit.list', {})).total).toBe(before);
    expect((await app.ok('bulletin.printData', { year: 2026, month: 5 })).text.version).toBe(0);
  });

  it('xlsx：两个排名、红榜黑榜和红灯项目，与通报的数字相同', async () => {
    await office();
    const file: ExportedFile = await app.ok('bulletin.export', { year: 2026, month: 5, honourSize: 1 });
    expect(file.fileName).toBe('湘乡市重点项目建设月度通报（2026年5月）.xlsx');
    const wb = XLSX.read(Buffer.from(file.base64, 'base64'), { type: 'buffer' });
    expect(wb.SheetNames).toEqual(['按责任单位排名', '按园区排名', '红榜黑榜', '红灯项目']);
    const rows = (name: string) =>
      XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name], { header: 1, raw: true, defval: null });
    const units = rows('按责任单位排名');
    expect(units[0][0]).toBe('湘乡市重点项目建设月度通报：按责任单位（牵头）排名');
    expect(units[2].slice(0, 3)).toEqual(['名次', '责任单位（牵头）', '项目数']);
    expect(units.slice(3, 7).map((r) => r.slice(0, 7))).toEqual([
      ['1', 'C局', 1, 2400, 1200, 0.5, '+8.3'],
      ['2', 'A局', 1, 12000, 5000, 0.417, '0.0'],
      ['3', 'B局', 2, 6000, 1000, 0.167, '-25.0'],
      ['全市合计', null, 4, 20400, 7200, 0.353, '-6.4'],
    ]);
    const units2 = units.slice(3, 7).map((r) => r.slice(7, 10));
    expect(units2).toEqual([
      [null, 0, 1],
      [null, null, 1],
      [0.5, null, 0],
      [0.5, 0, 0.667],
    ]);
    const honour = rows('红榜黑榜');
    expect(honour.slice(3, 7).map((r) => [r[0], r[1]])).toEqual([
      ['红榜', null],
      ['1', 'C局'],
      ['黑榜', null],
      ['3', 'B局'],
    ]);
    expect(rows('红灯项目')[3][0]).toBe('本月没有红灯项目');
  });
});

describe('月度通报：示例办公室', () => {
  it('与 stats.ranking 的数字相同；红灯项目数等于红灯数；图表的1—N月累计等于完成投资', async () => {
    const app = await createTempApp({ demo: true });
    try {
      const data = await app.ok('bulletin.printData', { year: 2026, month: 11 });
      expect(data.byUnit).toEqual(await app.ok('stats.ranking', { year: 2026, month: 11, by: 'unit' }));
      expect(data.byArea).toEqual(await app.ok('stats.ranking', { year: 2026, month: 11, by: 'park' }));
      expect(data.byUnit.rows.length).toBeGreaterThan(3);
      expect(data.honour.top).toEqual(data.byUnit.rows.slice(0, 5));
      expect(data.redProjects.length).toBe(data.byUnit.total.red);
      const cumulative = data.trend.monthlyYuan.reduce<number>((sum, yuan) => sum + (yuan ?? 0), 0);
      expect(cumulative).toBe(data.byUnit.total.completedYuan);
      expect(data.text.summary.startsWith('1—11月，全市重点项目完成投资')).toBe(true);
    } finally {
      await app.close();
    }
  });
});

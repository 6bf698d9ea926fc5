import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StatsRanking, StatsRow } from '../../db/model/stat-ranking';
import { sql } from '../../db/sql';
import type { MethodInput } from '../../electron/api-spec';
import { createTempApp, type TempApp } from './temp-app';
import type { TestEngine } from './test-engine';

// stats.ranking on crafted data against figures worked out by hand (DOMAIN.md “Targets and statistics”), run on
// SQLite by tests/services/stats-ranking.test.ts and on PostgreSQL by tests/postgres/stats-ranking.test.ts.
// Today is Monday 2026-06-15; the plan year is 2026; 序时进度 counts months (N ÷ 12) unless a test says not.
//
// Five projects (money in yuan; monthly figures of 2026):
//   一号 牵头A局, 甲园, 张链长: 续建, started 2025-03-01, 总投资 10,000,000, plan 12,000,000, 1—6月 1,000,000 each,
//        计划竣工 2026-04-30 and not completed, 纳统.
//   二号 牵头A局, no park, 张链长: 新开工 (计划开工 2026-03-01), started 2026-04-10, 总投资 3,000,000,
//        plan 6,000,000, 4月 and 5月 500,000 each, not 纳统 (below 500万).
//   三号 牵头B局, 甲园, 李链长: 新开工 (计划开工 2026-05-01), not started, 总投资 8,000,000, no plan.
//   四号 牵头B局, 甲园, 李链长: 竣工, started 2024-05-01, 计划竣工 2026-02-28, 实际竣工 2026-02-20,
//        总投资 20,000,000, plan 4,000,000, 1月 and 2月 2,000,000 each, 纳统.
//   五号 no 牵头单位, no park, on 测试链 (no 链长): 竣工, started 2026-01-10, 计划竣工 2026-05-31, 实际竣工
//        2026-06-10 (late), 总投资 6,000,000, plan 2,000,000, 3月 1,000,000, not 纳统 (yet must be).

export const STATS_TODAY = '2026-06-15';

interface Office {
  units: { a: number; b: number };
  park: number;
  chainName: string;
  ids: Record<'one' | 'two' | 'three' | 'four' | 'five', number>;
}

export function statsRankingSuite(engine: TestEngine): void {
  let app: TempApp;
  beforeEach(async () => {
    app = await createTempApp({ engine, today: STATS_TODAY });
  });
  afterEach(() => app.close());

  const ranking = (input: MethodInput<'stats.ranking'>) => app.ok('stats.ranking', input);
  const refusal = async (input: unknown) => {
    const result = await app.call('stats.ranking', input);
    if (result.ok) throw new Error('stats.ranking was expected to be refused');
    return result.error.message;
  };

  async function office(): Promise<Office> {
    await app.ok('reference.saveUnit', { name: 'A局' });
    await app.ok('reference.saveUnit', { name: 'B局' });
    await app.ok('reference.savePark', { name: '甲园' });
    await app.ok('reference.saveChain', { code: 'TS', name: '测试链', chainLead: '' });
    const reference = await app.ok('reference.list', {});
    const unit = (name: string) => reference.units.find((u) => u.name === name)!.id;
    const park = reference.parks.find((p) => p.name === '甲园')!.id;
    const chain = reference.chains[0];
    const testChain = reference.chains.find((c) => c.name === '测试链')!.id;
    const base = { owner: '某公司', chainId: chain.id, inStatistics: false } as const;
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
      return project.id;
    };
    const million = 1_000_000;
    const ids = {
      one: await create(
        {
          ...base,
          name: '一号',
          stage: 'continuing',
          leadUnitId: unit('A局'),
          parkId: park,
          chainLeadOverride: '张链长',
          actualStartDate: '2025-03-01',
          plannedCompletionDate: '2026-04-30',
          totalInvestmentYuan: 10 * million,
          annualPlanYuan: 12 * million,
          inStatistics: true,
        },
        { 1: million, 2: million, 3: million, 4: million, 5: million, 6: million },
      ),
      two: await create(
        {
          ...base,
          name: '二号',
          stage: 'new_start',
          leadUnitId: unit('A局'),
          chainLeadOverride: '张链长',
          plannedStartDate: '2026-03-01',
          actualStartDate: '2026-04-10',
          totalInvestmentYuan: 3 * million,
          annualPlanYuan: 6 * million,
        },
        { 4: 500_000, 5: 500_000 },
      ),
      three: await create(
        {
          ...base,
          name: '三号',
          stage: 'new_start',
          leadUnitId: unit('B局'),
          parkId: park,
          chainLeadOverride: '李链长',
          plannedStartDate: '2026-05-01',
          totalInvestmentYuan: 8 * million,
        },
        {},
      ),
      four: await create(
        {
          ...base,
          name: '四号',
          stage: 'completed',
          leadUnitId: unit('B局'),
          parkId: park,
          chainLeadOverride: '李链长',
          actualStartDate: '2024-05-01',
          plannedCompletionDate: '2026-02-28',
          actualCompletionDate: '2026-02-20',
          totalInvestmentYuan: 20 * million,
          annualPlanYuan: 4 * million,
          inStatistics: true,
        },
        { 1: 2 * million, 2: 2 * million },
      ),
      five: await create(
        {
          ...base,
          name: '五号',
          stage: 'completed',
          chainId: testChain,
          actualStartDate: '2026-01-10',
          plannedCompletionDate: '2026-05-31',
          actualCompletionDate: '2026-06-10',
          totalInvestmentYuan: 6 * million,
          annualPlanYuan: 2 * million,
        },
        { 3: million },
      ),
    };
    return { units: { a: unit('A局'), b: unit('B局') }, park, chainName: chain.name, ids };
  }

  /** A week's 调度表 row with the light it kept, as that week's snapshot would have. */
  async function snapshot(projectId: number, week: string, light: 0 | 1 | 2) {
    await app.ok('dispatch.saveEntry', { projectId, week, progress: '施工中' });
    const code = Number(week.slice(0, 4)) * 100 + Number(week.slice(6));
    await app.ctx.store.run(
      sql`UPDATE dispatch_rows SET light = ${light} WHERE project_id = ${projectId} AND week = ${code}`,
    );
  }

  /** A row as a clerk reads it: group, place, money, the rates' numerator/denominator, the gap, the lights. */
  function read(row: StatsRow) {
    const f = row.figures;
    return {
      name: row.group.name,
      rank: row.rank,
      count: f.projectCount,
      money: [f.totalInvestmentYuan, f.annualPlanYuan, f.completedYuan],
      investment: `${f.investmentRate.numerator}/${f.investmentRate.denominator}`,
      gap: f.gapPoints,
      start: `${f.startRate.numerator}/${f.startRate.denominator}`,
      onTime: `${f.onTimeCompletionRate.numerator}/${f.onTimeCompletionRate.denominator}`,
      statistics: `${f.statisticsRate.numerator}/${f.statisticsRate.denominator}`,
      lights: [f.red, f.yellow],
    };
  }
  const rowsOf = (r: StatsRanking) => r.rows.map(read);

  describe('stats.ranking', () => {
    it('按牵头单位统计5月：1—5月完成、完成率与序时进度之差、开工率、按期竣工率、纳统率和名次，未填写列最后', async () => {
      const o = await office();
      await snapshot(o.ids.one, '2026-W21', 2);
      await snapshot(o.ids.two, '2026-W21', 1);
      await snapshot(o.ids.one, '2026-W22', 0);
      await snapshot(o.ids.three, '2026-W22', 2);
      await snapshot(o.ids.two, '2026-W23', 2); // June's week: not May's

      const may = await ranking({ year: 2026, month: 5, by: 'unit' });
      expect(may.timeProgress).toBe(5 / 12);
      expect(may.lightsFrom).toEqual({ kind: 'week', week: '2026-W22' });
      expect(rowsOf(may)).toEqual([
        {
          name: 'B局',
          rank: 1,
          count: 2,
          money: [28_000_000, 4_000_000, 4_000_000],
          investment: '4000000/4000000',
          gap: 58.333333,
          start: '0/1',
          onTime: '1/1',
          statistics: '1/1',
          lights: [1, 0],
        },
        {
          name: 'A局',
          rank: 2,
          count: 2,
          money: [13_000_000, 18_000_000, 6_000_000],
          investment: '6000000/18000000',
          gap: -8.333333,
          start: '1/1',
          onTime: '0/1',
          statistics: '1/1',
          lights: [0, 0],
        },
        {
          name: '未填写',
          rank: null,
          count: 1,
          money: [6_000_000, 2_000_000, 1_000_000],
          investment: '1000000/2000000',
          gap: 8.333333,
          start: '0/0',
          onTime: '0/1',
          statistics: '0/1',
          lights: [0, 0],
        },
      ]);
      expect(may.rows[0].figures.investmentRate.value).toBe(1);
      expect(may.rows[2].figures.startRate.value).toBeNull();
      const total = may.total;
      expect([total.projectCount, total.totalInvestmentYuan, total.annualPlanYuan, total.completedYuan]).toEqual([
        5, 47_000_000, 24_000_000, 11_000_000,
      ]);
      expect([total.startRate, total.onTimeCompletionRate, total.statisticsRate]).toEqual([
        { numerator: 1, denominator: 2, value: 0.5 },
        { numerator: 1, denominator: 3, value: 1 / 3 },
        { numerator: 2, denominator: 3, value: 2 / 3 },
      ]);
      expect([total.red, total.yellow]).toEqual([1, 0]);
    });

    it('按园区、产业链、链长分组；没有链长的项目归入未填写', async () => {
      const o = await office();
      const byPark = await ranking({ year: 2026, month: 5, by: 'park' });
      expect(rowsOf(byPark).map((r) => [r.name, r.rank, r.count, r.money, r.gap])).toEqual([
        ['甲园', 1, 3, [38_000_000, 16_000_000, 9_000_000], 14.583333],
        ['未填写', null, 2, [9_000_000, 8_000_000, 2_000_000], -16.666667],
      ]);
      const byChain = await ranking({ year: 2026, month: 5, by: 'chain' });
      expect(rowsOf(byChain).map((r) => [r.name, r.rank, r.count, r.gap])).toEqual([
        ['测试链', 1, 1, 8.333333],
        [o.chainName, 2, 4, 3.787879],
      ]);
      const byLead = await ranking({ year: 2026, month: 5, by: 'chainLead' });
      expect(rowsOf(byLead).map((r) => [r.name, r.rank, r.count, r.start, r.onTime, r.statistics])).toEqual([
        ['李链长', 1, 2, '0/1', '1/1', '1/1'],
        ['张链长', 2, 2, '1/1', '0/1', '1/1'],
        ['未填写', null, 1, '0/0', '0/1', '0/1'],
      ]);
    });

    it('本月的红黄灯是今天的灯，与项目库里每个项目的灯一致；1—6月完成含6月', async () => {
      const o = await office();
      const june = await ranking({ year: 2026, month: 6, by: 'unit' });
      expect(june.lightsFrom).toEqual({ kind: 'today', date: STATS_TODAY });
      expect(june.timeProgress).toBe(0.5);
      const library = await app.ok('projects.list', {});
      const lightsOfUnit = (unitName: string) => {
        const ofUnit = library.filter((p) => (p.leadUnitName ?? '未填写') === unitName);
        return [ofUnit.filter((p) => p.light === 'red').length, ofUnit.filter((p) => p.light === 'yellow').length];
      };
      for (const row of june.rows) expect([row.figures.red, row.figures.yellow]).toEqual(lightsOfUnit(row.group.name));
      const a = june.rows.find((r) => r.group.key === String(o.units.a))!;
      expect(a.figures.completedYuan).toBe(7_000_000);
      expect(a.figures.gapPoints).toBe(-11.111111);
    });

    it('没有周调度记录的往月，红黄灯为无记录（null），不凭空推算', async () => {
      await office();
      const march = await ranking({ year: 2026, month: 3, by: 'unit' });
      expect(march.lightsFrom).toEqual({ kind: 'none' });
      expect(march.rows.map((r) => [r.figures.red, r.figures.yellow])).toEqual([
        [null, null],
        [null, null],
        [null, null],
      ]);
      // by 3月底: 一号 was due 4月 (not yet), 四号 was due and completed on time, 五号 not yet due
      expect(march.total.onTimeCompletionRate).toEqual({ numerator: 1, denominator: 1, value: 1 });
      // 二号 started in April: nothing on the 新开工 list had started by 3月底
      expect(march.total.startRate).toEqual({ numerator: 0, denominator: 2, value: 0 });
    });

    it('纳统门槛在设置中可改；按已过天数算序时进度时，5月为1月1日至5月31日的天数 ÷ 365', async () => {
      const o = await office();
      await app.ok('settings.update', { statisticsThresholdYuan: 2_000_000, timeProgressMode: 'elapsed_days' });
      expect((await app.ok('settings.get', {})).statisticsThresholdYuan).toBe(2_000_000);
      const may = await ranking({ year: 2026, month: 5, by: 'unit' });
      expect(may.timeProgress).toBe(151 / 365);
      const a = may.rows.find((r) => r.group.key === String(o.units.a))!;
      expect(a.figures.statisticsRate).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
      expect(a.figures.gapPoints).toBe(Math.round((1 / 3 - 151 / 365) * 100 * 1e6) / 1e6);
    });

    it('输入不对时给出中文提示：月份、年度、尚未到来的月份', async () => {
      expect(await refusal({ year: 2026, month: 13, by: 'unit' })).toBe('月份应为1—12');
      expect(await refusal({ year: 1999, month: 5, by: 'unit' })).toBe('计划年度应在2000—2100年之间');
      expect(await refusal({ year: 2026, month: 5, by: 'owner' })).toBe('统计分组不正确');
      expect(await refusal({ year: 2025, month: 5, by: 'unit' })).toBe(
        '只能统计计划年度（2026年）：本年计划只保存当年的',
      );
      expect(await refusal({ year: 2026, month: 7, by: 'unit' })).toBe('2026年7月尚未到来，还没有可统计的数字');
    });
  });
}

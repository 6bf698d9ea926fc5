import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../electron/api-spec';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// The 工作台's series over time: each dispatch week's lights as its snapshots kept them, and the office's money
// month by month. Today is 2026-11-28, in 2026-W48.

let app: TempApp;
afterEach(() => app.close());

async function chainId() {
  return (await app.ok('reference.list', {})).chains[0].id;
}

async function project(name: string, fields: Record<string, unknown>) {
  return app.ok('projects.create', { name, chainId: await chainId(), owner: '某公司', ...fields } as never);
}

const saveWeek = (projectId: number, week: string) =>
  app.ok('dispatch.saveEntry', { projectId, week, progress: `${week}进展` });

function refusal(result: ApiResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('近12周红黄绿灯', () => {
  it('每周按当周调度时的灯色计数；无调度的周为0，12周以前的不计', async () => {
    app = await createTempApp({ today: '2026-11-28' });
    // 计划开工已过90天以上未开工：红灯；已过不足90天：黄灯；前期无节点：绿灯
    const red = await project('红灯项目', { stage: 'new_start', plannedStartDate: '2026-07-01' });
    const yellow = await project('黄灯项目', { stage: 'new_start', plannedStartDate: '2026-11-01' });
    const green = await project('绿灯项目', { stage: 'preliminary' });
    const lights = Object.fromEntries((await app.ok('projects.list', {})).map((p) => [p.name, p.light]));
    expect(lights).toEqual({ 红灯项目: 'red', 黄灯项目: 'yellow', 绿灯项目: 'green' });

    await saveWeek(red.id, '2026-W36');
    for (const id of [red.id, yellow.id]) await saveWeek(id, '2026-W46');
    for (const id of [red.id, yellow.id, green.id]) await saveWeek(id, '2026-W47');
    await saveWeek(green.id, '2026-W48');

    const { weeks } = await app.ok('overview.lightTrend', {});
    expect(weeks.map((w) => w.week)).toEqual([
      '2026-W37',
      '2026-W38',
      '2026-W39',
      '2026-W40',
      '2026-W41',
      '2026-W42',
      '2026-W43',
      '2026-W44',
      '2026-W45',
      '2026-W46',
      '2026-W47',
      '2026-W48',
    ]);
    const counted = weeks.filter((w) => w.red + w.yellow + w.green > 0);
    expect(counted).toEqual([
      { week: '2026-W46', red: 1, yellow: 1, green: 0 },
      { week: '2026-W47', red: 1, yellow: 1, green: 1 },
      { week: '2026-W48', red: 0, yellow: 0, green: 1 },
    ]);
    expect((await app.ok('overview.lightTrend', { weeks: 13 })).weeks[0]).toEqual({
      week: '2026-W36',
      red: 1,
      yellow: 0,
      green: 0,
    });
    expect((await app.ok('overview.lightTrend', { weeks: 1 })).weeks).toEqual([
      { week: '2026-W48', red: 0, yellow: 0, green: 1 },
    ]);
  });

  it('跨年的12周从上一年的周数接上', async () => {
    app = await createTempApp({ today: '2027-01-06' });
    const { weeks } = await app.ok('overview.lightTrend', { weeks: 3 });
    expect(weeks.map((w) => w.week)).toEqual(['2026-W52', '2026-W53', '2027-W01']);
  });

  it('周数超出1—52时拒绝并说明', async () => {
    app = await createTempApp();
    expect(refusal(await app.call('overview.lightTrend', { weeks: 53 })).message).toBe('周数应为1—52');
    expect(refusal(await app.call('overview.lightTrend', { weeks: 0 })).message).toBe('周数应为1—52');
  });
});

describe('本年投资按月', () => {
  it('各月完成为全部项目该月之和，未填报的月份为空；本年计划为全部项目之和', async () => {
    app = await createTempApp({ today: '2026-06-15' });
    const started = { stage: 'continuing', actualStartDate: '2025-03-01', inStatistics: true };
    const a = await project('甲项目', { ...started, annualPlanYuan: 12_000_000 });
    const b = await project('乙项目', { ...started, annualPlanYuan: 6_000_000 });
    await project('丙项目', { stage: 'reserve' });
    const set = (projectId: number, year: number, month: number, amountYuan: number) =>
      app.ok('projects.setMonthlyInvestment', { projectId, year, month, amountYuan });
    await set(a.id, 2026, 1, 1_000_000);
    await set(a.id, 2026, 3, 2_000_000);
    await set(b.id, 2026, 3, 500_000);
    await set(b.id, 2025, 12, 700_000);

    const trend = await app.ok('overview.monthlyInvestment', {});
    expect(trend).toEqual({
      year: 2026,
      annualPlanYuan: 18_000_000,
      monthlyYuan: [1_000_000, null, 2_500_000, null, null, null, null, null, null, null, null, null],
    });
    const dashboard = await app.ok('overview.dashboard', {});
    expect(dashboard.annualPlanYuan).toBe(trend.annualPlanYuan);
    expect(dashboard.yearCompletedYuan).toBe(3_500_000);
    expect((await app.ok('overview.monthlyInvestment', { year: 2025 })).monthlyYuan[11]).toBe(700_000);
  });
});

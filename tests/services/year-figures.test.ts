import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../electron/api-spec';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// Figures a leader may question: 序时进度 follows closed months, so one early entry moves no other project's
// light; 开工率 counts the year's 新开工 list, so a start followed by a move to 续建 does not lower it.

let app: TempApp;
afterEach(() => app.close());

function refusal(result: ApiResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

async function chainId() {
  return (await app.ok('reference.list', {})).chains[0].id;
}

async function continuing(name: string, planYuan: number) {
  return app.ok('projects.create', {
    name,
    stage: 'continuing',
    chainId: await chainId(),
    owner: '某公司',
    actualStartDate: '2025-03-01',
    annualPlanYuan: planYuan,
    inStatistics: true,
  });
}

const lightsOf = async () =>
  Object.fromEntries(
    (await app.ok('projects.list', {})).map((p) => [p.name, [p.light, p.lights.map((l) => l.reason)]]),
  );

describe('月度关账与序时进度', () => {
  it('6月里填12月的数被拒绝；提前填的6月数在关账前不动序时进度，也不动任何其他项目的灯', async () => {
    app = await createTempApp({ today: '2026-06-15' });
    const a = await continuing('甲项目', 12_000_000);
    const b = await continuing('乙项目', 12_000_000);
    for (const month of [1, 2, 3, 4, 5]) {
      await app.ok('projects.setMonthlyInvestment', { projectId: a.id, year: 2026, month, amountYuan: 1_000_000 });
      await app.ok('projects.setMonthlyInvestment', { projectId: b.id, year: 2026, month, amountYuan: 200_000 });
    }
    for (const month of [1, 2, 3, 4, 5]) await app.ok('investment.closeMonth', { year: 2026, month });
    const before = await app.ok('overview.dashboard', {});
    expect(before.timeProgress).toBeCloseTo(5 / 12);
    const lightsBefore = await lightsOf();
    expect(lightsBefore['乙项目'][0]).toBe('red');

    const december = refusal(
      await app.call('projects.setMonthlyInvestment', {
        projectId: a.id,
        year: 2026,
        month: 12,
        amountYuan: 9_000_000,
      }),
    );
    expect(december.message).toBe('2026年12月尚未开始，不能填报该月完成投资（今天是2026-06-15）');
    expect((await app.ok('projects.get', { id: a.id })).monthly.map((m) => m.month)).toEqual([1, 2, 3, 4, 5]);

    // a unit types June early: its own figure is in, the office's 序时进度 waits for the close
    await app.ok('projects.setMonthlyInvestment', { projectId: a.id, year: 2026, month: 6, amountYuan: 1_000_000 });
    const after = await app.ok('overview.dashboard', {});
    expect(after.timeProgress).toBe(before.timeProgress);
    expect((await lightsOf())['乙项目']).toEqual(lightsBefore['乙项目']);
  });

  it('按顺序关账、尚未开始的月份不能关账；重新打开须写原因，并记入变更记录', async () => {
    app = await createTempApp({ today: '2026-06-15' });
    expect(refusal(await app.call('investment.closeMonth', { year: 2026, month: 2 })).message).toBe(
      '请按月份顺序关账：先关账2026年1月',
    );
    for (const month of [1, 2, 3, 4, 5, 6]) await app.ok('investment.closeMonth', { year: 2026, month });
    expect(refusal(await app.call('investment.closeMonth', { year: 2026, month: 7 })).message).toBe(
      '2026年7月尚未开始，不能关账',
    );
    expect((await app.ok('overview.dashboard', {})).timeProgress).toBeCloseTo(6 / 12);
    expect(refusal(await app.call('investment.reopenMonth', { year: 2026, month: 5, reason: '补报' })).message).toBe(
      '只能先重新打开最后关账的月份（2026年6月）',
    );
    const state = await app.ok('investment.reopenMonth', { year: 2026, month: 6, reason: '住建局补报' });
    expect(state).toMatchObject({ year: 2026, closedThrough: 5, currentMonth: 6 });
    expect((await app.ok('overview.dashboard', {})).timeProgress).toBeCloseTo(5 / 12);
    const history = await app.ok('audit.list', { kind: 'settings' });
    expect(history.entries[0]).toMatchObject({
      field: 'monthClosing',
      oldValue: '2026年已关账至6月',
      newValue: '2026年已关账至5月（重新打开6月：住建局补报）',
      operator: '测试填报人',
    });
  });
});

describe('开工率与建成一批', () => {
  it('年中把已开工的新开工项目转为续建：开工率、已开工/列入数和链长排名都不变', async () => {
    app = await createTempApp({ today: '2026-07-20' });
    const id = await chainId();
    const started = await app.ok('projects.create', {
      name: '已开工项目',
      stage: 'new_start',
      chainId: id,
      owner: '某公司',
      plannedStartDate: '2026-03-01',
      actualStartDate: '2026-03-10',
      inStatistics: true,
    });
    await app.ok('projects.create', {
      name: '未开工项目',
      stage: 'new_start',
      chainId: id,
      owner: '某公司',
      plannedStartDate: '2026-09-01',
    });
    const before = await app.ok('overview.dashboard', {});
    expect(before.counts).toMatchObject({ newStartListed: 2, newStartStarted: 1, startRate: 0.5 });
    const rankingBefore = (await app.ok('overview.chainLeads', {})).chains.map((c) => [c.chainName, c.startRate]);

    await app.ok('projects.changeStage', { id: started.id, toStage: 'continuing', reason: '' });
    const after = await app.ok('overview.dashboard', {});
    expect(after.counts).toMatchObject({ newStartListed: 2, newStartStarted: 1, startRate: 0.5 });
    expect(after.counts.byStage).toMatchObject({ new_start: 1, continuing: 1 });
    expect((await app.ok('overview.chainLeads', {})).chains.map((c) => [c.chainName, c.startRate])).toEqual(
      rankingBefore,
    );
  });

  it('建成一批：本年实际竣工的项目都算，不论是否已转入竣工阶段', async () => {
    app = await createTempApp({ today: '2026-07-20' });
    const id = await chainId();
    const base = { chainId: id, owner: '某公司', actualStartDate: '2025-03-01', inStatistics: true };
    await app.ok('projects.create', {
      ...base,
      name: '竣工甲',
      stage: 'completed',
      actualCompletionDate: '2026-05-01',
    });
    await app.ok('projects.create', {
      ...base,
      name: '续建乙',
      stage: 'continuing',
      actualCompletionDate: '2026-06-30',
    });
    await app.ok('projects.create', {
      ...base,
      name: '去年竣工',
      stage: 'completed',
      actualCompletionDate: '2025-12-30',
    });
    expect((await app.ok('overview.dashboard', {})).completedThisYear).toBe(2);
  });
});

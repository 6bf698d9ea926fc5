import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../electron/api-spec';
import { rowCount, storedRows } from '../helpers/stored-rows';
import { createTempApp, type TempApp } from '../helpers/temp-app';

let app: TempApp;
let chainId: number;

beforeEach(async () => {
  app = await createTempApp({ today: '2026-11-28' });
  chainId = (await app.ok('reference.list', {})).chains[0].id;
});
afterEach(() => app.close());

function refusal(result: ApiResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

const project = (fields: Record<string, unknown> = {}) =>
  app.ok('projects.create', { name: '测试项目', stage: 'preliminary', chainId, owner: '某公司', ...fields });

const count = (table: string) => rowCount(app, table);

describe('节点', () => {
  it('保存节点后列表行的预警随之变化：逾期节点亮红灯，补上实际日期后恢复绿灯', async () => {
    const p = await project();
    const saved = await app.ok('milestones.save', {
      projectId: p.id,
      nodes: [{ name: '环评批复', plannedDate: '2026-11-16', actualDate: null }],
    });
    let [row] = await app.ok('projects.list', { search: p.code });
    expect(row.light).toBe('red');
    expect(row.lights.map((l) => l.reason)).toEqual(['环评批复 逾期12天']);
    await app.ok('milestones.save', {
      projectId: p.id,
      nodes: [{ id: saved[0].id, name: '环评批复', plannedDate: '2026-11-16', actualDate: '2026-11-20' }],
    });
    [row] = await app.ok('projects.list', { search: p.code });
    expect(row.light).toBe('green');
    const history = await app.ok('projects.history', { id: p.id });
    expect(history[0]).toMatchObject({
      fieldLabel: '节点',
      oldValue: '环评批复 计划2026-11-16',
      newValue: '环评批复 计划2026-11-16 实际2026-11-20',
    });
  });

  it('实际日期晚于今天的节点被拒绝，不写入', async () => {
    const p = await project();
    const error = refusal(
      await app.call('milestones.save', {
        projectId: p.id,
        nodes: [{ name: '立项', plannedDate: '2026-11-01', actualDate: '2026-11-29' }],
      }),
    );
    expect(error.message).toBe('第1个节点“立项”的实际日期不能晚于今天');
    expect(await count('milestones')).toBe(0);
  });

  it('倒排生成：预览不写入，追加写入；缺目标日期时提示先填写', async () => {
    const bare = await project();
    expect(refusal(await app.call('milestones.generate', { projectId: bare.id, mode: 'preview' })).message).toBe(
      '请先填写计划开工日期，再按模板排节点',
    );
    const p = await project({ name: '有计划开工日期的项目', plannedStartDate: '2027-06-30' });
    const preview = await app.ok('milestones.generate', { projectId: p.id, mode: 'preview' });
    expect(preview).toMatchObject({ stage: 'preliminary', anchorField: 'plannedStartDate', direction: 'backward' });
    expect(preview.schedule.nodes).toHaveLength(8);
    expect(await count('milestones')).toBe(0);
    const written = await app.ok('milestones.generate', { projectId: p.id, mode: 'append' });
    expect(written.milestones.map((m) => m.plannedDate).at(-1)).toBe('2027-06-30');
    const replaced = await app.ok('milestones.generate', { projectId: p.id, mode: 'replace' });
    expect(replaced.milestones).toHaveLength(8);
  });

  it('倒排生成的节点以项目的第一个责任单位为责任单位，没有责任单位时取牵头单位，已停用的单位不取', async () => {
    const unit = async (name: string) =>
      (await app.ok('reference.saveUnit', { name })).units.find((u) => u.name === name)!.id;
    const reform = await unit('市发展和改革局');
    const land = await unit('市自然资源局');
    const housing = await unit('市住房和城乡建设局');
    const generate = async (fields: Record<string, unknown>) => {
      const p = await project({ plannedStartDate: '2027-06-30', ...fields });
      return app.ok('milestones.generate', { projectId: p.id, mode: 'append' });
    };
    const unitsOf = (result: { milestones: { unitName: string | null }[] }) => [
      ...new Set(result.milestones.map((m) => m.unitName)),
    ];

    const withBoth = await generate({ leadUnitId: reform, responsibleUnitIds: [land, housing] });
    expect(withBoth.unit).toEqual({ id: land, name: '市自然资源局' });
    expect(withBoth.milestones).toHaveLength(8);
    expect(unitsOf(withBoth)).toEqual(['市自然资源局']);
    expect(unitsOf(await generate({ leadUnitId: reform }))).toEqual(['市发展和改革局']);
    expect(unitsOf(await generate({}))).toEqual([null]);

    await app.ok('reference.setRetired', { kind: 'unit', id: land, retired: true });
    const preview = await app.ok('milestones.generate', {
      projectId: withBoth.milestones[0].projectId,
      mode: 'preview',
    });
    expect(preview.unit).toEqual({ id: housing, name: '市住房和城乡建设局' });
  });

  it('模板工期为负数被拒绝，不写入；可恢复默认', async () => {
    const before = await app.ok('milestoneTemplates.list', {});
    const error = refusal(
      await app.call('milestoneTemplates.save', { stage: 'reserve', nodes: [{ name: '项目签约', durationDays: -5 }] }),
    );
    expect(error.message).toBe('工期不能为负数');
    expect(await app.ok('milestoneTemplates.list', {})).toEqual(before);
    await app.ok('milestoneTemplates.save', { stage: 'reserve', nodes: [{ name: '项目签约', durationDays: 10 }] });
    const reset = await app.ok('milestoneTemplates.reset', { stage: 'reserve' });
    expect(reset.reserve).toEqual(before.reserve);
  });
});

describe('工作台与链长视图', () => {
  it('四个一批和红黄灯数与项目列表一致，逾期节点列出', async () => {
    await project({ stage: 'new_start', plannedStartDate: '2026-03-01' });
    await project({
      stage: 'new_start',
      plannedStartDate: '2026-03-01',
      actualStartDate: '2026-03-05',
      inStatistics: true,
    });
    const p = await project({ stage: 'reserve' });
    await app.ok('milestones.save', {
      projectId: p.id,
      nodes: [{ name: '项目签约', plannedDate: '2026-11-01', actualDate: null }],
    });
    const dashboard = await app.ok('overview.dashboard', {});
    expect(dashboard.counts).toMatchObject({ newStartListed: 2, newStartStarted: 1, startRate: 0.5 });
    expect(dashboard.counts.byLight).toEqual({ red: 2, yellow: 0, green: 1 });
    expect(dashboard.overdue.map((n) => n.name)).toEqual(['项目签约']);
    const leads = await app.ok('overview.chainLeads', {});
    expect(leads.leads[0]).toMatchObject({ chainLead: '未设链长', projectCount: 3 });
    expect(leads.chains[0]).toMatchObject({ chainId, projectCount: 3 });
  });
});

describe('年度结转', () => {
  it('按所选变动结转，金额守恒，先备份，可撤销回结转前', async () => {
    const started = await project({
      stage: 'new_start',
      plannedStartDate: '2026-03-01',
      actualStartDate: '2026-03-05',
      totalInvestmentYuan: 100_000_000,
      annualPlanYuan: 20_000_000,
      inStatistics: true,
    });
    await app.ok('projects.setMonthlyInvestment', {
      projectId: started.id,
      year: 2026,
      month: 1,
      amountYuan: 3_000_000,
    });
    const unticked = await project({
      stage: 'new_start',
      plannedStartDate: '2026-04-01',
      actualStartDate: '2026-04-02',
    });
    const total = async () => {
      const [{ s: before }] = await storedRows<{ s: number }>(
        app,
        'SELECT SUM(invested_before_year_yuan) AS s FROM projects',
      );
      const [{ s: nextYear }] = await storedRows<{ s: number }>(
        app,
        'SELECT COALESCE(SUM(amount_yuan), 0) AS s FROM monthly_investments WHERE year = 2027',
      );
      return before + nextYear;
    };
    const preview = await app.ok('rollover.preview', {});
    expect(preview.moves.map((m) => m.projectId).sort()).toEqual([started.id, unticked.id].sort());
    const sinceStartBefore = (await app.ok('projects.get', { id: started.id })).sinceStartCompletedYuan;

    const result = await app.ok('rollover.apply', { fromYear: 2026, selectedProjectIds: [started.id] });
    expect(result).toMatchObject({ toYear: 2027, moved: 1 });
    expect(fs.existsSync(result.backupFile)).toBe(true);
    const after = await app.ok('projects.get', { id: started.id });
    expect(after).toMatchObject({
      stage: 'continuing',
      investedBeforeYearYuan: 3_000_000,
      annualPlanYuan: 0,
      yearCompletedYuan: 0,
    });
    expect(after.sinceStartCompletedYuan).toBe(sinceStartBefore);
    expect(await total()).toBe(3_000_000);
    expect((await app.ok('projects.get', { id: unticked.id })).stage).toBe('new_start');
    expect((await app.ok('settings.get', {})).planYear).toBe(2027);
    expect(after.stageChanges[0].reason).toBe('年度结转：2026年已开工，转为续建');

    const status = await app.ok('rollover.undo', { backupFile: result.backupFile });
    expect(status.planYear).toBe(2026);
    expect(await app.ok('projects.get', { id: started.id })).toMatchObject({
      stage: 'new_start',
      yearCompletedYuan: 3_000_000,
    });
    // the file the backup was restored into passes SQLite's own check; a database server checks its own pages
    if (app.ctx.engine === 'sqlite') expect(app.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('计划开工日期在本年仍未开工的新开工项目：不逐个处理不能结转；改定新日期的留在新开工，退回的转前期', async () => {
    const replan = await project({ name: '改期项目', stage: 'new_start', plannedStartDate: '2026-09-01' });
    const back = await project({ name: '退回项目', stage: 'new_start', plannedStartDate: '2026-10-01' });
    const preview = await app.ok('rollover.preview', {});
    expect(preview.unstarted.map((u) => u.projectId)).toEqual([replan.id, back.id]);
    expect(preview.moves).toEqual([]);

    const refused = refusal(
      await app.call('rollover.apply', {
        fromYear: 2026,
        selectedProjectIds: [],
        unstarted: [{ projectId: replan.id, action: 'replan', plannedStartDate: '2027-04-01' }],
      }),
    );
    expect(refused.message).toBe('“退回项目”在2026年未开工：请逐个选择退回前期，或改定2027年的计划开工日期');
    expect((await app.ok('settings.get', {})).planYear).toBe(2026);

    await app.ok('rollover.apply', {
      fromYear: 2026,
      selectedProjectIds: [],
      unstarted: [
        { projectId: replan.id, action: 'replan', plannedStartDate: '2027-04-01' },
        { projectId: back.id, action: 'preliminary' },
      ],
    });
    expect(await app.ok('projects.get', { id: replan.id })).toMatchObject({
      stage: 'new_start',
      plannedStartDate: '2027-04-01',
    });
    const moved = await app.ok('projects.get', { id: back.id });
    expect(moved.stage).toBe('preliminary');
    expect(moved.stageChanges[0].reason).toBe('年度结转：2026年未开工，退回前期');
  });

  it('撤销只接受本数据目录下程序自己的备份', async () => {
    expect(refusal(await app.call('rollover.undo', { backupFile: '/etc/passwd' })).message).toBe(
      '找不到该备份文件，它可能已被移走或删除',
    );
  });

  it('过期的预览被拒绝', async () => {
    expect(refusal(await app.call('rollover.apply', { fromYear: 2025, selectedProjectIds: [] })).message).toBe(
      '计划年度已是2026年，请重新预览后再结转',
    );
  });
});

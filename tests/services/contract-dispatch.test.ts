import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../electron/api-spec';
import { rowCount, setStored } from '../helpers/stored-rows';
import { createTempApp, type TempApp } from '../helpers/temp-app';

let app: TempApp;
let chainId: number;

async function openOn(today: string) {
  app = await createTempApp({ today });
  chainId = (await app.ok('reference.list', {})).chains[0].id;
}
beforeEach(() => openOn('2026-11-26'));
afterEach(() => app.close());

function refusal(result: ApiResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

const project = (fields: Record<string, unknown> = {}) =>
  app.ok('projects.create', {
    name: '测试项目',
    stage: 'continuing',
    actualStartDate: '2025-05-01',
    inStatistics: true,
    chainId,
    owner: '某公司',
    ...fields,
  });
const entries = () => rowCount(app, 'dispatch_entries');

describe('周调度填报', () => {
  it('默认打开本周；新一周沿用上周文字但标为未确认，读取不写入', async () => {
    const p = await project();
    await app.ok('dispatch.saveEntry', {
      projectId: p.id,
      week: '2026-W47',
      progress: '主体封顶',
      nextPlan: '设备进场',
    });
    const view = await app.ok('dispatch.week', {});
    expect(view).toMatchObject({ label: '2026年第48周（11月23日—11月29日）', isCurrentWeek: true });
    expect(view.rows[0]).toMatchObject({
      progress: '主体封顶',
      nextPlan: '设备进场',
      confirmed: false,
      entryId: null,
      copiedFromWeek: '2026-W47',
    });
    expect(view.counts).toEqual({ active: 1, confirmed: 0, unreported: 1 });
    expect(await entries()).toBe(1);
  });

  it('改一格即保存并确认，其他格保留沿用的文字；未报送数随之减少', async () => {
    const p = await project();
    const q = await project({ name: '另一个' });
    await app.ok('dispatch.saveEntry', { projectId: p.id, week: '2026-W47', progress: '主体封顶', problems: '缺电' });
    const row = await app.ok('dispatch.saveEntry', { projectId: p.id, week: '2026-W48', progress: '设备安装' });
    expect(row).toMatchObject({ progress: '设备安装', problems: '缺电', confirmed: true, updatedBy: '测试填报人' });
    const view = await app.ok('dispatch.week', { week: '2026-W48' });
    expect(view.counts).toEqual({ active: 2, confirmed: 1, unreported: 1 });
    expect(view.rows.find((r) => r.projectId === q.id)?.confirmed).toBe(false);
  });

  it('批量确认沿用上周内容', async () => {
    const p = await project();
    await app.ok('dispatch.saveEntry', { projectId: p.id, week: '2026-W47', progress: '主体封顶' });
    const view = await app.ok('dispatch.confirm', { week: '2026-W48', projectIds: [p.id] });
    expect(view.rows[0]).toMatchObject({ progress: '主体封顶', confirmed: true });
    const history = await app.ok('projects.history', { id: p.id });
    expect(history[0]).toMatchObject({ fieldLabel: '第48周调度·报送确认', newValue: '确认沿用上周内容' });
  });

  it('两个窗口保存同一格：后保存的生效，先前的文字留在变更记录里', async () => {
    const p = await project();
    await app.ok('dispatch.saveEntry', { projectId: p.id, week: '2026-W48', problems: '用地指标未落实' });
    await app.ok('dispatch.saveEntry', { projectId: p.id, week: '2026-W48', problems: '用地指标已落实一半' });
    expect((await app.ok('dispatch.week', {})).rows[0].problems).toBe('用地指标已落实一半');
    const history = await app.ok('projects.history', { id: p.id });
    expect(history[0]).toMatchObject({
      fieldLabel: '第48周调度·存在问题',
      oldValue: '用地指标未落实',
      newValue: '用地指标已落实一半',
    });
  });

  it.each([
    ['过长的文字', { progress: '字'.repeat(501) }, '本周进展不能超过500个字'],
    ['不存在的周', { week: '2027-W53' }, '调度周格式不正确，或该年没有这一周'],
    ['一年以后的周', { week: '2028-W01' }, '不能填报一年以后的调度周'],
    ['不存在的项目', { projectId: 9999 }, '找不到该项目，可能已被删除'],
  ])('%s被拒绝，不写入', async (_name, patch, message) => {
    const p = await project();
    const error = refusal(
      await app.call('dispatch.saveEntry', { projectId: p.id, week: '2026-W48', progress: '正常', ...patch }),
    );
    expect(error.message).toBe(message);
    expect(await entries()).toBe(0);
  });

  it('first：只取本周最前面的几行，与整周中的这几行相同；已竣工而本周无记录的项目不在其中', async () => {
    await project({ code: 'XM-2026-3', name: '三号' });
    await project({ code: 'XM-2026-1', name: '一号', stage: 'completed', actualCompletionDate: '2026-10-01' });
    const two = await project({ code: 'XM-2026-2', name: '二号' });
    await project({ code: 'XM-2026-4', name: '四号' });
    await app.ok('dispatch.saveEntry', { projectId: two.id, week: '2026-W47', progress: '上周进展' });
    const whole = await app.ok('dispatch.week', { week: '2026-W48' });
    const first = await app.ok('dispatch.week', { week: '2026-W48', first: 2 });
    expect(first.rows.map((r) => r.name)).toEqual(['二号', '三号']);
    expect(first.rows).toEqual(whole.rows.slice(0, 2));
    expect(first.rows[0].progress).toBe('上周进展');
    expect(refusal(await app.call('dispatch.week', { first: 0 })).message).toContain('先取的行数应为1—1000');
  });

  it('已竣工项目不再填报', async () => {
    const p = await project({ stage: 'completed', actualCompletionDate: '2026-10-01' });
    expect(
      refusal(await app.call('dispatch.saveEntry', { projectId: p.id, week: '2026-W48', progress: 'x' })).message,
    ).toBe('已竣工项目不再参加周调度');
  });
});

describe('报送灯', () => {
  it('办公室使用周调度后，过了周五仍未报送的项目亮黄灯，报送后消失', async () => {
    await app.close();
    await openOn('2026-11-28');
    const p = await project();
    const q = await project({ name: '乙项目' });
    await app.ok('dispatch.saveEntry', { projectId: q.id, week: '2026-W48', progress: '正常推进' });
    // entered this week: it owes no report yet
    expect((await app.ok('projects.get', { id: p.id })).light).toBe('green');
    // as if both had entered the library two weeks ago
    await setStored(app, "UPDATE stage_changes SET changed_on = '2026-11-12'");
    expect((await app.ok('projects.get', { id: p.id })).lightReasons).toEqual(['本周进展未报送（每周五截止）']);
    expect((await app.ok('projects.get', { id: q.id })).light).toBe('green');
  });

  it('保存本周进展后，该行随即不再显示未报送，与重新打开本周看到的一致', async () => {
    await app.close();
    await openOn('2026-11-28');
    const p = await project();
    await project({ name: '乙项目' });
    await app.ok('dispatch.saveEntry', { projectId: p.id, week: '2026-W47', progress: '上周进展' });
    await setStored(app, "UPDATE stage_changes SET changed_on = '2026-11-12'");
    const before = (await app.ok('dispatch.week', { week: '2026-W48' })).rows.find((r) => r.projectId === p.id)!;
    expect(before).toMatchObject({ light: 'yellow', lightReasons: ['本周进展未报送（每周五截止）'], confirmed: false });
    const saved = await app.ok('dispatch.saveEntry', { projectId: p.id, week: '2026-W48', progress: '本周进展' });
    expect(saved).toMatchObject({ light: 'green', lightReasons: [], confirmed: true, progress: '本周进展' });
    const reopened = (await app.ok('dispatch.week', { week: '2026-W48' })).rows.find((r) => r.projectId === p.id);
    expect(saved).toEqual(reopened);
  });
});

describe('较上周变化', () => {
  it('列出阶段、预警、进展和投资的变化；上周没有记录的也说明', async () => {
    const p = await project({ annualPlanYuan: 12_000_000, totalInvestmentYuan: 100_000_000 });
    const q = await project({ name: '新入库项目' });
    await app.ok('dispatch.saveEntry', { projectId: p.id, week: '2026-W47', progress: '主体施工' });
    await app.ok('projects.setMonthlyInvestment', { projectId: p.id, year: 2026, month: 10, amountYuan: 11_000_000 });
    await app.ok('dispatch.saveEntry', { projectId: p.id, week: '2026-W48', progress: '主体封顶' });
    await app.ok('dispatch.saveEntry', { projectId: q.id, week: '2026-W48', progress: '开工准备' });
    const { projects, previousWeek } = await app.ok('dispatch.changes', { week: '2026-W48' });
    expect(previousWeek.key).toBe('2026-W47');
    const changesOf = (id: number) => projects.find((x) => x.projectId === id)?.changes;
    expect(changesOf(p.id)).toEqual([
      { what: '本周进展', before: '主体施工', after: '主体封顶' },
      { what: '本年完成投资', before: '0.00万元', after: '1,100.00万元' },
    ]);
    expect(changesOf(q.id)).toEqual([{ what: '调度记录', before: '上周无调度记录', after: '本周已报送' }]);
  });
});

describe('调度表数据', () => {
  it('按链长分组，序号连续，小计与合计等于各行之和；可只打红黄灯', async () => {
    const chains = (await app.ok('reference.list', {})).chains;
    await project({ totalInvestmentYuan: 100_000_000, annualPlanYuan: 10_000_000 });
    await project({ chainId: chains[1].id, totalInvestmentYuan: 50_000_000 });
    await project({
      chainId: chains[1].id,
      stage: 'new_start',
      actualStartDate: null,
      plannedStartDate: '2026-02-01',
      totalInvestmentYuan: 1_234_500,
    });
    const print = await app.ok('dispatch.printData', { week: '2026-W48', groupBy: 'chain', scope: 'all' });
    expect(print.title).toBe('湘乡市重点项目建设周调度表（第48周）');
    expect(print.span).toBe('11月23日—11月29日');
    expect(print.groups.map((g) => g.title)).toEqual([
      `一、${chains[0].name}产业链（链长：未设）`,
      `二、${chains[1].name}产业链（链长：未设）`,
    ]);
    expect(print.groups.flatMap((g) => g.rows.map((r) => r.serial))).toEqual([1, 2, 3]);
    expect(print.groups[1].subtotal).toMatchObject({ count: 2, totalInvestmentYuan: 51_234_500 });
    expect(print.total).toMatchObject({ count: 3, totalInvestmentYuan: 151_234_500, annualPlanYuan: 10_000_000 });
    const redYellow = await app.ok('dispatch.printData', { week: '2026-W48', groupBy: 'stage', scope: 'redYellow' });
    expect(redYellow.groups.map((g) => g.title)).toEqual(['一、新开工项目（1个）']);
  });
});

describe('变更记录留下每一次保存的文字', () => {
  it('同一人连续输入同一格：每次自动保存的文字都留在变更记录里，原值→新值一环接一环', async () => {
    const p = await project();
    const progress = async () =>
      (await app.ok('projects.history', { id: p.id }))
        .filter((h) => h.field === 'dispatch:2026-W48:progress')
        .map((r) => [r.oldValue, r.newValue]);
    for (const text of ['主体', '主体结构', '主体结构封顶', '主体', '设备安装']) {
      await app.ok('dispatch.saveEntry', { projectId: p.id, week: '2026-W48', progress: text });
    }
    // newest first; a text cut back (主体结构封顶 → 主体) keeps the longer one it replaced
    expect(await progress()).toEqual([
      ['主体', '设备安装'],
      ['主体结构封顶', '主体'],
      ['主体结构', '主体结构封顶'],
      ['主体', '主体结构'],
      [null, '主体'],
    ]);
    // saving the same text again changes nothing and adds nothing
    await app.ok('dispatch.saveEntry', { projectId: p.id, week: '2026-W48', progress: '设备安装' });
    expect(await progress()).toHaveLength(5);
  });
});

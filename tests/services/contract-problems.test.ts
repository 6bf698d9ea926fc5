import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../electron/api-spec';
import { rowCount } from '../helpers/stored-rows';
import { createTempApp, type TempApp } from '../helpers/temp-app';

let app: TempApp;
let projectId: number;
let unitId: number;

async function open(today = '2026-11-26') {
  app = await createTempApp({ today });
  const chainId = (await app.ok('reference.list', {})).chains[0].id;
  unitId = (await app.ok('reference.saveUnit', { name: '市自然资源局' })).units[0].id;
  projectId = (
    await app.ok('projects.create', {
      name: '测试项目',
      stage: 'continuing',
      actualStartDate: '2025-05-01',
      inStatistics: true,
      chainId,
      owner: '某公司',
    })
  ).id;
}
beforeEach(() => open());
afterEach(() => app.close());

function refusal(result: ApiResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}
const count = () => rowCount(app, 'problems');
const raise = (fields: Record<string, unknown> = {}) =>
  app.ok('problems.create', { projectId, description: '用地报批进度慢', category: 'land', ...fields });

describe('问题登记与督办', () => {
  it('登记自动编号，从调度周登记时记下来源周', async () => {
    const first = await raise({ sourceWeek: '2026-W48', source: '第48周调度会' });
    const second = await raise();
    expect(first).toMatchObject({
      code: 'WT-2026-0001',
      status: 'pending',
      sourceWeek: '2026-W48',
      raisedOn: '2026-11-26',
    });
    expect(second.code).toBe('WT-2026-0002');
    expect(first.notes[0]).toMatchObject({ kind: 'transition', text: '登记：第48周调度会', operator: '测试填报人' });
  });

  it('从调度周登记的问题随该周的调度行列出', async () => {
    await app.ok('dispatch.saveEntry', { projectId, week: '2026-W48', coordination: '请市自然资源局加快用地报批' });
    const p = await raise({ sourceWeek: '2026-W48' });
    const [row] = (await app.ok('dispatch.week', { week: '2026-W48' })).rows;
    expect(row.raisedProblems).toEqual([{ id: p.id, code: 'WT-2026-0001' }]);
    expect((await app.ok('dispatch.week', { week: '2026-W47' })).rows[0].raisedProblems).toEqual([]);
  });

  it('跨年编号重新从0001开始', async () => {
    await raise({ raisedOn: '2025-12-30' });
    await raise({ raisedOn: '2025-12-31' });
    const next = await raise();
    expect(next.code).toBe('WT-2026-0001');
    expect((await app.ok('problems.list', {})).map((p) => p.code)).toEqual([
      'WT-2025-0001',
      'WT-2025-0002',
      'WT-2026-0001',
    ]);
  });

  it('完整办理：交办、催办、申请销号、销号，每步记入进展和项目变更记录', async () => {
    const p = await raise();
    await app.ok('problems.act', { id: p.id, action: 'assign', responsibleUnitIds: [unitId], deadline: '2026-12-10' });
    await app.ok('problems.addNote', { id: p.id, kind: 'chase', text: '电话催办' });
    await app.ok('problems.act', { id: p.id, action: 'requestClose', text: '用地已报批' });
    const closed = await app.ok('problems.act', { id: p.id, action: 'close' });
    expect(closed).toMatchObject({
      status: 'closed',
      resolution: '用地已报批',
      resolvedOn: '2026-11-26',
      assignedOn: '2026-11-26',
    });
    expect(closed.notes.map((n) => n.text)).toEqual([
      '登记：办公室登记',
      '交办',
      '电话催办',
      '申请销号：用地已报批',
      '审结销号',
    ]);
    const history = await app.ok('projects.history', { id: projectId });
    expect(history[0]).toMatchObject({ fieldLabel: '问题WT-2026-0001', oldValue: '申请销号', newValue: '已销号' });
  });

  it.each([
    ['办结时限早于登记日期', { deadline: '2026-11-25' }, '办结时限不能早于登记日期'],
    ['登记日期在今天之后', { raisedOn: '2026-11-27' }, '登记日期不能晚于今天'],
    ['不存在的项目', { projectId: 999 }, '找不到该项目，不能登记问题'],
    ['没有描述', { description: '' }, '请填写问题描述'],
  ])('%s：拒绝，不写入', async (_name, fields, message) => {
    expect(
      refusal(await app.call('problems.create', { projectId, description: '问题', category: 'land', ...fields }))
        .message,
    ).toBe(message);
    expect(await count()).toBe(0);
  });

  it('未交办的问题不能催办：拒绝并说明须先交办，不记入办理记录', async () => {
    const p = await raise();
    const error = refusal(await app.call('problems.addNote', { id: p.id, kind: 'chase', text: '电话催办' }));
    expect(error).toMatchObject({ code: 'workflow', message: '问题尚未交办，不能催办；请先交办给责任单位' });
    expect((await app.ok('problems.get', { id: p.id })).notes.map((n) => n.kind)).toEqual(['transition']);

    // 记录进展 needs no 交办; 催办 does, and works once the problem is handed out
    await app.ok('problems.addNote', { id: p.id, kind: 'progress', text: '已与自然资源局沟通' });
    await app.ok('problems.act', { id: p.id, action: 'assign', responsibleUnitIds: [unitId], deadline: '2026-12-10' });
    const chased = await app.ok('problems.addNote', { id: p.id, kind: 'chase', text: '电话催办' });
    expect(chased.notes.map((n) => n.kind)).toEqual(['transition', 'progress', 'transition', 'chase']);
  });

  it('交办的办结时限早于交办日期：拒绝“办结时限不能早于交办日期”，问题仍待交办', async () => {
    const p = await raise({ raisedOn: '2026-11-10' });
    const assign = (deadline: string) =>
      app.call('problems.act', {
        id: p.id,
        action: 'assign',
        responsibleUnitIds: [unitId],
        date: '2026-11-20',
        deadline,
      });
    const error = refusal(await assign('2026-11-15'));
    expect(error).toMatchObject({ code: 'invalid_input', message: '办结时限不能早于交办日期', field: 'deadline' });
    const unchanged = await app.ok('problems.get', { id: p.id });
    expect(unchanged).toMatchObject({ status: 'pending', assignedOn: null, deadline: null, responsibleUnitIds: [] });
    expect(unchanged.notes).toHaveLength(1);

    expect(
      refusal(
        await app.call('problems.act', {
          id: p.id,
          action: 'assign',
          responsibleUnitIds: [unitId],
          date: '2026-11-05',
          deadline: '2026-11-30',
        }),
      ).message,
    ).toBe('交办日期不能早于登记日期');
    // a deadline on the day of 交办 itself is allowed
    expect(
      (
        await app.ok('problems.act', {
          id: p.id,
          action: 'assign',
          responsibleUnitIds: [unitId],
          date: '2026-11-20',
          deadline: '2026-11-20',
        })
      ).status,
    ).toBe('in_progress');
  });

  it('流程不允许的动作被拒绝：已销号不能直接重新办理；交办须有单位和时限', async () => {
    const p = await raise();
    expect(refusal(await app.call('problems.act', { id: p.id, action: 'assign' })).message).toBe(
      '交办须指定牵头单位或责任单位',
    );
    expect(
      refusal(await app.call('problems.act', { id: p.id, action: 'assign', responsibleUnitIds: [unitId] })).message,
    ).toBe('交办须填写办结时限');
    await app.ok('problems.act', { id: p.id, action: 'assign', responsibleUnitIds: [unitId], deadline: '2026-12-01' });
    await app.ok('problems.act', { id: p.id, action: 'requestClose', text: '已办结' });
    await app.ok('problems.act', { id: p.id, action: 'close' });
    const error = refusal(await app.call('problems.act', { id: p.id, action: 'resume' }));
    expect(error).toMatchObject({ code: 'workflow', message: '问题处于“已销号”，不能重新办理；可以：退回' });
    expect(refusal(await app.call('problems.act', { id: p.id, action: 'return' })).message).toBe('退回须写明原因');
    await app.ok('problems.act', { id: p.id, action: 'return', text: '群众仍有意见' });
    expect((await app.ok('problems.act', { id: p.id, action: 'resume' })).status).toBe('in_progress');
  });
});

describe('问题与预警', () => {
  it('超期未办结的问题让项目亮红灯，销号后恢复绿灯', async () => {
    const p = await raise({ raisedOn: '2026-11-01' });
    await app.ok('problems.act', {
      id: p.id,
      action: 'assign',
      responsibleUnitIds: [unitId],
      deadline: '2026-11-20',
      date: '2026-11-02',
    });
    expect((await app.ok('projects.get', { id: projectId })).lightReasons).toEqual(['问题WT-2026-0001超期6天未办结']);
    const [listed] = await app.ok('problems.list', { overdueOnly: true });
    expect(listed).toMatchObject({ daysOverdue: 6, daysOpen: 25 });
    const supervision = await app.ok('supervision.overview', {});
    expect(supervision[0]).toMatchObject({ projectId, weeksRed: 1, problems: [{ code: 'WT-2026-0001' }] });
    await app.ok('problems.act', { id: p.id, action: 'requestClose', text: '已解决' });
    await app.ok('problems.act', { id: p.id, action: 'close' });
    expect((await app.ok('projects.get', { id: projectId })).light).toBe('green');
  });

  it('按单位和链长统计未销号与超期数', async () => {
    const p = await raise({ raisedOn: '2026-11-01' });
    await app.ok('problems.act', {
      id: p.id,
      action: 'assign',
      responsibleUnitIds: [unitId],
      deadline: '2026-11-20',
      date: '2026-11-02',
    });
    await raise();
    const summary = await app.ok('problems.summary', {});
    expect(summary.byUnit).toEqual([
      { key: String(unitId), label: '市自然资源局', open: 1, overdue: 1, closed: 0 },
      { key: '', label: '未指定单位', open: 1, overdue: 0, closed: 0 },
    ]);
    expect(summary.byChainLead).toEqual([{ key: '未设链长', label: '未设链长', open: 2, overdue: 1, closed: 0 }]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from '../../db/sql';
import { apiSpec, type MethodName } from '../../electron/api-spec';
import { POLICY, type Rule } from '../../electron/access/policy';
import { dispatch } from '../../electron/contract';
import { createChangeBus } from '../../electron/services/live/change-bus';
import type { ChangeEvent } from '../../db/model/change-event';
import { WRITE_EVENTS } from '../../electron/access/write-events';
import { NO_EVENT } from '../../electron/services/live/write-event';
import { signedIn } from '../helpers/signed-in';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// The change bus (issue #15, live refresh): every write the contract runs is announced once, with what it
// changed and who changed it; reads, previews and refused writes announce nothing.

/** Methods kept from 领导/链长 that still only read: the editors' previews, the next code, their own files. */
const READS_FOR_EDITORS: readonly MethodName[] = [
  'app.retryStart',
  'backups.list',
  'backups.create',
  'backups.copyTo',
  'backups.addFrom',
  'dataFolder.get',
  'projects.nextCode',
  'rollover.preview',
  'ledger.previewImport',
  'fillin.units',
  'fillin.export',
  'fillin.preview',
  'users.list',
  'users.create',
  'users.update',
  'users.resetPassword',
  'users.disable',
  'users.endSessions',
  'users.endSession',
  'users.sessions',
  'users.loginEvents',
];

describe('写操作分类表', () => {
  it('每个接口方法都已归类，分类与权限表一致：领导能调用的只读，领导不能调用的写操作都会通知', () => {
    const methods = Object.keys(apiSpec) as MethodName[];
    expect(Object.keys(WRITE_EVENTS).sort()).toEqual([...methods].sort());
    for (const method of methods) {
      const rule = POLICY[method] as Rule<unknown>;
      const leaderMay = Boolean(rule.public || rule.signedIn || rule.roles?.includes('leader'));
      const announced = WRITE_EVENTS[method] !== NO_EVENT;
      if (leaderMay) expect(announced, method).toBe(false);
      else expect(announced, method).toBe(!READS_FOR_EDITORS.includes(method));
    }
  });
});

describe('变更总线', () => {
  it('按顺序编号；重连时补发错过的，错过太多时回答 null', () => {
    const bus = createChangeBus(3);
    const heard: number[] = [];
    const stop = bus.subscribe((event) => heard.push(event.seq));
    const draft = { kind: 'project' as const, ids: [1], names: ['甲'], method: 'projects.update', by: '张三', at: '' };
    for (let i = 0; i < 5; i++) bus.publish(draft);
    stop();
    bus.publish(draft);
    expect(heard).toEqual([1, 2, 3, 4, 5]);
    expect(bus.since(4)?.map((event) => event.seq)).toEqual([5, 6]);
    expect(bus.since(3)?.map((event) => event.seq)).toEqual([4, 5, 6]);
    expect(bus.since(6)).toEqual([]);
    expect(bus.since(2)).toBeNull();
    // a client from before the server restarted
    expect(bus.since(40)).toBeNull();
  });
});

describe('写操作发布变更', () => {
  let app: TempApp;
  let heard: ChangeEvent[];
  beforeEach(async () => {
    app = await createTempApp({ demo: true, operator: '李四', engine: 'sqlite' });
    heard = [];
    app.ctx.changes.subscribe((event) => heard.push(event));
  });
  afterEach(async () => app.close());

  const firstProject = async () =>
    (await app.ctx.store.get<{ id: number; name: string }>(
      sql`SELECT id, name FROM projects WHERE stage <> 'completed' ORDER BY id LIMIT 1`,
    ))!;

  it('保存周调度：一条 dispatch 变更，带项目和单机填报人的姓名', async () => {
    const project = await firstProject();
    await app.ok('dispatch.saveEntry', { projectId: project.id, week: '2026-W48', progress: '主体封顶' });
    expect(heard).toEqual([
      {
        seq: 1,
        kind: 'dispatch',
        ids: [project.id],
        names: [project.name],
        method: 'dispatch.saveEntry',
        by: '李四',
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string,
      },
    ]);
  });

  it('登记问题：problem 变更带新问题的编号和所属项目名；批量确认：所有项目，不列名称', async () => {
    const project = await firstProject();
    const problem = await app.ok('problems.create', {
      projectId: project.id,
      description: '施工用电未接通',
      category: 'utilities',
      deadline: '2026-12-31',
    });
    const ids = (
      await app.ctx.store.all<{ id: number }>(
        sql`SELECT id FROM projects WHERE stage <> 'completed' ORDER BY id LIMIT 8`,
      )
    ).map((row) => row.id);
    await app.ok('dispatch.confirm', { week: '2026-W48', projectIds: ids });
    expect(heard.map(({ kind, ids: changed, names, method }) => ({ kind, ids: changed, names, method }))).toEqual([
      { kind: 'problem', ids: [problem.id], names: [project.name], method: 'problems.create' },
      { kind: 'dispatch', ids, names: [], method: 'dispatch.confirm' },
    ]);
  });

  it('办公室服务器上，变更人是登录用户的显示名（不带地址）', async () => {
    const project = await firstProject();
    const office = await signedIn(app.ctx.store, { login: 'zhangsan', displayName: '张三', role: 'office' });
    const saved = await dispatch(app.ctx, 'projects.update', { id: project.id, progressText: '桩基完成' }, office);
    expect(saved.ok).toBe(true);
    expect(heard.map((event) => [event.kind, event.ids, event.by])).toEqual([['project', [project.id], '张三']]);
  });

  it('读取、预览、被拒绝的写操作都不发布变更', async () => {
    const project = await firstProject();
    await app.ok('projects.list', {});
    await app.ok('dispatch.week', { week: '2026-W48' });
    await app.call('milestones.generate', { projectId: project.id, mode: 'preview' });
    const refused = await app.call('dispatch.saveEntry', { projectId: project.id, week: '不是周', progress: 'x' });
    expect(refused.ok).toBe(false);
    const missing = await app.call('projects.update', { id: 999_999, progressText: 'x' });
    expect(missing.ok).toBe(false);
    const leader = await signedIn(app.ctx.store, { login: 'lingdao', displayName: '王领导', role: 'leader' });
    const forbidden = await dispatch(app.ctx, 'projects.update', { id: project.id, progressText: 'x' }, leader);
    expect(forbidden.ok).toBe(false);
    expect(heard).toEqual([]);
  });

  it('单位、设置、导入等影响面广的写操作：只有类别，没有编号', async () => {
    await app.ok('reference.saveUnit', { name: '县交通运输局二分局' });
    await app.ok('settings.saveLibraryColumns', { columns: { progressText: false } });
    expect(heard.map((event) => [event.kind, event.ids])).toEqual([
      ['reference', []],
      ['settings', []],
    ]);
  });
});

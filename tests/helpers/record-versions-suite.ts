import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toIsoDate } from '../../db/model/dates';
import { weekOf } from '../../db/model/weeks';
import { setSetting } from '../../db/queries/settings';
import { sqlScript } from '../../db/sql';
import type { ApiErrorBody } from '../../electron/api-spec';
import { dispatch } from '../../electron/contract';
import { signedIn } from './signed-in';
import { rowCount } from './stored-rows';
import { createTempApp, type TempApp } from './temp-app';
import type { TestEngine } from './test-engine';

// No lost edits (issue #15): a write that carries the version it read is refused when the record changed since,
// naming who changed it and when; run on SQLite by tests/services/record-versions.test.ts and on PostgreSQL by
// tests/postgres/record-versions.test.ts. Two clerks are two names on the same library, as the change history
// tells them apart.

/** hh:mm of a time, in the office's (this machine's) local time, as the refusal shows a change made today */
const clock = (iso: string) => {
  const at = new Date(iso);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
};

export function recordVersionsSuite(engine: TestEngine): void {
  let app: TempApp;
  let chainId: number;
  // today is the machine's today, so a change made a moment ago reads as “于 10:42”
  const today = toIsoDate(new Date());
  const week = weekOf(today).key;

  beforeEach(async () => {
    app = await createTempApp({ engine, today, operator: '张三' });
    chainId = (await app.ok('reference.list', {})).chains[0].id;
  });
  afterEach(() => app.close());

  const as = (clerk: string) => setSetting(app.ctx.store, 'operatorName', clerk);
  const refusal = async (method: string, input: unknown): Promise<ApiErrorBody> => {
    const result = await app.call(method, input);
    if (result.ok) throw new Error(`${method} was expected to be refused`);
    return result.error;
  };
  const project = (name = '城南污水处理厂') =>
    app.ok('projects.create', {
      name,
      stage: 'continuing',
      actualStartDate: '2025-05-01',
      inStatistics: true,
      chainId,
      owner: '某公司',
    });
  const auditLines = () => rowCount(app, 'audit_entries');

  describe('项目信息', () => {
    it('读到的版本已过时：拒绝并说明谁在何时改过，一字不写、变更记录不增', async () => {
      const read = await project();
      expect(read.version).toBe(1);
      await as('李四');
      const saved = await app.ok('projects.update', { id: read.id, version: read.version, owner: '李四改的业主' });
      expect(saved.version).toBe(2);
      const history = await app.ok('projects.history', { id: read.id });
      const before = await auditLines();

      await as('张三');
      const error = await refusal('projects.update', { id: read.id, version: read.version, owner: '张三改的业主' });
      expect(error.code).toBe('conflict');
      expect(error.message).toBe(`已被 李四 于 ${clock(history[0].at)} 修改，请刷新后再改`);
      expect(error.conflict).toEqual({ by: '李四', at: history[0].at, version: 2 });
      const now = await app.ok('projects.get', { id: read.id });
      expect(now).toMatchObject({ owner: '李四改的业主', version: 2 });
      expect(await auditLines()).toBe(before);
    });

    it('版本一致：保存并加一；不带版本（导入、填报表、脚本）照旧写入', async () => {
      const read = await project();
      const saved = await app.ok('projects.update', { id: read.id, version: 1, location: '城南' });
      expect(saved).toMatchObject({ location: '城南', version: 2 });
      const unversioned = await app.ok('projects.update', { id: read.id, location: '城北' });
      expect(unversioned).toMatchObject({ location: '城北', version: 3 });
      // a save that changes nothing leaves the version as it was
      expect(await app.ok('projects.update', { id: read.id, version: 3, location: '城北' })).toMatchObject({
        version: 3,
      });
    });

    it('办公室服务器上：只说是谁改的，不说从哪台电脑；变更记录仍记着地址', async () => {
      const read = await project();
      const li = await signedIn(app.ctx.store, { login: 'lisi', displayName: '李四', role: 'office' }, '192.168.1.23');
      const zhang = await signedIn(app.ctx.store, { login: 'zhangsan', displayName: '张三', role: 'office' });
      const saved = await dispatch(app.ctx, 'projects.update', { id: read.id, version: 1, note: '李四改的' }, li);
      expect(saved.ok).toBe(true);
      const history = await app.ok('projects.history', { id: read.id });
      expect(history[0].operator).toBe('李四（192.168.1.23）');

      const refused = await dispatch(app.ctx, 'projects.update', { id: read.id, version: 1, note: '张三改的' }, zhang);
      if (refused.ok) throw new Error('projects.update was expected to be refused');
      expect(refused.error.message).toBe(`已被 李四 于 ${clock(history[0].at)} 修改，请刷新后再改`);
      expect(refused.error.conflict).toEqual({ by: '李四', at: history[0].at, version: 2 });
    });

    it('另一天的修改：说明几月几日几点', async () => {
      const read = await project();
      await as('李四');
      await app.ok('projects.update', { id: read.id, note: '改过' });
      // the line's time moved to another day, as a change made earlier in the week reads
      await app.ctx.store.run(
        sqlScript(
          `UPDATE audit_entries SET at = ${Date.UTC(2026, 0, 5, 2, 7)} WHERE id = (SELECT MAX(id) FROM audit_entries)`,
        ),
      );
      const error = await refusal('projects.update', { id: read.id, version: 1, note: '又改' });
      const at = new Date(Date.UTC(2026, 0, 5, 2, 7));
      expect(error.message).toBe(
        `已被 李四 于 ${at.getMonth() + 1}月${at.getDate()}日 ${clock(at.toISOString())} 修改，请刷新后再改`,
      );
    });
  });

  describe('问题督办', () => {
    it('问题修改读到的版本已过时：拒绝并说明谁在何时改过，描述不变', async () => {
      const p = await project();
      const read = await app.ok('problems.create', {
        projectId: p.id,
        description: '用地指标未落实',
        category: 'land',
      });
      expect(read.version).toBe(1);
      await as('李四');
      const edit = { id: read.id, category: read.category, source: '', responsiblePerson: '' };
      await app.ok('problems.update', { ...edit, version: 1, description: '用地指标待省厅批复' });
      await as('张三');
      const error = await refusal('problems.update', { ...edit, version: 1, description: '张三改的描述' });
      expect(error.code).toBe('conflict');
      expect(error.message).toMatch(/^已被 李四 于 \d\d:\d\d 修改，请刷新后再改$/);
      expect(await app.ok('problems.get', { id: read.id })).toMatchObject({
        description: '用地指标待省厅批复',
        version: 2,
      });
    });
  });

  describe('节点', () => {
    it('节点读到的版本已过时：整张节点表不保存，说明谁在何时改过', async () => {
      const p = await project();
      const node = {
        name: '施工许可',
        stage: null,
        plannedDate: '2026-06-01',
        actualDate: null,
        unitId: null,
        note: '',
      };
      const [read] = await app.ok('milestones.save', { projectId: p.id, nodes: [node] });
      expect(read.version).toBe(1);
      await as('李四');
      await app.ok('milestones.save', { projectId: p.id, nodes: [{ ...node, id: read.id, version: 1, note: '李四' }] });
      await as('张三');
      const stale = { ...node, id: read.id, version: 1, note: '张三' };
      const error = await refusal('milestones.save', {
        projectId: p.id,
        nodes: [stale, { ...node, name: '竣工验收' }],
      });
      expect(error.message).toMatch(/^已被 李四 于 \d\d:\d\d 修改，请刷新后再改$/);
      const nodes = await app.ok('milestones.list', { projectId: p.id });
      expect(nodes.map((n) => [n.name, n.note, n.version])).toEqual([['施工许可', '李四', 2]]);
    });

    it('别人刚加的节点不在读到的表里：整表保存被拒，别人的节点留着', async () => {
      const p = await project();
      const node = { stage: null, plannedDate: '2026-06-01', actualDate: null, unitId: null, note: '' };
      const [read] = await app.ok('milestones.save', { projectId: p.id, nodes: [{ ...node, name: '施工许可' }] });
      await as('李四');
      await app.ok('milestones.save', {
        projectId: p.id,
        nodes: [
          { ...node, id: read.id, version: read.version, name: '施工许可' },
          { ...node, name: '李四加的节点' },
        ],
        readIds: [read.id],
      });
      await as('张三');
      const error = await refusal('milestones.save', {
        projectId: p.id,
        nodes: [{ ...node, id: read.id, version: read.version, name: '施工许可', note: '张三' }],
        readIds: [read.id],
      });
      expect(error.message).toMatch(/^已被 李四 于 \d\d:\d\d 修改，请刷新后再改$/);
      const nodes = await app.ok('milestones.list', { projectId: p.id });
      expect(nodes.map((n) => n.name)).toEqual(['施工许可', '李四加的节点']);
      // from the list as it is now, dropping the added node is a deliberate delete and goes through
      await app.ok('milestones.save', {
        projectId: p.id,
        nodes: [{ ...node, id: read.id, version: read.version, name: '施工许可', note: '张三' }],
        readIds: nodes.map((n) => n.id),
      });
      expect((await app.ok('milestones.list', { projectId: p.id })).map((n) => n.name)).toEqual(['施工许可']);
    });
  });

  describe('单位、产业链、园区', () => {
    it('改名时读到的版本已过时：拒绝并说明谁在何时改过；不带版本照旧保存', async () => {
      const { units } = await app.ok('reference.saveUnit', { name: '市发展和改革局' });
      const unit = units.find((u) => u.name === '市发展和改革局')!;
      expect(unit.version).toBe(1);
      await as('李四');
      const after = await app.ok('reference.saveUnit', { id: unit.id, version: unit.version, name: '李四改的单位名' });
      expect(after.units.find((u) => u.id === unit.id)?.version).toBe(unit.version + 1);
      await as('张三');
      const error = await refusal('reference.saveUnit', { id: unit.id, version: unit.version, name: '张三改的单位名' });
      expect(error.message).toMatch(/^已被 李四 于 \d\d:\d\d 修改，请刷新后再改$/);
      const unversioned = await app.ok('reference.saveUnit', { id: unit.id, name: '张三改的单位名' });
      expect(unversioned.units.find((u) => u.id === unit.id)).toMatchObject({ name: '张三改的单位名' });
    });
  });

  describe('月度完成投资', () => {
    const year = Number(today.slice(0, 4));
    const firstMonth = { year, month: 1 };
    const january = async (projectId: number) =>
      (await app.ok('investment.grid', { year })).find((row) => row.projectId === projectId)?.months[0];

    it('读到的数已被别人改过：拒绝并说明谁在何时改过，数不变', async () => {
      const p = await project();
      await as('李四');
      await app.ok('projects.setMonthlyInvestment', {
        projectId: p.id,
        ...firstMonth,
        amountYuan: 50_000,
        readAmountYuan: null,
      });
      const before = await auditLines();

      await as('张三');
      const error = await refusal('projects.setMonthlyInvestment', {
        projectId: p.id,
        ...firstMonth,
        amountYuan: 70_000,
        readAmountYuan: null,
      });
      expect(error.code).toBe('conflict');
      expect(error.message).toMatch(/^已被 李四 于 \d\d:\d\d 修改，请刷新后再改$/);
      expect(error.conflict?.by).toBe('李四');
      expect(await january(p.id)).toBe(50_000);
      expect(await auditLines()).toBe(before);
    });

    it('清空后再填同一个月：读到旧数的保存仍被拒（比的是数，不是行的版本）', async () => {
      const p = await project();
      await app.ok('projects.setMonthlyInvestment', { projectId: p.id, ...firstMonth, amountYuan: 50_000 });
      await as('李四');
      await app.ok('projects.setMonthlyInvestment', {
        projectId: p.id,
        ...firstMonth,
        amountYuan: null,
        readAmountYuan: 50_000,
      });
      await app.ok('projects.setMonthlyInvestment', {
        projectId: p.id,
        ...firstMonth,
        amountYuan: 70_000,
        readAmountYuan: null,
      });

      await as('张三');
      const error = await refusal('projects.setMonthlyInvestment', {
        projectId: p.id,
        ...firstMonth,
        amountYuan: 60_000,
        readAmountYuan: 50_000,
      });
      expect(error.conflict?.by).toBe('李四');
      expect(await january(p.id)).toBe(70_000);
      // from what is there now, the same save goes through
      await app.ok('projects.setMonthlyInvestment', {
        projectId: p.id,
        ...firstMonth,
        amountYuan: 60_000,
        readAmountYuan: 70_000,
      });
      expect(await january(p.id)).toBe(60_000);
    });
  });

  describe('本周调度', () => {
    it('两人从同一次读取保存不同项目的本周填报：都成功', async () => {
      const first = await project('项目甲');
      const second = await project('项目乙');
      const rows = (await app.ok('dispatch.week', {})).rows;
      const [rowA, rowB] = [first.id, second.id].map((id) => rows.find((r) => r.projectId === id)!);
      expect([rowA.entryVersion, rowB.entryVersion]).toEqual([0, 0]);
      await as('张三');
      const savedA = await app.ok('dispatch.saveEntry', {
        projectId: first.id,
        week,
        version: rowA.entryVersion,
        progress: '甲：主体封顶',
      });
      await as('李四');
      const savedB = await app.ok('dispatch.saveEntry', {
        projectId: second.id,
        week,
        version: rowB.entryVersion,
        progress: '乙：设备进场',
      });
      expect([savedA.entryVersion, savedB.entryVersion]).toEqual([1, 1]);
      const after = (await app.ok('dispatch.week', {})).rows;
      expect(after.map((r) => [r.name, r.progress, r.updatedBy])).toEqual([
        ['项目甲', '甲：主体封顶', '张三'],
        ['项目乙', '乙：设备进场', '李四'],
      ]);
    });

    it('同一项目同一周从同一次读取保存两次：第二次被拒，第一次的文字留着', async () => {
      const p = await project();
      const row = (await app.ok('dispatch.week', {})).rows[0];
      await as('李四');
      await app.ok('dispatch.saveEntry', { projectId: p.id, week, version: row.entryVersion, progress: '李四写的' });
      const before = await auditLines();
      await as('张三');
      const error = await refusal('dispatch.saveEntry', {
        projectId: p.id,
        week,
        version: row.entryVersion,
        progress: '张三写的',
      });
      expect(error.code).toBe('conflict');
      expect(error.message).toMatch(/^已被 李四 于 \d\d:\d\d 修改，请刷新后再改$/);
      expect(error.conflict).toMatchObject({ by: '李四', version: 1 });
      expect((await app.ok('dispatch.week', {})).rows[0]).toMatchObject({ progress: '李四写的', entryVersion: 1 });
      expect(await auditLines()).toBe(before);
      // saving on from the version the first save answered goes through
      const again = await app.ok('dispatch.saveEntry', { projectId: p.id, week, version: 1, progress: '张三写的' });
      expect(again).toMatchObject({ progress: '张三写的', entryVersion: 2, updatedBy: '张三' });
    });

    it('不带版本的保存照旧写入', async () => {
      const p = await project();
      await app.ok('dispatch.saveEntry', { projectId: p.id, week, progress: '第一次' });
      const row = await app.ok('dispatch.saveEntry', { projectId: p.id, week, progress: '第二次' });
      expect(row).toMatchObject({ progress: '第二次', entryVersion: 2 });
    });
  });
}

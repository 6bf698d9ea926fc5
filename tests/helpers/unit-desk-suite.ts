import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../db/model/roles';
import type { AppContext } from '../../electron/services/app-context';
import type { Caller } from '../../electron/services/auth/caller';
import { changeOwnPassword } from '../../electron/services/auth/change-password';
import { login } from '../../electron/services/auth/login';
import { authenticate } from '../../electron/services/auth/sessions';
import { createAccount } from '../../electron/services/auth/users-admin';
import { callerCalls } from './caller-calls';

// 责任单位填报 (issue #15, part 5) on a library opened by `open`: run on SQLite by tests/services/unit-desk.test.ts
// and on PostgreSQL by tests/postgres/unit-desk.test.ts. Today is Wednesday 2026-12-09, in week 50.

export interface OpenedLibrary {
  ctx: AppContext;
  close(): Promise<void>;
}

export const UNIT_DESK_TODAY = '2026-12-09';
const ADDRESS = '192.168.1.41';
const PASSWORD = '初始密码-2026';
const META = { operator: '测试管理员', now: '2026-12-01T02:00:00.000Z' };
/** each login costs 90–190 ms of scrypt by design, on a shared 2-core machine */
const SLOW = 60_000;

export function unitDeskSuite(open: () => Promise<OpenedLibrary>): void {
  let library: OpenedLibrary;
  let ctx: AppContext;
  beforeEach(async () => {
    library = await open();
    ctx = library.ctx;
  });
  afterEach(async () => library.close());

  const { ok, refusal } = callerCalls(() => ctx);

  /** A user who has logged in and changed the initial password, as the server's transport hands them on. */
  async function signedIn(role: Role, displayName: string, unitId: number | null = null): Promise<Caller> {
    const loginName = `${role}${unitId ?? ''}`;
    await createAccount(ctx.store, { login: loginName, displayName, role, unitId, password: PASSWORD }, META);
    const { token } = await login(ctx.store, { login: loginName, password: PASSWORD, address: ADDRESS });
    const caller = await authenticate(ctx.store, token, ADDRESS);
    await changeOwnPassword(ctx.store, caller, { oldPassword: PASSWORD, newPassword: `${loginName}的新密码123` }, META);
    return authenticate(ctx.store, token, ADDRESS);
  }

  /**
   * Two units and their projects, entered by the office (single PC, no caller): 市发改局 leads 体育中心 and the
   * reserve 物流园, and is a 责任单位 of 城东街道's 污水厂; 城东街道 alone has 老街改造.
   */
  async function office() {
    await ok('reference.saveUnit', { name: '市发改局' });
    await ok('reference.saveUnit', { name: '城东街道' });
    const reference = await ok('reference.list', {});
    const [ours, theirs] = ['市发改局', '城东街道'].map((name) => reference.units.find((u) => u.name === name)!.id);
    const chainId = reference.chains[0].id;
    const started = {
      stage: 'continuing',
      actualStartDate: '2025-05-01',
      inStatistics: true,
      owner: '某公司',
    } as const;
    const sports = await ok('projects.create', {
      ...started,
      name: '体育中心',
      chainId,
      leadUnitId: ours,
      totalInvestmentYuan: 500_000_000,
      annualPlanYuan: 120_000_000,
    });
    const sewage = await ok('projects.create', {
      ...started,
      name: '污水厂',
      chainId,
      leadUnitId: theirs,
      responsibleUnitIds: [ours],
    });
    const oldStreet = await ok('projects.create', { ...started, name: '老街改造', chainId, leadUnitId: theirs });
    const logistics = await ok('projects.create', {
      name: '物流园',
      stage: 'reserve',
      owner: '某公司',
      chainId,
      leadUnitId: ours,
    });
    await ok('dispatch.saveEntry', { projectId: sports.id, week: '2026-W49', progress: '主体施工至六层' });
    await ok('dispatch.saveEntry', { projectId: sewage.id, week: '2026-W48', progress: '设备安装' });
    await ok('projects.setMonthlyInvestment', { projectId: sports.id, year: 2026, month: 10, amountYuan: 9_000_000 });
    await ok('projects.setMonthlyInvestment', { projectId: sports.id, year: 2026, month: 11, amountYuan: 11_000_000 });
    const assigned = await ok('problems.create', {
      projectId: oldStreet.id,
      description: '施工用电未接通',
      category: 'utilities',
      responsibleUnitIds: [ours],
    });
    await ok('problems.act', { id: assigned.id, action: 'assign', deadline: '2026-12-18' });
    await ok('problems.addNote', { id: assigned.id, kind: 'chase', text: '请本周内答复' });
    const onOurs = await ok('problems.create', { projectId: sports.id, description: '用地指标不足', category: 'land' });
    const notOurs = await ok('problems.create', {
      projectId: oldStreet.id,
      description: '资金缺口',
      category: 'funds',
    });
    return { ours, theirs, sports, sewage, oldStreet, logistics, assigned, onOurs, notOurs };
  }

  describe('责任单位填报页', () => {
    it(
      '单位用户看到的正是本单位的项目：上周进展、未报送、本月完成和本年计划，以及交给本单位的问题',
      async () => {
        const o = await office();
        const unit = await signedIn('unit', '张三', o.ours);
        const desk = await ok('unitDesk.get', {}, unit);

        expect(desk.unitName).toBe('市发改局');
        expect(desk.asUnit).toBe(true);
        expect(desk.week.key).toBe('2026-W50');
        expect(desk.weekDeadline).toEqual({ date: '2026-12-11', weekday: '周五' });
        expect([desk.year, desk.month, desk.monthDeadline]).toEqual([
          2026,
          12,
          { date: '2026-12-31', weekday: '周四' },
        ]);
        expect(desk.projects.map((p) => p.name).sort()).toEqual(['体育中心', '污水厂', '物流园'].sort());
        const sports = desk.projects.find((p) => p.name === '体育中心')!;
        expect(sports).toMatchObject({
          lastWeek: { week: '2026-W49', progress: '主体施工至六层' },
          thisWeek: null,
          reported: false,
          reportsMonth: true,
          monthAmountYuan: null,
          annualPlanYuan: 120_000_000,
          throughMonthYuan: 20_000_000,
        });
        expect(desk.projects.find((p) => p.name === '物流园')!.reportsMonth).toBe(false);
        expect(desk.counts).toEqual({ weekReported: 0, weekUnreported: 3, monthFilled: 0, monthUnfilled: 2 });
        expect(desk.problems.map((p) => p.description).sort()).toEqual(['施工用电未接通', '用地指标不足'].sort());
        const assigned = desk.problems.find((p) => p.id === o.assigned.id)!;
        expect(assigned.notes.map((n) => [n.kind, n.text])).toEqual([
          ['transition', '登记：办公室登记'],
          ['transition', '交办'],
          ['chase', '请本周内答复'],
        ]);
        expect(assigned).toMatchObject({ status: 'in_progress', deadline: '2026-12-18', daysOverdue: 0 });

        // the office sees the same page for the unit it names; without one it is asked to choose
        const clerk = await signedIn('office', '李四');
        const seen = await ok('unitDesk.get', { unitId: o.ours }, clerk);
        expect(seen.projects.map((p) => p.name)).toEqual(desk.projects.map((p) => p.name));
        expect(seen.asUnit).toBe(false);
        expect(await refusal('unitDesk.get', {}, clerk)).toMatchObject({
          code: 'invalid_input',
          message: '请选择责任单位',
        });
        const leader = await signedIn('leader', '王局');
        expect((await ok('unitDesk.get', { unitId: o.theirs }, leader)).projects.map((p) => p.name).sort()).toEqual(
          ['污水厂', '老街改造'].sort(),
        );
        // a single PC opens any unit's page, as the office does
        expect(
          (await ok('unitDesk.get', { unitId: o.ours, month: 11 })).projects.find((p) => p.name === '体育中心'),
        ).toMatchObject({ monthAmountYuan: 11_000_000, throughMonthYuan: 20_000_000 });
      },
      SLOW,
    );

    it(
      '单位用户填报本周进展、沿用上周、本月完成、形象进度和问题反馈，每一项都在变更记录里署其姓名',
      async () => {
        const o = await office();
        const unit = await signedIn('unit', '张三', o.ours);
        const operator = `张三（${ADDRESS}）`;

        await ok('dispatch.saveEntry', { projectId: o.sports.id, week: '2026-W50', progress: '主体施工至八层' }, unit);
        await ok('dispatch.confirm', { week: '2026-W50', projectIds: [o.sewage.id] }, unit);
        await ok(
          'projects.setMonthlyInvestment',
          { projectId: o.sports.id, year: 2026, month: 12, amountYuan: 8_500_000 },
          unit,
        );
        await ok('projects.update', { id: o.sports.id, progressText: '主体结构八层' }, unit);
        await ok('problems.addNote', { id: o.assigned.id, kind: 'feedback', text: '已联系供电公司，下周通电' }, unit);

        const desk = await ok('unitDesk.get', {}, unit);
        const sports = desk.projects.find((p) => p.name === '体育中心')!;
        expect(sports).toMatchObject({
          thisWeek: { week: '2026-W50', progress: '主体施工至八层', updatedBy: operator },
          lastWeek: { progress: '主体施工至六层' },
          reported: true,
          monthAmountYuan: 8_500_000,
          throughMonthYuan: 28_500_000,
          progressText: '主体结构八层',
        });
        expect(desk.projects.find((p) => p.name === '污水厂')).toMatchObject({
          thisWeek: { progress: '设备安装', updatedBy: operator },
          reported: true,
        });
        expect(desk.counts).toEqual({ weekReported: 2, weekUnreported: 1, monthFilled: 1, monthUnfilled: 1 });
        // the latest three notes, the feedback last
        const answered = desk.problems.find((p) => p.id === o.assigned.id)!;
        expect(answered.noteCount).toBe(4);
        expect(answered.notes.map((n) => n.kind)).toEqual(['transition', 'chase', 'feedback']);
        expect(answered.notes.at(-1)).toMatchObject({ text: '已联系供电公司，下周通电', operator });

        // the office's grid shows what the unit wrote
        const week = await ok('dispatch.week', { week: '2026-W50' });
        expect(week.rows.find((r) => r.projectId === o.sports.id)).toMatchObject({
          progress: '主体施工至八层',
          confirmed: true,
        });

        const linesOf = async (id: number) =>
          (await ok('projects.history', { id }))
            .filter((e) => e.operator === operator)
            .map((e) => [e.field, e.newValue]);
        expect(await linesOf(o.sports.id)).toEqual(
          expect.arrayContaining([
            ['dispatch:2026-W50:progress', '主体施工至八层'],
            ['monthly:2026-12', '850.00万元'],
            ['progressText', '主体结构八层'],
          ]),
        );
        expect(await linesOf(o.sewage.id)).toEqual([['dispatch:2026-W50:confirmed', '确认沿用上周内容']]);
        expect(await linesOf(o.oldStreet.id)).toEqual([
          [`problem:${o.assigned.code}`, `反馈（${UNIT_DESK_TODAY}）：已联系供电公司，下周通电`],
        ]);
      },
      SLOW,
    );

    it(
      '单位用户不能看他单位的填报页，也不能填他单位的项目；被拒时什么也没写',
      async () => {
        const o = await office();
        const unit = await signedIn('unit', '张三', o.ours);
        expect(await refusal('unitDesk.get', { unitId: o.theirs }, unit)).toMatchObject({
          code: 'forbidden',
          message: '责任单位账户只能查看和填报本单位的项目',
        });
        expect(await ok('unitDesk.get', { unitId: o.ours }, unit)).toMatchObject({ unitName: '市发改局' });
        const before = await ok('projects.history', { id: o.oldStreet.id });
        expect(
          (await refusal('dispatch.saveEntry', { projectId: o.oldStreet.id, week: '2026-W50', progress: '越权' }, unit))
            .code,
        ).toBe('forbidden');
        expect(
          (await refusal('problems.addNote', { id: o.notOurs.id, kind: 'feedback', text: '越权' }, unit)).code,
        ).toBe('forbidden');
        expect(await ok('projects.history', { id: o.oldStreet.id })).toEqual(before);
        // a unit that has no project yet sees an empty page, not an error
        await ok('reference.saveUnit', { name: '新设园区' });
        const fresh = (await ok('reference.list', {})).units.find((u) => u.name === '新设园区')!.id;
        const empty = await ok('unitDesk.get', { unitId: fresh });
        expect([empty.projects, empty.problems, empty.counts.weekUnreported]).toEqual([[], [], 0]);
        expect((await refusal('unitDesk.get', { unitId: 999_999 })).message).toBe('找不到该责任单位，可能已被删除');
      },
      SLOW,
    );
  });
}

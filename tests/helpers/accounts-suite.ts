import { createHash } from 'node:crypto';
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../db/model/roles';
import { sql } from '../../db/sql';
import { apiSpec, type MethodName } from '../../electron/api-spec';
import { POLICY } from '../../electron/access/policy';
import type { AppContext } from '../../electron/services/app-context';
import type { Caller, RequestCaller } from '../../electron/services/auth/caller';
import { changeOwnPassword } from '../../electron/services/auth/change-password';
import { createFirstAdmin } from '../../electron/services/auth/first-admin';
import { LOCK_MS, login } from '../../electron/services/auth/login';
import { hashPassword, verifyPassword } from '../../electron/services/auth/password';
import { authenticate, IDLE_EXPIRY_MS, TOUCH_INTERVAL_MS } from '../../electron/services/auth/sessions';
import { collectSessionToken } from '../../electron/services/auth/token-outbox';
import { createAccount } from '../../electron/services/auth/users-admin';
import { callerCalls } from './caller-calls';

// Accounts, sessions and the policy of the office server (issue #15, step 1), run on SQLite by
// tests/services/accounts.test.ts and on PostgreSQL by tests/postgres/accounts.test.ts: the same assertions
// on each engine's own library.

export interface OpenedLibrary {
  ctx: AppContext;
  close(): Promise<void>;
}

const ADDRESS = '192.168.1.23';
const PASSWORD = '初始密码-2026';
const META = { operator: '测试管理员', now: '2026-11-28T02:00:00.000Z' };
/** each password check costs 90–190 ms of scrypt by design; a test makes up to twenty on a shared 2-core machine */
const SLOW = 60_000;

export function accountsSuite(open: () => Promise<OpenedLibrary>): void {
  let library: OpenedLibrary;
  let ctx: AppContext;
  beforeEach(async () => {
    library = await open();
    ctx = library.ctx;
  });
  afterEach(async () => library.close());

  const { call, ok, refusal } = callerCalls(() => ctx);
  const rows = <T>(query: ReturnType<typeof sql>) => ctx.store.all<T>(query);
  const visitor: RequestCaller = { user: null, sessionId: null, address: ADDRESS };

  /** A user of the role who has logged in and changed the initial password, as a transport would hand them on. */
  async function signedIn(role: Role, unitId: number | null = null, loginName: string = role): Promise<Caller> {
    await createAccount(
      ctx.store,
      { login: loginName, displayName: `${role}用户`, role, unitId, password: PASSWORD },
      META,
    );
    const { token } = await login(ctx.store, { login: loginName, password: PASSWORD, address: ADDRESS });
    const caller = await authenticate(ctx.store, token, ADDRESS);
    await changeOwnPassword(ctx.store, caller, { oldPassword: PASSWORD, newPassword: `${loginName}的新密码123` }, META);
    return authenticate(ctx.store, token, ADDRESS);
  }

  describe('密码与初始管理员', () => {
    it(
      'scrypt 哈希每次加盐不同，只有原密码通过；库中只存哈希',
      async () => {
        const a = await hashPassword('同一个密码123');
        const b = await hashPassword('同一个密码123');
        expect(a.salt).not.toBe(b.salt);
        expect(a.hash).not.toBe(b.hash);
        expect(a.hash).toMatch(/^scrypt\$32768\$8\$1\$/);
        expect(await verifyPassword('同一个密码123', a)).toBe(true);
        expect(await verifyPassword('同一个密码124', a)).toBe(false);

        await createFirstAdmin(ctx.store, 'Admin', 'qwerty-2026');
        const [stored] = await rows<{ login: string; password_hash: string }>(
          sql`SELECT login, password_hash FROM users`,
        );
        expect(stored.login).toBe('admin');
        expect(stored.password_hash).not.toContain('qwerty');
        const history = await ok('audit.list', {});
        const lines = JSON.stringify(history.entries);
        expect(lines).toContain('（已设置）');
        expect(lines).not.toContain(stored.password_hash.split('$')[4]);
      },
      SLOW,
    );

    it(
      '初始管理员只在还没有账户时建立一次；密码规则给出中文原因',
      async () => {
        expect((await createFirstAdmin(ctx.store, 'admin', 'qwerty-2026')).role).toBe('admin');
        await expect(createFirstAdmin(ctx.store, 'admin2', 'qwerty-2026')).rejects.toThrow('已有账户');
        expect(await rows(sql`SELECT id FROM users`)).toHaveLength(1);
        await expect(
          createAccount(
            ctx.store,
            { login: 'li', displayName: '李四', role: 'office', unitId: null, password: '1234567' },
            META,
          ),
        ).rejects.toThrow('密码至少需要 8 个字符');
        await expect(
          createAccount(
            ctx.store,
            { login: 'lisi12345', displayName: '李四', role: 'office', unitId: null, password: 'LiSi12345' },
            META,
          ),
        ).rejects.toThrow('密码不能与登录名相同');
        expect(await rows(sql`SELECT id FROM users`)).toHaveLength(1);
      },
      SLOW,
    );
  });

  describe('登录、锁定与会话', () => {
    it(
      '登录得到 256 位令牌，服务器只存其 SHA-256；登录记录写明结果与地址',
      async () => {
        await createFirstAdmin(ctx.store, 'admin', 'qwerty-2026');
        // the token goes beside the answer, to the transport (the HTTP host's cookie), never in it
        const { result, token = '' } = await collectSessionToken(() =>
          ok('auth.login', { login: ' ADMIN ', password: 'qwerty-2026' }, visitor),
        );
        expect(Buffer.from(token, 'base64url')).toHaveLength(32);
        expect(Object.keys(result)).toEqual(['user']);
        expect(result.user).toMatchObject({ login: 'admin', role: 'admin', mustChangePassword: true });
        const sessions = await rows<{ token_hash: string; client_address: string }>(
          sql`SELECT token_hash, client_address FROM sessions`,
        );
        expect(sessions).toEqual([
          { token_hash: createHash('sha256').update(token).digest('hex'), client_address: ADDRESS },
        ]);
        const events = await rows<{ outcome: string; client_address: string }>(
          sql`SELECT outcome, client_address FROM login_events`,
        );
        expect(events).toEqual([{ outcome: 'ok', client_address: ADDRESS }]);
      },
      SLOW,
    );

    it(
      '密码错误与登录名不存在答复相同；连错 5 次锁定 15 分钟并记入登录记录和变更记录',
      async () => {
        await createFirstAdmin(ctx.store, 'admin', 'qwerty-2026');
        const t0 = Date.parse('2026-11-28T01:00:00Z');
        const attempt = (password: string, at: number, name = 'admin') =>
          login(ctx.store, { login: name, password, address: ADDRESS }, at).then(
            () => 'ok',
            (error: Error) => error.message,
          );
        const unknown = await attempt('whatever-1', t0, 'nobody');
        const wrongs = [];
        for (let i = 0; i < 4; i++) wrongs.push(await attempt('wrong-pass', t0 + i));
        expect(new Set([unknown, ...wrongs])).toEqual(new Set(['登录名或密码不正确']));
        expect(await attempt('wrong-pass', t0 + 10)).toContain('已暂时锁定，请约 15 分钟后再试');
        // locked: even the right password is refused, and the attempt is logged
        expect(await attempt('qwerty-2026', t0 + 5 * 60_000)).toContain('已暂时锁定，请约 11 分钟后再试');
        expect(await attempt('qwerty-2026', t0 + 10 + LOCK_MS)).toBe('ok');
        const events = await rows<{ outcome: string; login: string }>(
          sql`SELECT outcome, login FROM login_events ORDER BY id`,
        );
        expect(events.map((e) => e.outcome)).toEqual([
          'unknown_user',
          'wrong_password',
          'wrong_password',
          'wrong_password',
          'wrong_password',
          'lockout',
          'locked',
          'ok',
        ]);
        const history = await ok('audit.list', {});
        expect(
          history.entries.some((row) => row.field === 'lockedUntil' && row.operator.includes('登录失败锁定')),
        ).toBe(true);
      },
      SLOW,
    );

    it(
      '停用的账户：密码正确才告知已停用，其会话随即失效',
      async () => {
        await createFirstAdmin(ctx.store, 'admin', 'qwerty-2026');
        const office = await signedIn('office');
        const admin = await signedIn('admin', null, 'admin2');
        await ok('users.disable', { id: office.user.id }, admin);
        expect((await refusal('projects.list', {}, office)).code).toBe('unauthenticated');
        expect((await refusal('auth.login', { login: 'office', password: 'office的新密码123' }, visitor)).message).toBe(
          '该账户已停用，请联系管理员',
        );
        expect((await refusal('auth.login', { login: 'office', password: 'not-the-one' }, visitor)).message).toBe(
          '登录名或密码不正确',
        );
      },
      SLOW,
    );

    it(
      '闲置 8 小时过期（注入时钟）；最后活动时间至多每分钟写一次',
      async () => {
        await createFirstAdmin(ctx.store, 'admin', 'qwerty-2026');
        const t0 = Date.parse('2026-11-28T01:00:00Z');
        const { token, sessionId } = await login(
          ctx.store,
          { login: 'admin', password: 'qwerty-2026', address: ADDRESS },
          t0,
        );
        const lastSeen = async () =>
          (await rows<{ last_seen_at: number }>(sql`SELECT last_seen_at FROM sessions WHERE id = ${sessionId}`))[0]
            .last_seen_at;
        await authenticate(ctx.store, token, ADDRESS, t0 + 30_000);
        expect(await lastSeen()).toBe(t0);
        await authenticate(ctx.store, token, ADDRESS, t0 + TOUCH_INTERVAL_MS);
        expect(await lastSeen()).toBe(t0 + TOUCH_INTERVAL_MS);
        const late = t0 + TOUCH_INTERVAL_MS + IDLE_EXPIRY_MS + 1;
        await expect(authenticate(ctx.store, token, ADDRESS, late)).rejects.toThrow('长时间未操作，登录已过期');
        await expect(authenticate(ctx.store, token, ADDRESS, late + 1)).rejects.toThrow('登录已失效');
        expect(await rows(sql`SELECT end_reason FROM sessions`)).toEqual([{ end_reason: 'expired' }]);
      },
      SLOW,
    );

    it(
      '退出登录后令牌失效；管理员结束某人的全部会话',
      async () => {
        await createFirstAdmin(ctx.store, 'admin', 'qwerty-2026');
        const admin = await signedIn('admin', null, 'admin2');
        const leader = await signedIn('leader');
        expect((await ok('auth.me', {}, leader)).displayName).toBe('leader用户');
        await ok('auth.logout', {}, leader);
        expect((await refusal('auth.me', {}, leader)).code).toBe('unauthenticated');

        const { token } = await login(ctx.store, { login: 'leader', password: 'leader的新密码123', address: ADDRESS });
        const again = await authenticate(ctx.store, token, ADDRESS);
        expect(await ok('users.endSessions', { id: again.user.id }, admin)).toEqual({ ended: 1 });
        const ended = (await ok('audit.list', {})).entries.filter((row) => row.field === 'sessions');
        expect(ended.map((row) => [row.entityId, row.newValue])).toEqual([[again.user.id, '（已结束1个会话）']]);
        expect((await refusal('projects.list', {}, again)).message).toBe('登录已失效，请重新登录');
        await expect(authenticate(ctx.store, token, ADDRESS)).rejects.toThrow('登录已失效');
        const ends = await rows<{ end_reason: string }>(
          sql`SELECT end_reason FROM sessions WHERE user_id = ${again.user.id} ORDER BY id`,
        );
        expect(ends.map((e) => e.end_reason)).toEqual(['logout', 'admin']);
      },
      SLOW,
    );

    it(
      '初始密码修改之前只能改密码；修改后可用，变更记录的操作人是用户姓名和地址',
      async () => {
        await createFirstAdmin(ctx.store, 'admin', 'qwerty-2026');
        const { token } = await login(ctx.store, { login: 'admin', password: 'qwerty-2026', address: ADDRESS });
        const admin = await authenticate(ctx.store, token, ADDRESS);
        expect(await refusal('users.list', {}, admin)).toMatchObject({
          code: 'forbidden',
          message: '请先修改初始密码，再进行其他操作',
        });
        expect(
          (await refusal('auth.changePassword', { oldPassword: 'qwerty-2026', newPassword: 'admin' }, admin)).message,
        ).toBe('密码至少需要 8 个字符');
        await ok('auth.changePassword', { oldPassword: 'qwerty-2026', newPassword: '新的管理员密码2026' }, admin);
        await ok(
          'users.create',
          { login: 'wang', displayName: '王五', role: 'office', password: 'wangwu-2026' },
          admin,
        );
        const history = await ok('audit.list', {});
        const created = history.entries.filter((row) => row.operator === `admin（${ADDRESS}）`);
        expect(created.map((row) => row.field)).toEqual(
          expect.arrayContaining(['login', 'displayName', 'role', 'password']),
        );
        expect(JSON.stringify(history.entries)).not.toContain('wangwu-2026');
      },
      SLOW,
    );
  });

  describe('权限表', () => {
    it(
      'api-spec 的每个方法在权限表中都有一条，且每条都说明谁可调用',
      () => {
        expect(Object.keys(POLICY).sort()).toEqual(Object.keys(apiSpec).sort());
        for (const [method, rule] of Object.entries(POLICY)) {
          expect(Boolean(rule.public || rule.signedIn || rule.roles?.length), method).toBe(true);
          // a method open to unit users says what it touches, so their scope can be checked
          if (rule.roles?.includes('unit')) expect(rule.unit, method).toBeDefined();
        }
      },
      SLOW,
    );

    it(
      '每个方法 × 每个角色：允许的进入输入校验，其余答复 forbidden；未登录只能登录和看状态',
      async () => {
        await ok('reference.saveUnit', { name: '市发改局' });
        const unitId = (await ok('reference.list', {})).units[0].id;
        const callers = new Map<Role, Caller>();
        for (const role of ROLES) callers.set(role, await signedIn(role, role === 'unit' ? unitId : null));
        // an input no method accepts: an allowed call stops at its validation and changes nothing
        const input = { 不是任何方法的字段: 1 };
        const outcomes: string[] = [];
        const expected: string[] = [];
        for (const method of Object.keys(apiSpec) as MethodName[]) {
          const rule = POLICY[method];
          for (const role of ROLES) {
            const result = await call(method, input, callers.get(role));
            outcomes.push(
              `${method} ${role} ${result.ok ? 'ok' : result.error.code === 'forbidden' ? 'forbidden' : 'allowed'}`,
            );
            const allowed = rule.public || rule.signedIn || rule.roles?.includes(role);
            expected.push(`${method} ${role} ${allowed ? (result.ok ? 'ok' : 'allowed') : 'forbidden'}`);
          }
          const anonymous = await call(method, input, visitor);
          outcomes.push(`${method} 未登录 ${anonymous.ok ? 'ok' : anonymous.error.code}`);
          expected.push(
            `${method} 未登录 ${rule.public ? (anonymous.ok ? 'ok' : anonymous.error.code) : 'unauthenticated'}`,
          );
        }
        expect(outcomes).toEqual(expected);
        expect(outcomes.filter((o) => o.endsWith('forbidden')).length).toBeGreaterThan(100);
      },
      SLOW,
    );

    it(
      '责任单位用户只能动本单位的项目：他单位的项目按 id 被拒，且什么也没写',
      async () => {
        await ok('reference.saveUnit', { name: '市发改局' });
        await ok('reference.saveUnit', { name: '城东街道' });
        const reference = await ok('reference.list', {});
        const [ours, theirs] = ['市发改局', '城东街道'].map((name) => reference.units.find((u) => u.name === name)!.id);
        const chainId = reference.chains[0].id;
        const project = (name: string, leadUnitId: number) =>
          ok('projects.create', {
            name,
            stage: 'continuing',
            actualStartDate: '2025-05-01',
            inStatistics: true,
            chainId,
            owner: '某公司',
            leadUnitId,
          });
        const own = await project('本单位项目', ours);
        const other = await project('他单位项目', theirs);
        const unit = await signedIn('unit', ours);

        expect((await ok('projects.get', { id: own.id }, unit)).name).toBe('本单位项目');
        expect(await refusal('projects.get', { id: other.id }, unit)).toMatchObject({
          code: 'forbidden',
          message: '责任单位账户只能查看和填报本单位的项目',
        });
        await ok('dispatch.saveEntry', { projectId: own.id, week: '2026-W48', progress: '本单位填报' }, unit);
        expect(
          (await refusal('dispatch.saveEntry', { projectId: other.id, week: '2026-W48', progress: '越权填报' }, unit))
            .code,
        ).toBe('forbidden');
        expect(
          (await refusal('dispatch.confirm', { week: '2026-W48', projectIds: [own.id, other.id] }, unit)).code,
        ).toBe('forbidden');
        await ok('projects.update', { id: own.id, progressText: '主体封顶' }, unit);
        expect((await refusal('projects.update', { id: own.id, name: '改名' }, unit)).message).toContain(
          '只能填报本单位项目的周调度、月度投资、形象进度和问题反馈',
        );
        expect((await refusal('projects.list', {}, unit)).code).toBe('forbidden');

        const week = await ok('dispatch.week', { week: '2026-W48' });
        expect(week.rows.map((row) => [row.name, row.progress])).toEqual(
          expect.arrayContaining([
            ['本单位项目', '本单位填报'],
            ['他单位项目', ''],
          ]),
        );
        expect((await ok('projects.get', { id: own.id })).progressText).toBe('主体封顶');
        expect((await ok('projects.get', { id: own.id })).name).toBe('本单位项目');
        const history = await ok('projects.history', { id: own.id });
        expect(history.some((entry) => entry.operator === `unit用户（${ADDRESS}）`)).toBe(true);

        const problem = await ok('problems.create', {
          projectId: other.id,
          description: '用地未落实',
          category: 'land',
          responsibleUnitIds: [ours],
        });
        await ok('problems.addNote', { id: problem.id, kind: 'feedback', text: '已对接自然资源局' }, unit);
        expect((await refusal('problems.addNote', { id: problem.id, kind: 'chase', text: '催办' }, unit)).code).toBe(
          'forbidden',
        );
        const unassigned = await ok('problems.create', {
          projectId: other.id,
          description: '资金缺口',
          category: 'land',
        });
        expect((await refusal('problems.get', { id: unassigned.id }, unit)).code).toBe('forbidden');
      },
      SLOW,
    );
  });

  describe('在线会话与登录记录（管理员）', () => {
    it(
      '在线会话列出谁从哪里登录；结束一个，对方下一次操作即要求重新登录；登录记录最新在前，可按登录名和失败筛选',
      async () => {
        await createFirstAdmin(ctx.store, 'admin', 'qwerty-2026');
        const admin = await signedIn('admin', null, 'admin2');
        const office = await signedIn('office', null, 'zhangsan');
        const t0 = Date.now();
        const refused = (name: string, address: string, at: number) =>
          login(ctx.store, { login: name, password: 'not-the-one', address }, at).then(
            () => 'ok',
            (error: Error) => error.message,
          );
        expect(await refused('zhangsan', '192.168.1.77', t0 + 1000)).toBe('登录名或密码不正确');
        expect(await refused('nobody', '192.168.1.78', t0 + 2000)).toBe('登录名或密码不正确');

        const sessions = await ok('users.sessions', {}, admin);
        expect(sessions.map((s) => [s.login, s.displayName, s.role, s.clientAddress])).toEqual(
          expect.arrayContaining([
            ['admin2', 'admin用户', 'admin', ADDRESS],
            ['zhangsan', 'office用户', 'office', ADDRESS],
          ]),
        );
        expect(sessions).toHaveLength(2);

        const theirs = sessions.find((s) => s.login === 'zhangsan')!;
        expect(await ok('users.endSession', { sessionId: theirs.id }, admin)).toEqual({ ended: 1 });
        expect(await ok('users.endSession', { sessionId: theirs.id }, admin)).toEqual({ ended: 0 });
        // 变更记录 keeps it once, under the admin's name, on the account whose session ended
        const ended = (await ok('audit.list', {})).entries.filter((row) => row.field === 'sessions');
        expect(ended.map((row) => [row.operator, row.entity, row.entityId, row.newValue])).toEqual([
          [`admin用户（${ADDRESS}）`, 'user', theirs.userId, `（已结束${ADDRESS}上的会话）`],
        ]);
        expect(await refusal('projects.list', {}, office)).toMatchObject({ code: 'unauthenticated' });
        expect((await ok('users.sessions', {}, admin)).map((s) => s.login)).toEqual(['admin2']);

        const all = await ok('users.loginEvents', {}, admin);
        expect(all.slice(0, 2).map((e) => [e.login, e.outcome, e.clientAddress, e.displayName])).toEqual([
          ['nobody', 'unknown_user', '192.168.1.78', null],
          ['zhangsan', 'wrong_password', '192.168.1.77', 'office用户'],
        ]);
        const failures = await ok('users.loginEvents', { onlyFailures: true }, admin);
        expect(failures.map((e) => e.outcome)).toEqual(['unknown_user', 'wrong_password']);
        const zhang = await ok('users.loginEvents', { login: ' ZHANG ' }, admin);
        expect(zhang.map((e) => e.outcome)).toEqual(['wrong_password', 'ok']);
        expect(await ok('users.loginEvents', { login: '%' }, admin)).toEqual([]);
        // a NUL in what is looked for finds nothing, as in the library's search, rather than failing on PostgreSQL
        expect(await ok('users.loginEvents', { login: 'zh\u0000ang' }, admin)).toEqual([]);

        expect(await refusal('users.sessions', {}, office)).toMatchObject({ code: 'unauthenticated' });
        const other = await signedIn('office', null, 'lisi');
        expect(await refusal('users.loginEvents', {}, other)).toMatchObject({ code: 'forbidden' });
        expect(await refusal('users.endSession', { sessionId: admin.sessionId }, other)).toMatchObject({
          code: 'forbidden',
        });
      },
      SLOW,
    );
  });
}

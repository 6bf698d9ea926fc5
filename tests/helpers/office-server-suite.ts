import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../db/model/roles';
import { setSetting } from '../../db/queries/settings';
import { sql } from '../../db/sql';
import { apiSpec, type AppStatus, type MethodName } from '../../electron/api-spec';
import { POLICY } from '../../electron/access/policy';
import type { UserView } from '../../electron/services/auth/user-view';
import { createAccount } from '../../electron/services/auth/users-admin';
import { IDLE_EXPIRY_MS } from '../../electron/services/auth/sessions';
import { NO_ACCOUNTS } from '../../electron/server-accounts';
import type { ServerMode, WebHost } from '../../electron/web-host';
import { postApi, ServerBrowser, type ServerTarget } from './server-client';

// The office server over HTTP (issue #15): sessions in cookies, the policy table answered as 401/403, Host and
// Origin, and where it listens. Run on SQLite by tests/services/office-server.test.ts and on PostgreSQL by
// tests/postgres/office-server.test.ts.

/** A new library of the engine, on which servers start (one after another) until it is removed. */
export interface ServerLibrary {
  start(server: ServerMode): Promise<WebHost>;
  /** its data removed; hosts still open are closed first by the suite */
  remove(): Promise<void>;
}

const LOOPBACK: ServerMode = { listenHost: '127.0.0.1', names: [] };
const META = { operator: '测试管理员', now: '2026-11-28T02:00:00.000Z' };
const FIRST = '初始密码-2026';
/** each login costs 90–190 ms of scrypt by design; a test makes up to twenty on a shared 2-core machine */
const SLOW = 120_000;

/** A non-loopback IPv4 address of this machine, if it has one. */
export function lanAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .find((entry) => !entry.internal && entry.family === 'IPv4')?.address;
}

export function officeServerSuite(newLibrary: () => Promise<ServerLibrary>): void {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  /** A library for this test, and a start on it whose host is closed after the test. */
  async function library() {
    const lib = await newLibrary();
    cleanups.push(() => lib.remove());
    return async (server: ServerMode = LOOPBACK) => {
      const host = await lib.start(server);
      cleanups.push(() => host.close());
      return host;
    };
  }
  async function start(server: ServerMode = LOOPBACK): Promise<{ host: WebHost }> {
    return { host: await (await library())(server) };
  }
  const target = (host: WebHost): ServerTarget => ({ port: host.port });

  /** A browser logged in as a new account of the role, its first password changed. */
  async function signedIn(host: WebHost, role: Role, unitId: number | null = null, login: string = role) {
    const user = await createAccount(
      host.ctx.store,
      { login, displayName: `${role}用户`, role, unitId, password: FIRST },
      META,
    );
    const browser = new ServerBrowser(target(host));
    await browser.ok('auth.login', { login, password: FIRST });
    await browser.ok('auth.changePassword', { oldPassword: FIRST, newPassword: `${login}的新密码123` });
    return { browser, user };
  }

  describe('登录与会话（HTTP）', () => {
    it(
      '登录只设 HttpOnly、SameSite=Strict 的 Cookie，返回的内容里没有令牌；凭 Cookie 认人',
      async () => {
        const { host } = await start({ ...LOOPBACK, firstAdmin: { login: 'admin', password: 'qwerty-2026' } });
        expect(host.notices).toEqual(['已建立初始管理员 admin：首次登录时须修改密码']);
        const browser = new ServerBrowser(target(host));
        const answer = await browser.call('auth.login', { login: 'admin', password: 'qwerty-2026' });
        expect(answer.status).toBe(200);
        expect(answer.setCookie).toHaveLength(1);
        const [pair, ...attributes] = answer.setCookie[0].split('; ');
        const token = pair.replace(/^zdxm_session=/, '');
        expect(Buffer.from(token, 'base64url')).toHaveLength(32);
        expect(attributes.sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict']);
        expect(answer.text).not.toContain(token);
        expect(answer.result).toEqual({ ok: true, data: { user: expect.objectContaining({ login: 'admin' }) } });
        expect(await browser.ok<UserView>('auth.me')).toMatchObject({ login: 'admin', mustChangePassword: true });
        // the initial password must be changed first
        const refused = await browser.call('users.list');
        expect([refused.status, refused.result.ok || refused.result.error.message]).toEqual([
          403,
          '请先修改初始密码，再进行其他操作',
        ]);
        const [session] = await host.ctx.store.all<{ client_address: string }>(
          sql`SELECT client_address FROM sessions`,
        );
        expect(session.client_address).toBe('127.0.0.1');
      },
      SLOW,
    );

    it(
      '未登录时 app.status 只说这是办公室服务器和城市名，不说谁设的、有多少项目；登录后全说',
      async () => {
        const { host } = await start();
        await host.ctx.store.transaction(() => setSetting(host.ctx.store, 'operatorName', '项目办老张'));
        const visitor = await new ServerBrowser(target(host)).ok<AppStatus>('app.status');
        expect(visitor).toMatchObject({ accounts: true, operatorName: null, projectCount: 0, firstRunChecklist: null });
        const { browser } = await signedIn(host, 'leader');
        expect(await browser.ok<AppStatus>('app.status')).toMatchObject({
          accounts: true,
          operatorName: '项目办老张',
        });
      },
      SLOW,
    );

    it(
      '连错 5 次锁定：第 5 次起答复已锁定，正确的密码也不行',
      async () => {
        const { host } = await start();
        await createAccount(
          host.ctx.store,
          { login: 'wang', displayName: '王五', role: 'office', unitId: null, password: FIRST },
          META,
        );
        const browser = new ServerBrowser(target(host));
        const messages: string[] = [];
        for (let i = 0; i < 5; i++) {
          const answer = await browser.call('auth.login', { login: 'wang', password: `wrong-${i}-pass` });
          messages.push(answer.result.ok ? 'ok' : `${answer.status} ${answer.result.error.message}`);
        }
        expect(messages.slice(0, 4)).toEqual(Array(4).fill('400 登录名或密码不正确'));
        expect(messages[4]).toMatch(/^400 该账户因连续 5 次密码错误已暂时锁定，请约 15 分钟后再试/);
        const right = await browser.call('auth.login', { login: 'wang', password: FIRST });
        expect(right.result.ok).toBe(false);
        expect(right.setCookie).toEqual([]);
        expect(browser.cookie).toBeNull();
        const outcomes = await host.ctx.store.all<{ outcome: string }>(
          sql`SELECT outcome FROM login_events ORDER BY id`,
        );
        expect(outcomes.map((row) => row.outcome)).toEqual([...Array(4).fill('wrong_password'), 'lockout', 'locked']);
      },
      SLOW,
    );

    it(
      '闲置 8 小时后过期：答复 401 和原因，Cookie 被清除',
      async () => {
        const { host } = await start();
        const { browser } = await signedIn(host, 'office');
        await browser.ok('projects.list', {});
        // eight hours and a minute without a request, as the clock on the wall would have it
        const idle = Date.now() - IDLE_EXPIRY_MS - 60_000;
        await host.ctx.store.run(sql`UPDATE sessions SET last_seen_at = ${idle}`);
        const expired = await browser.call('projects.list', {});
        expect([expired.status, expired.result.ok || expired.result.error.message]).toEqual([
          401,
          '长时间未操作，登录已过期，请重新登录',
        ]);
        expect(expired.setCookie[0]).toMatch(/^zdxm_session=; .*Max-Age=0/);
        expect(await host.ctx.store.all(sql`SELECT end_reason FROM sessions`)).toEqual([{ end_reason: 'expired' }]);
      },
      SLOW,
    );

    it(
      '退出登录清除 Cookie，旧 Cookie 随即 401；管理员结束他人的会话后，那人的 Cookie 也 401',
      async () => {
        const { host } = await start();
        const leader = await signedIn(host, 'leader');
        const oldCookie = leader.browser.cookie;
        const logout = await leader.browser.call('auth.logout');
        expect(logout.status).toBe(200);
        expect(logout.setCookie[0]).toMatch(/^zdxm_session=; .*Max-Age=0/);
        expect(leader.browser.cookie).toBeNull();
        const replay = await postApi(target(host), 'projects.list', {}, { Cookie: oldCookie });
        expect([replay.status, replay.result.ok || replay.result.error.message]).toEqual([
          401,
          '登录已失效，请重新登录',
        ]);

        await leader.browser.ok('auth.login', { login: 'leader', password: 'leader的新密码123' });
        expect((await leader.browser.call('projects.list', {})).status).toBe(200);
        const admin = await signedIn(host, 'admin');
        expect(await admin.browser.ok('users.endSessions', { id: leader.user.id })).toEqual({ ended: 1 });
        const after = await leader.browser.call('projects.list', {});
        expect([after.status, after.result.ok || after.result.error.code]).toEqual([401, 'unauthenticated']);
        expect((await admin.browser.call('projects.list', {})).status).toBe(200);
      },
      SLOW,
    );
  });

  describe('权限表（HTTP）', () => {
    it(
      '每个方法 × 每个角色和未登录：按权限表答复 401/403，其余都放行到输入校验',
      async () => {
        const { host } = await start();
        const office = await signedIn(host, 'office', null, 'office0');
        await office.browser.ok('reference.saveUnit', { name: '市发改局' });
        const unitId = (await office.browser.ok<{ units: { id: number }[] }>('reference.list')).units[0].id;
        const browsers = new Map<Role | '未登录', ServerBrowser>();
        for (const role of ROLES)
          browsers.set(role, (await signedIn(host, role, role === 'unit' ? unitId : null)).browser);
        browsers.set('未登录', new ServerBrowser(target(host)));
        // an input no method accepts: an allowed call stops at its validation and changes nothing
        const input = { 不是任何方法的字段: 1 };
        const outcomes: string[] = [];
        const expected: string[] = [];
        for (const method of Object.keys(apiSpec) as MethodName[]) {
          const rule = POLICY[method];
          for (const [who, browser] of browsers) {
            const { status } = await browser.call(method, input);
            outcomes.push(`${method} ${who} ${status === 401 || status === 403 ? status : 'allowed'}`);
            const allowed = rule.public || (who !== '未登录' && (rule.signedIn || rule.roles?.includes(who)));
            expected.push(`${method} ${who} ${allowed ? 'allowed' : who === '未登录' ? 401 : 403}`);
          }
        }
        expect(outcomes).toEqual(expected);
        expect(outcomes.filter((o) => o.endsWith('403')).length).toBeGreaterThan(100);

        const pinned = async (who: Role | '未登录', method: MethodName, body: unknown = {}) => {
          const answer = await browsers.get(who)!.call(method, body);
          return `${answer.status} ${answer.result.ok ? 'ok' : answer.result.error.message}`;
        };
        expect(await pinned('leader', 'projects.update', { id: 1, name: '改名' })).toBe(
          '403 领导/链长账户不能进行此操作',
        );
        expect(await pinned('unit', 'users.list')).toBe('403 责任单位账户不能进行此操作');
        expect(await pinned('未登录', 'projects.list')).toBe('401 请先登录');
        expect(await pinned('leader', 'projects.list')).toBe('200 ok');
      },
      SLOW,
    );

    it(
      '责任单位用户动他单位的项目和问题：403，且什么也没写；本单位的照常',
      async () => {
        const { host } = await start();
        const office = (await signedIn(host, 'office')).browser;
        await office.ok('reference.saveUnit', { name: '市发改局' });
        await office.ok('reference.saveUnit', { name: '城东街道' });
        const reference = await office.ok<{ units: { id: number; name: string }[]; chains: { id: number }[] }>(
          'reference.list',
        );
        const [ours, theirs] = ['市发改局', '城东街道'].map((name) => reference.units.find((u) => u.name === name)!.id);
        const project = (name: string, leadUnitId: number) =>
          office.ok<{ id: number }>('projects.create', {
            name,
            stage: 'continuing',
            actualStartDate: '2025-05-01',
            inStatistics: true,
            chainId: reference.chains[0].id,
            owner: '某公司',
            leadUnitId,
          });
        const own = await project('本单位项目', ours);
        const other = await project('他单位项目', theirs);
        const problem = await office.ok<{ id: number }>('problems.create', {
          projectId: other.id,
          description: '用地未落实',
          category: 'land',
        });
        const unit = (await signedIn(host, 'unit', ours)).browser;
        const scoped = '403 责任单位账户只能查看和填报本单位的项目';
        const tryAs = async (method: MethodName, body: unknown) => {
          const answer = await unit.call(method, body);
          return `${answer.status} ${answer.result.ok ? 'ok' : answer.result.error.message}`;
        };
        expect(await tryAs('projects.get', { id: other.id })).toBe(scoped);
        expect(await tryAs('dispatch.saveEntry', { projectId: other.id, week: '2026-W48', progress: '越权填报' })).toBe(
          scoped,
        );
        const month = { year: 2026, month: 11, amountYuan: 1_000_000 };
        expect(await tryAs('projects.setMonthlyInvestment', { projectId: other.id, ...month })).toBe(scoped);
        expect(await tryAs('problems.addNote', { id: problem.id, kind: 'feedback', text: '越权反馈' })).toBe(scoped);

        expect(await tryAs('projects.get', { id: own.id })).toBe('200 ok');
        expect(await tryAs('dispatch.saveEntry', { projectId: own.id, week: '2026-W48', progress: '本单位填报' })).toBe(
          '200 ok',
        );
        expect(await tryAs('projects.setMonthlyInvestment', { projectId: own.id, ...month })).toBe('200 ok');

        const week = await office.ok<{ rows: { name: string; progress: string }[] }>('dispatch.week', {
          week: '2026-W48',
        });
        expect(week.rows.map((row) => [row.name, row.progress]).sort()).toEqual([
          ['他单位项目', ''],
          ['本单位项目', '本单位填报'],
        ]);
        const historyOf = async (id: number) =>
          (await office.ok<{ operator: string }[]>('projects.history', { id })).map((entry) => entry.operator);
        expect((await historyOf(own.id)).filter((operator) => operator.startsWith('unit用户'))).not.toHaveLength(0);
        expect((await historyOf(other.id)).filter((operator) => operator.startsWith('unit用户'))).toEqual([]);
        const notes = await office.ok<{ notes: unknown[] }>('problems.get', { id: problem.id });
        expect(JSON.stringify(notes)).not.toContain('越权反馈');
      },
      SLOW,
    );
  });

  describe('来源与地址', () => {
    it(
      '未登录写入 401；外站 Origin、缺 Origin 的写入和别的 Host 都 403，什么也没写',
      async () => {
        const { host } = await start();
        const office = (await signedIn(host, 'office')).browser;
        const chainId = (await office.ok<{ chains: { id: number }[] }>('reference.list')).chains[0].id;
        const create = { name: '新项目', stage: 'reserve', chainId, owner: '某公司' };
        const visitor = await postApi(target(host), 'projects.create', create);
        expect([visitor.status, visitor.result.ok || visitor.result.error.message]).toEqual([401, '请先登录']);
        const foreignOrigin = await office.call('projects.create', create, { Origin: 'http://evil.example' });
        const noOrigin = await office.call('projects.create', create, { Origin: null });
        const foreignHost = await office.call('projects.create', create, {
          Host: `evil.example:${host.port}`,
          Origin: `http://evil.example:${host.port}`,
        });
        for (const answer of [foreignOrigin, noOrigin, foreignHost]) {
          expect([answer.status, answer.result.ok || answer.result.error.message]).toEqual([
            403,
            '请求的地址或来源不是本服务器，已拒绝',
          ]);
        }
        const names = async () => (await office.ok<{ name: string }[]>('projects.list', {})).map((row) => row.name);
        expect(await names()).toEqual([]);
        // the same clerk from the server's own page: written
        await office.ok('projects.create', create);
        expect(await names()).toEqual(['新项目']);
      },
      SLOW,
    );
  });

  describe('监听局域网', () => {
    it(
      '还没有账户时不在 0.0.0.0 上启动；带初始管理员启动后，可从本机的局域网地址登录',
      async () => {
        const everywhere: ServerMode = { listenHost: '0.0.0.0', names: [] };
        const startOn = await library();
        await expect(startOn(everywhere)).rejects.toThrow(NO_ACCOUNTS);
        const address = lanAddress();
        if (!address) {
          console.warn('this machine has no non-loopback IPv4 address: the login from the LAN is not tried');
          return;
        }
        const host = await startOn({ ...everywhere, firstAdmin: { login: 'admin', password: 'qwerty-2026' } });
        const lan = new ServerBrowser({ port: host.port, address });
        const answer = await lan.call('auth.login', { login: 'admin', password: 'qwerty-2026' });
        expect([answer.status, answer.setCookie.length]).toEqual([200, 1]);
        expect((await lan.ok<UserView>('auth.me')).login).toBe('admin');
        const [event] = await host.ctx.store.all<{ client_address: string }>(
          sql`SELECT client_address FROM login_events`,
        );
        expect(event.client_address).toBe(address);
        // a name nobody configured is refused on the LAN too
        const renamed = await lan.call('auth.me', {}, { Host: `files.example:${host.port}`, Origin: null });
        expect(renamed.status).toBe(403);
        await host.close();

        // started again, now with an account: --init-admin is passed over, and it says so
        const named = await startOn({
          ...everywhere,
          names: ['xmb.local'],
          firstAdmin: { login: 'other', password: 'another-2026' },
        });
        expect(named.notices).toEqual(['已有账户，未再建立初始管理员（--init-admin 已忽略）']);
        const byName = await postApi(
          { port: named.port, address },
          'auth.login',
          { login: 'admin', password: 'qwerty-2026' },
          { Host: `xmb.local:${named.port}`, Origin: `http://xmb.local:${named.port}` },
        );
        expect(byName.status).toBe(200);
        expect(await named.ctx.store.all(sql`SELECT login FROM users`)).toEqual([{ login: 'admin' }]);
      },
      SLOW,
    );
  });
}

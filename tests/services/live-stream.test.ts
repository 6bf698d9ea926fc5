import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSetting } from '../../db/queries/settings';
import { sql } from '../../db/sql';
import { dispatch } from '../../electron/contract';
import type { RequestCaller } from '../../electron/services/auth/caller';
import { endSessionsByAdmin } from '../../electron/services/auth/sessions';
import { createAccount } from '../../electron/services/auth/users-admin';
import { startWebHost, type WebHost } from '../../electron/web-host';
import { createEventStreams, type EventStreams } from '../../electron/web-host-events';
import { cachedDemoFolder } from '../helpers/demo-cache';
import { openEventStream } from '../helpers/event-stream';
import { ServerBrowser } from '../helpers/server-client';
import { signedIn } from '../helpers/signed-in';
import { createTempApp, type TempApp } from '../helpers/temp-app';
import { makeTempDir } from '../helpers/temp-dir';

// GET /api/events (issue #15, live refresh): another client's write reaches every open stream, a reconnect gets
// what it missed, a 责任单位 user hears only of their unit's projects, and a closing host ends the streams.

const WEEK = '2026-W48';
const FIRST = '初始密码-2026';

async function post(port: number, method: string, input: unknown): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  await response.text();
  return response.status;
}

describe('浏览器版的变更推送', () => {
  const temp = makeTempDir('zdxm-live-');
  let host: WebHost;
  let projects: { id: number; name: string }[];
  let clerk: string;
  beforeAll(async () => {
    const dataDir = path.join(temp.dir, 'data');
    const cached = await cachedDemoFolder('2026-11-28', '测试填报人');
    if (cached) fs.cpSync(cached, dataDir, { recursive: true });
    const staticDir = path.join(temp.dir, 'static');
    fs.mkdirSync(staticDir);
    host = await startWebHost({ dataDir, port: 0, staticDir, today: () => '2026-11-28', demo: !cached });
    clerk = (await getSetting(host.ctx.store, 'operatorName'))!;
    projects = await host.ctx.store.all(
      sql`SELECT id, name FROM projects WHERE stage <> 'completed' ORDER BY id LIMIT 3`,
    );
  });
  afterAll(async () => {
    await host.close();
    temp.remove();
  });

  it('另一个客户端保存周调度后，打开的事件流收到一条带项目名和填报人的变更', async () => {
    const stream = await openEventStream(host.port);
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(
        await post(host.port, 'dispatch.saveEntry', { projectId: projects[0].id, week: WEEK, progress: '封顶' }),
      ).toBe(200);
      const event = await stream.next((e) => e.method === 'dispatch.saveEntry');
      expect(event).toMatchObject({
        kind: 'dispatch',
        ids: [projects[0].id],
        names: [projects[0].name],
        by: clerk,
      });
      expect(stream.text()).toContain(`data: ${JSON.stringify(event)}\n\n`);
    } finally {
      stream.close();
    }
  });

  it('断线重连时带上 Last-Event-ID，补发断线期间的变更，不重发已收到的', async () => {
    const first = await openEventStream(host.port);
    await post(host.port, 'dispatch.saveEntry', { projectId: projects[0].id, week: WEEK, progress: '第一次' });
    await first.next((e) => e.method === 'dispatch.saveEntry');
    const seen = first.lastId!;
    first.close();
    await post(host.port, 'dispatch.saveEntry', { projectId: projects[1].id, week: WEEK, progress: '断线时' });
    await post(host.port, 'projects.update', { id: projects[2].id, progressText: '断线时的形象进度' });
    const again = await openEventStream(host.port, { 'Last-Event-ID': seen });
    try {
      await again.next((e) => e.method === 'projects.update');
      expect(again.events.map((e) => [e.method, e.ids])).toEqual([
        ['dispatch.saveEntry', [projects[1].id]],
        ['projects.update', [projects[2].id]],
      ]);
    } finally {
      again.close();
    }
  });

  it('Last-Event-ID 来自服务重启之前或已过期：收到一条“全部刷新”的变更', async () => {
    const stream = await openEventStream(host.port, { 'Last-Event-ID': 'ffffffff.3' });
    try {
      const event = await stream.next(() => true);
      expect(event).toMatchObject({ kind: 'library', ids: [], by: '' });
    } finally {
      stream.close();
    }
  });

  it('每隔一段时间发一行注释作心跳；不读的慢客户端积压过多时被断开', async () => {
    const ctx = host.ctx;
    const streams = createEventStreams(ctx, { heartbeatMs: 20, maxBacklogBytes: 64 * 1024 });
    const server = http.createServer((req, res) => void streams.serve(req, res, undefined));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const lively = await openEventStream(port);
      await expect.poll(() => lively.text()).toContain(': \n\n');
      lively.close();
      const slow = await new Promise<http.IncomingMessage>((resolve) =>
        http.get({ host: '127.0.0.1', port, path: '/api/events' }, resolve),
      );
      slow.pause();
      const big = '项'.repeat(20_000);
      for (let i = 0; i < 2_000 && streams.open > 0; i++) {
        ctx.changes.publish({ kind: 'project', ids: [1], names: [big], method: 'test', by: '', at: '' });
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(streams.open).toBe(0);
      slow.destroy();
    } finally {
      streams.closeAll();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('关闭浏览器版时结束事件流', () => {
  it('关闭时打开的事件流结束，关闭不必等满十秒', async () => {
    const temp = makeTempDir('zdxm-live-close-');
    const host = await startWebHost({ dataDir: temp.dir, port: 0, staticDir: temp.dir });
    const stream = await openEventStream(host.port);
    const started = Date.now();
    await host.close();
    await stream.ended;
    expect(Date.now() - started).toBeLessThan(5_000);
    temp.remove();
  });
});

describe('办公室服务器的事件流按账户筛选', () => {
  let app: TempApp;
  let streams: EventStreams;
  let server: http.Server;
  let port: number;
  let caller: RequestCaller | undefined;
  beforeAll(async () => {
    app = await createTempApp({ demo: true, engine: 'sqlite' });
    streams = createEventStreams(app.ctx);
    // the transport's caller, as the office server's session cookie will give it
    server = http.createServer((req, res) => void streams.serve(req, res, caller));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    streams.closeAll();
    await new Promise((resolve) => server.close(resolve));
    await app.close();
  });

  it('管理员结束了会话：那个会话的事件流在下一次心跳时结束', async () => {
    const office = await signedIn(app.ctx.store, { login: 'wangwu', displayName: '王五', role: 'office' });
    const quick = createEventStreams(app.ctx, { heartbeatMs: 50 });
    const own = http.createServer((req, res) => void quick.serve(req, res, office));
    await new Promise<void>((resolve) => own.listen(0, '127.0.0.1', resolve));
    try {
      const stream = await openEventStream((own.address() as { port: number }).port);
      expect(stream.status).toBe(200);
      await expect.poll(() => stream.text()).toContain(': \n\n');
      expect(quick.open).toBe(1);
      await endSessionsByAdmin(app.ctx.store, office.user.id);
      await stream.ended;
      expect(quick.open).toBe(0);
    } finally {
      quick.closeAll();
      await new Promise((resolve) => own.close(resolve));
    }
  });

  it('没有登录的访客：401，请先登录', async () => {
    caller = { user: null, sessionId: null, address: '192.168.1.40' };
    const stream = await openEventStream(port);
    expect(stream.status).toBe(401);
    expect(stream.body()).toEqual({ ok: false, error: { code: 'unauthenticated', message: '请先登录' } });
  });

  it('责任单位账户只收到本单位项目的变更；单位名录等变更只收到不带名字的“刷新”', async () => {
    const store = app.ctx.store;
    const unit = (await store.get<{ unitId: number }>(
      sql`SELECT lead_unit_id AS "unitId" FROM projects WHERE lead_unit_id IS NOT NULL
          GROUP BY lead_unit_id ORDER BY COUNT(*) DESC, lead_unit_id LIMIT 1`,
    ))!;
    const own = (await store.get<{ id: number; name: string }>(
      sql`SELECT id, name FROM projects WHERE lead_unit_id = ${unit.unitId} AND stage <> 'completed' ORDER BY id LIMIT 1`,
    ))!;
    const other = (await store.get<{ id: number }>(
      sql`SELECT p.id FROM projects p WHERE p.stage <> 'completed' AND (p.lead_unit_id IS NULL OR p.lead_unit_id <> ${unit.unitId})
          AND NOT EXISTS (SELECT 1 FROM project_units pu WHERE pu.project_id = p.id AND pu.unit_id = ${unit.unitId})
          ORDER BY p.id LIMIT 1`,
    ))!;
    const unitUser = await signedIn(store, {
      login: 'danwei',
      displayName: '单位填报员',
      role: 'unit',
      unitId: unit.unitId,
    });
    const office = await signedIn(store, { login: 'zhangsan', displayName: '张三', role: 'office' });
    caller = unitUser;
    const unitStream = await openEventStream(port);
    caller = office;
    const officeStream = await openEventStream(port);
    try {
      const write = async (method: string, input: unknown) => {
        const result = await dispatch(app.ctx, method, input, office);
        expect(result.ok, method).toBe(true);
      };
      await write('dispatch.saveEntry', { projectId: other.id, week: WEEK, progress: '别的单位的项目' });
      await write('dispatch.confirm', { week: WEEK, projectIds: [other.id, own.id] });
      await write('reference.saveUnit', { name: '新成立的单位' });
      const problem = { description: '施工用电未接通', category: 'utilities', deadline: '2026-12-31' };
      await write('problems.create', { ...problem, projectId: other.id });
      await write('problems.create', { ...problem, projectId: own.id });
      await write('projects.update', { id: own.id, progressText: '本单位项目的形象进度' });
      await officeStream.next((e) => e.method === 'projects.update');
      await unitStream.next((e) => e.method === 'projects.update');
      expect(officeStream.events.map((e) => [e.method, e.ids])).toEqual([
        ['dispatch.saveEntry', [other.id]],
        ['dispatch.confirm', [other.id, own.id]],
        ['reference.saveUnit', []],
        ['problems.create', [expect.any(Number)]],
        ['problems.create', [expect.any(Number)]],
        ['projects.update', [own.id]],
      ]);
      const ownProblem = officeStream.events[4].ids;
      expect(unitStream.events.map(({ kind, ids, names, method, by }) => ({ kind, ids, names, method, by }))).toEqual([
        { kind: 'dispatch', ids: [own.id], names: [own.name], method: 'dispatch.confirm', by: '张三' },
        { kind: 'reference', ids: [], names: [], method: '', by: '' },
        { kind: 'problem', ids: ownProblem, names: [own.name], method: 'problems.create', by: '张三' },
        { kind: 'project', ids: [own.id], names: [own.name], method: 'projects.update', by: '张三' },
      ]);
    } finally {
      unitStream.close();
      officeStream.close();
    }
  });
});

describe('办公室服务器上的事件流（凭会话 Cookie）', () => {
  it('没有 Cookie 的访客 401；登录的项目办账户收到另一账户的修改，变更人是其显示名', async () => {
    const temp = makeTempDir('zdxm-live-office-');
    const host = await startWebHost({
      dataDir: path.join(temp.dir, 'data'),
      staticDir: temp.dir,
      port: 0,
      today: () => '2026-11-28',
      server: { listenHost: '127.0.0.1', names: [] },
    });
    try {
      const meta = { operator: '测试管理员', now: '2026-11-28T02:00:00.000Z' };
      const browsers: ServerBrowser[] = [];
      for (const [login, displayName] of [
        ['zhangsan', '张三'],
        ['lisi', '李四'],
      ]) {
        await createAccount(
          host.ctx.store,
          { login, displayName, role: 'office', unitId: null, password: FIRST },
          meta,
        );
        const browser = new ServerBrowser({ port: host.port });
        await browser.ok('auth.login', { login, password: FIRST });
        await browser.ok('auth.changePassword', { oldPassword: FIRST, newPassword: `${login}的新密码123` });
        browsers.push(browser);
      }
      const visitor = await openEventStream(host.port);
      expect(visitor.status).toBe(401);
      expect(visitor.body()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

      const stream = await openEventStream(host.port, { Cookie: browsers[1].cookie! });
      try {
        expect(stream.status).toBe(200);
        await browsers[0].ok('reference.saveUnit', { name: '县住建局' });
        const event = await stream.next((e) => e.method === 'reference.saveUnit');
        expect(event).toMatchObject({ kind: 'reference', by: '张三' });
      } finally {
        stream.close();
      }
    } finally {
      await host.close();
      temp.remove();
    }
  }, 60_000);
});

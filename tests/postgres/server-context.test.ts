import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../db/migrations';
import type { ApiResult, MethodInput, MethodName, MethodOutput } from '../../electron/api-spec';
import { dispatch } from '../../electron/contract';
import type { ServerAppContext } from '../../electron/services/app-context';
import { openServerContext } from '../../electron/services/server-context';
import { copyLibrary } from '../../db/copy/copy';
import { cachedDemoFolder } from '../helpers/demo-cache';
import { freshDatabase } from '../helpers/postgres-database';
import { freePort, tcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { makeTempDir } from '../helpers/temp-dir';

// The app on a database server, as a clerk meets it: the example office loaded at the first start, backups and
// 恢复 on the server, a database that is not there at the start or goes away later, and one of a newer program.

type Cleanup = () => Promise<void> | void;
const cleanups: Cleanup[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}, 30_000);

const TODAY = '2026-11-28';

async function database(): Promise<string> {
  const created = await freshDatabase();
  cleanups.push(created.remove);
  return created.url;
}

/** a database holding the example office as a first start leaves it (copied in: loading it row by row is slow) */
async function demoDatabase(): Promise<string> {
  const url = await database();
  const demo = await cachedDemoFolder(TODAY, '张三');
  if (!demo) throw new Error('the example office is made by the demo cache setup of this project');
  await copyLibrary(path.join(demo, 'projects.sqlite'), url);
  return url;
}

async function open(databaseUrl: string, retryEveryMs?: number): Promise<ServerAppContext> {
  const temp = makeTempDir('zdxm-server-context-');
  cleanups.push(temp.remove);
  const ctx = await openServerContext({ databaseUrl, dataDir: temp.dir, today: () => TODAY, retryEveryMs });
  cleanups.push(() => ctx.close());
  return ctx;
}

async function call(ctx: ServerAppContext, method: string, input: unknown = {}): Promise<ApiResult> {
  return structuredClone(await dispatch(ctx, method, input));
}

async function ok<M extends MethodName>(
  ctx: ServerAppContext,
  method: M,
  input: MethodInput<M> | Record<string, never> = {},
): Promise<MethodOutput<M>> {
  const result = await call(ctx, method, input);
  if (!result.ok) throw new Error(`${method} refused: ${result.error.code} ${result.error.message}`);
  return result.data as MethodOutput<M>;
}

function refusal(result: ApiResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

/** the same database reached through a proxy the test can unplug */
async function behindProxy(url: string): Promise<{ url: string; proxy: TcpProxy }> {
  const parsed = new URL(url);
  const proxy = tcpProxy(await freePort(), { host: parsed.hostname, port: Number(parsed.port) });
  cleanups.push(() => proxy.down());
  parsed.port = String(proxy.port);
  return { url: parsed.toString(), proxy };
}

/** polls the status until `done` holds: the context's own retry runs on its timer */
async function statusUntil(ctx: ServerAppContext, done: (status: MethodOutput<'app.status'>) => boolean) {
  for (let tries = 0; tries < 200; tries++) {
    const status = await ok(ctx, 'app.status');
    if (done(status)) return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the status never changed');
}

// the example office goes in statement by statement over the network, and its first backup is a copy out
describe('数据库服务器上的程序', { timeout: 60_000 }, () => {
  it('新数据库：首次启动载入示例单位，立即有首次启动备份；数据文件夹显示数据库地址（不含密码），不能移动', async () => {
    const ctx = await open(await database());
    const first = await ok(ctx, 'app.status');
    expect(first).toMatchObject({ needsSetup: true, schemaVersion: SCHEMA_VERSION, startProblem: null });

    const started = await ok(ctx, 'app.initialize', { operatorName: '张三', loadDemo: true });
    expect(started.needsSetup).toBe(false);
    expect(started.projectCount).toBeGreaterThan(10);
    const backups = await ok(ctx, 'backups.list');
    expect(backups.map((b) => b.label)).toContain('自动备份-首次启动');

    const folder = await ok(ctx, 'dataFolder.get');
    expect(folder.databaseFile).toMatch(/^postgres:\/\//);
    expect(folder.sizeBytes).toBeGreaterThan(0);
    const move = refusal(await call(ctx, 'dataFolder.move', { target: path.join(ctx.dataDir, 'elsewhere') }));
    expect(move.message).toContain('数据在数据库服务器上，不能移动数据文件夹');
    expect(fs.existsSync(path.join(ctx.dataDir, 'elsewhere'))).toBe(false);
  });

  it('恢复备份：数据回到备份时的样子，恢复前另有备份，修改记录里有恢复这一行；恢复后新建项目照常取号', async () => {
    const ctx = await open(await database());
    await ok(ctx, 'app.initialize', { operatorName: '张三', loadDemo: true });
    const [project] = await ok(ctx, 'projects.list', {});
    const backup = await ok(ctx, 'backups.create');
    await ok(ctx, 'projects.update', { id: project.id, name: '恢复前改过的名称' });

    const restored = await ok(ctx, 'backups.restore', { fileName: backup.fileName });
    expect(restored.safetyBackup).toContain('恢复前');
    expect((await ok(ctx, 'projects.get', { id: project.id })).name).toBe(project.name);
    const audit = await ok(ctx, 'audit.list', { limit: 5 });
    expect(JSON.stringify(audit.entries)).toContain(`从备份 ${backup.fileName} 恢复`);

    const projectsBefore = (await ok(ctx, 'app.status')).projectCount;
    const created = await ok(ctx, 'projects.create', {
      name: '恢复后新建的项目',
      chainId: project.chainId,
      stage: 'reserve',
      owner: '湖南华芯制造有限公司',
    });
    expect(created.id).toBeGreaterThan(0);
    expect((await ok(ctx, 'app.status')).projectCount).toBe(projectsBefore + 1);
  });

  it('启动时连不上数据库：中文说明，只许查看状态和重试；数据库回来后自动重试成功，程序照常使用', async () => {
    const { url, proxy } = await behindProxy(await database());
    const ctx = await open(url, 100);
    const status = await ok(ctx, 'app.status');
    expect(status.startProblem?.kind).toBe('database_unavailable');
    expect(status.startProblem?.message).toContain('连接不上数据库服务器');
    expect(status.startProblem?.path).toMatch(/^postgres:\/\//);
    const refused = refusal(await call(ctx, 'projects.list', {}));
    expect(refused.code).toBe('database_unavailable');

    await proxy.up();
    const back = await statusUntil(ctx, (s) => s.startProblem === null);
    expect(back).toMatchObject({ needsSetup: true, schemaVersion: SCHEMA_VERSION });
    await ok(ctx, 'app.initialize', { operatorName: '张三', loadDemo: false });
    expect(await ok(ctx, 'projects.list', {})).toEqual([]);
  });

  it('运行中数据库断开：请求得到中文说明而不是内部错误，什么也没写；恢复连接后照常读写', async () => {
    const { url, proxy } = await behindProxy(await demoDatabase());
    await proxy.up();
    const ctx = await open(url);
    const [project] = await ok(ctx, 'projects.list', {});

    await proxy.down();
    const read = refusal(await call(ctx, 'projects.list', {}));
    expect(read.code).toBe('database_unavailable');
    expect(read.message).toContain('连接不上数据库服务器');
    const write = refusal(await call(ctx, 'projects.update', { id: project.id, name: '断开时的修改' }));
    expect(write.code).toBe('database_unavailable');

    await proxy.up();
    expect((await ok(ctx, 'projects.get', { id: project.id })).name).toBe(project.name);
    await ok(ctx, 'projects.update', { id: project.id, name: '连接恢复后的修改' });
    expect((await ok(ctx, 'projects.get', { id: project.id })).name).toBe('连接恢复后的修改');
  });

  it('更新版本程序的数据库：拒绝使用，原样不动；重试仍然拒绝', async () => {
    const url = await demoDatabase();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    cleanups.push(() => admin.end());
    await admin.query('UPDATE schema_version SET version = $1', [SCHEMA_VERSION + 1]);
    const tables = async () =>
      (
        await admin.query<{ name: string }>(
          `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
        )
      ).rows;
    const before = { tables: await tables(), projects: (await admin.query('SELECT * FROM projects ORDER BY id')).rows };

    const ctx = await open(url);
    const status = await ok(ctx, 'app.status');
    expect(status.startProblem?.kind).toBe('database_refused');
    expect(status.startProblem?.message).toContain('数据库来自更新版本的程序');
    expect(refusal(await call(ctx, 'projects.list', {})).code).toBe('database_refused');
    expect((await ok(ctx, 'app.retryStart')).startProblem?.kind).toBe('database_refused');

    expect((await admin.query<{ version: number }>('SELECT version FROM schema_version')).rows[0].version).toBe(
      SCHEMA_VERSION + 1,
    );
    expect({
      tables: await tables(),
      projects: (await admin.query('SELECT * FROM projects ORDER BY id')).rows,
    }).toEqual(before);
  });
});

import { afterAll, beforeAll, describe, it } from 'vitest';
import { openServerContext } from '../../electron/services/server-context';
import { bundleChild } from '../helpers/child-script';
import { startChildHost, type ChildWebHost } from '../helpers/child-web-host';
import { cachedDemoFolder } from '../helpers/demo-cache';
import { runOfficeLoad } from '../helpers/office-load';
import { freshDatabase } from '../helpers/postgres-database';
import { demoTemplate } from '../helpers/postgres-templates';
import { makeTempDir } from '../helpers/temp-dir';

// The load of issue #15 on PostgreSQL: two app server processes on one database holding the example office,
// 30 sessions of mixed roles spread over both (each logs in on one and works on the other), for 30 s
// (tests/helpers/office-load.ts; on a SQLite file in tests/services/).

const temp = makeTempDir('zdxm-pg-office-load-');
let bundle: Awaited<ReturnType<typeof bundleChild>>;
let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  bundle = await bundleChild('tests/helpers/children/office-server.ts', ['better-sqlite3', 'exceljs', 'pg']);
  const demo = await cachedDemoFolder('2026-11-28', '测试填报人');
  database = await freshDatabase({ template: await demoTemplate(demo!) });
}, 120_000);
afterAll(async () => {
  await database?.remove();
  bundle?.remove();
  temp.remove();
});

describe('办公室服务器负载（PostgreSQL，两台应用服务器）', () => {
  it('30个不同角色的会话并发30秒：确认的修改都在、都记在本人名下，越权的都被拒绝且没写入', async () => {
    await runOfficeLoad(
      {
        async startServers(admin) {
          const start = (i: number, env: NodeJS.ProcessEnv) =>
            startChildHost(bundle.file, [`${temp.dir}/backups-${i}`, temp.dir, database.url, admin.login], env);
          const hosts: ChildWebHost[] = [await start(0, { ZDXM_INIT_PASSWORD: admin.password })];
          const stop = async () => void (await Promise.all(hosts.map((host) => host.stop())));
          try {
            hosts.push(await start(1, {}));
          } catch (error) {
            await stop();
            throw error;
          }
          return { ports: hosts.map((host) => host.port), stop };
        },
        async open() {
          const ctx = await openServerContext({ databaseUrl: database.url, dataDir: `${temp.dir}/checks` });
          return { store: ctx.store, close: () => ctx.close() };
        },
      },
      'postgres',
    );
  }, 240_000);
});

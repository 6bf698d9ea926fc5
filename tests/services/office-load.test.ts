import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openAppContext } from '../../electron/services/app-context';
import { bundleChild } from '../helpers/child-script';
import { startChildHost } from '../helpers/child-web-host';
import { cachedDemoFolder } from '../helpers/demo-cache';
import { runOfficeLoad } from '../helpers/office-load';
import { makeTempDir } from '../helpers/temp-dir';

// The load of issue #15 on a SQLite office server: one server process on the example office's data folder, 30
// sessions of mixed roles over HTTP for 30 s (tests/helpers/office-load.ts; on PostgreSQL in tests/postgres/).

const temp = makeTempDir('zdxm-office-load-');
let bundle: Awaited<ReturnType<typeof bundleChild>>;
beforeAll(async () => {
  bundle = await bundleChild('tests/helpers/children/office-server.ts', ['better-sqlite3', 'exceljs', 'pg']);
}, 60_000);
afterAll(() => {
  bundle?.remove();
  temp.remove();
});

describe('办公室服务器负载（SQLite）', () => {
  it('30个不同角色的会话并发30秒：确认的修改都在、都记在本人名下，越权的都被拒绝且没写入', async () => {
    const dataDir = path.join(temp.dir, 'data');
    fs.cpSync((await cachedDemoFolder('2026-11-28', '测试填报人'))!, dataDir, { recursive: true });
    await runOfficeLoad(
      {
        async startServers(admin) {
          const host = await startChildHost(bundle.file, [dataDir, temp.dir, '', admin.login], {
            ZDXM_INIT_PASSWORD: admin.password,
          });
          return { ports: [host.port], stop: async () => void (await host.stop()) };
        },
        async open() {
          const ctx = await openAppContext({ dataDir, today: () => '2026-11-28' });
          return { store: ctx.store, close: () => ctx.close() };
        },
      },
      'sqlite',
    );
  }, 240_000);
});

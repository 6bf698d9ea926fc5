import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../db/sql';
import type { ServerAppContext } from '../../electron/services/app-context';
import { startWebHost, type WebHost } from '../../electron/web-host';
import { cachedDemoFolder } from '../helpers/demo-cache';
import { openEventStream } from '../helpers/event-stream';
import { freshDatabase } from '../helpers/postgres-database';
import { demoTemplate } from '../helpers/postgres-templates';
import { makeTempDir } from '../helpers/temp-dir';

// Two app servers on one PostgreSQL database (issue #15, live refresh): a clerk on one server saves, and the
// screens open on the other hear of it through the database (LISTEN/NOTIFY), once, with the same names.

const temp = makeTempDir('zdxm-pg-live-');
let database: Awaited<ReturnType<typeof freshDatabase>>;
const hosts: WebHost[] = [];

beforeAll(async () => {
  const demo = await cachedDemoFolder('2026-11-28', '测试填报人');
  if (!demo) throw new Error('the example office is made by the run (tests/helpers/demo-cache-setup.ts)');
  database = await freshDatabase({ template: await demoTemplate(demo) });
  const staticDir = path.join(temp.dir, 'static');
  fs.mkdirSync(staticDir);
  for (const name of ['a', 'b']) {
    const host = await startWebHost({
      dataDir: path.join(temp.dir, name),
      databaseUrl: database.url,
      port: 0,
      staticDir,
      today: () => '2026-11-28',
    });
    hosts.push(host);
    await (host.ctx as ServerAppContext).changesHeard;
  }
}, 60_000);
afterAll(async () => {
  for (const host of hosts) await host.close();
  await database?.remove();
  temp.remove();
});

async function post(host: WebHost, method: string, input: unknown): Promise<void> {
  const response = await fetch(`${host.url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean };
  expect(result.ok, method).toBe(true);
}

describe('同一数据库上的两个应用服务器', () => {
  it('在 A 保存周调度，B 上打开的事件流收到同样的变更，A 上的也只收到一次', async () => {
    const [a, b] = hosts;
    const project = (await a.ctx.store.get<{ id: number; name: string }>(
      sql`SELECT id, name FROM projects WHERE stage <> 'completed' ORDER BY id LIMIT 1`,
    ))!;
    const onA = await openEventStream(a.port);
    const onB = await openEventStream(b.port);
    try {
      await post(a, 'dispatch.saveEntry', { projectId: project.id, week: '2026-W48', progress: 'A服务器上保存' });
      await post(b, 'projects.update', { id: project.id, progressText: 'B服务器上保存' });
      const expected = [
        { kind: 'dispatch', ids: [project.id], names: [project.name], method: 'dispatch.saveEntry', by: '测试填报人' },
        { kind: 'project', ids: [project.id], names: [project.name], method: 'projects.update', by: '测试填报人' },
      ];
      for (const stream of [onA, onB]) {
        await stream.next((event) => event.method === 'projects.update');
        await stream.next((event) => event.method === 'dispatch.saveEntry');
      }
      // a further change on each, so that a doubled one would have arrived before it
      await post(a, 'reference.saveUnit', { name: '县发改局二科' });
      for (const stream of [onA, onB]) {
        await stream.next((event) => event.method === 'reference.saveUnit');
        const heard = stream.events.map(({ kind, ids, names, method, by }) => ({ kind, ids, names, method, by }));
        expect(heard.filter((event) => event.method !== 'reference.saveUnit')).toEqual(
          expect.arrayContaining(expected),
        );
        expect(heard).toHaveLength(3);
      }
    } finally {
      onA.close();
      onB.close();
    }
  });
});

import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../electron/services/backup';
import { cachedDemoFolder } from '../helpers/demo-cache';
import { dumpData } from '../helpers/dump-data';
import { createTempApp, sqliteContext, type TempApp } from '../helpers/temp-app';

// createTempApp({ demo: true }) copies an example office made once per run: the copy must be what a first
// start with 载入示例数据 on the same day, by the same clerk, gives.

const opened: TempApp[] = [];
afterEach(() => opened.splice(0).forEach((app) => app.close()));

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

const masked = (rows: Record<string, unknown>[]) =>
  rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([column, value]) => [
        column,
        typeof value === 'string' && ISO_TIME.test(value) ? '(时刻)' : value,
      ]),
    ),
  );

/** Every table's rows in order (tests/helpers/dump-data.ts), with the clock times of the writes left out. */
function dump(app: TempApp): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(dumpData(sqliteContext(app).db)).map(([table, rows]) => [
      table,
      masked(rows as Record<string, unknown>[]),
    ]),
  );
}

/** What the folder holds besides the data file: its backups, by kind, label and project count. */
const backupsOf = (app: TempApp) =>
  listBackups(app.ctx).map(({ kind, label, projectCount, problem }) => ({ kind, label, projectCount, problem }));

async function freshLoad(today: string, operatorName: string): Promise<TempApp> {
  const app = await createTempApp({ operator: null, today });
  opened.push(app);
  await app.ok('app.initialize', { operatorName, loadDemo: true });
  return app;
}

async function copied(options: { today?: string; operator?: string }): Promise<TempApp> {
  const app = await createTempApp({ ...options, demo: true });
  opened.push(app);
  return app;
}

describe('示例办公室的副本', () => {
  it('与同一天、同一填报人首次启动时载入的示例数据完全一致，备份也一样', async () => {
    expect(await cachedDemoFolder('2026-11-28', '测试填报人')).not.toBeNull();
    const fresh = await freshLoad('2026-11-28', '测试填报人');
    const copy = await copied({});
    expect(dump(copy)).toEqual(dump(fresh));
    expect(backupsOf(copy)).toEqual(backupsOf(fresh));
    expect(await copy.ok('app.status', {})).toEqual(await fresh.ok('app.status', {}));
    expect(sqliteContext(copy).db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('每个测试得到自己的副本：改动一个，另一个和下一个都不受影响', async () => {
    const first = await copied({});
    const [project] = await first.ok('projects.list', {});
    await first.ok('projects.update', { id: project.id, name: '只在第一个副本里改过' });
    const second = await copied({});
    expect(second.dir).not.toBe(first.dir);
    expect((await second.ok('projects.get', { id: project.id })).name).toBe(project.name);
    expect(fs.existsSync(first.dir)).toBe(true);
  });

  it('另一天、另一位填报人各有自己的示例办公室', async () => {
    const june = await copied({ today: '2026-06-15', operator: '李晓梅' });
    expect(dump(june)).toEqual(dump(await freshLoad('2026-06-15', '李晓梅')));
    expect(dump(june)).not.toEqual(dump(await copied({})));
    expect((await june.ok('app.status', {})).operatorName).toBe('李晓梅');
  });
});

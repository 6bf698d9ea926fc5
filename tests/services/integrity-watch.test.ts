import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fullCheckOfFile, type FullCheckResult } from '../../db/full-check';
import type { ApiResult } from '../../electron/api-spec';
import { dispatch, handlers } from '../../electron/contract';
import { openAppContext } from '../../electron/services/app-context';
import { startBackupSchedule } from '../../electron/services/backup-schedule';
import { startIntegrityWatch, type IntegrityWatch } from '../../electron/services/integrity-watch';
import { corruptIndexEntry } from '../helpers/corrupt-index';
import { createTempApp, sqliteContext, type TempApp } from '../helpers/temp-app';

vi.setConfig({ testTimeout: 60_000 });

const DAMAGED = '数据文件已损坏，为防止损坏扩大，程序没有打开它，也不会写入它。请从最近的完好备份恢复。';

let app: TempApp | undefined;
const stops: (() => void)[] = [];
afterEach(async () => {
  stops.splice(0).forEach((stop) => stop());
  await app?.close();
  app = undefined;
});

/** A check the test finishes when it chooses, so “still checking” is a state and not a race. */
function heldCheck() {
  let finish: (result: FullCheckResult) => void = () => undefined;
  const started: string[] = [];
  const run = (file: string) => {
    started.push(file);
    return new Promise<FullCheckResult>((resolve) => (finish = resolve));
  };
  return { run, started, finish: (result: FullCheckResult) => finish(result) };
}

function watch(app: TempApp, run: (file: string) => Promise<FullCheckResult>): IntegrityWatch {
  const started = startIntegrityWatch(sqliteContext(app), { run });
  stops.push(started.stop);
  return started;
}

const backupNames = (dir: string) => fs.readdirSync(path.join(dir, 'backups')).sort();

function digest(dir: string): string {
  const hash = crypto.createHash('sha256');
  for (const suffix of ['', '-wal']) {
    const file = path.join(dir, `projects.sqlite${suffix}`);
    hash.update(fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0));
  }
  return hash.digest('hex');
}

/** The example office whose file then had one index entry go bad: every page reads, so the start lets it in. */
async function quietlyDamaged(): Promise<TempApp> {
  const healthy = await createTempApp({ demo: true });
  await healthy.ctx.close();
  corruptIndexEntry(path.join(healthy.dir, 'projects.sqlite'), 'milestones_project');
  const ctx = await openAppContext({ dataDir: healthy.dir, today: () => '2026-11-28' });
  const call = async (method: string, input: unknown) =>
    structuredClone(await dispatch(ctx, method, structuredClone(input))) as ApiResult;
  return {
    ...healthy,
    ctx,
    call,
    ok: async (method, input) => {
      const result = await call(method, input);
      if (!result.ok) throw new Error(`${method} refused: ${result.error.message}`);
      return result.data as never;
    },
    close: async () => {
      await ctx.close();
      fs.rmSync(healthy.dir, { recursive: true, force: true });
    },
  };
}

const realCheck = async (file: string) => fullCheckOfFile(file);

describe('启动不等完整检查', () => {
  it('完整检查进行中：照常读写；启动时的自动备份等检查通过之后才做', async () => {
    app = await createTempApp({ demo: true });
    const check = heldCheck();
    const started = watch(app, check.run);
    stops.push(startBackupSchedule(app.ctx, started));
    const before = backupNames(app.dir);

    expect((await app.ok('app.status', {})).fullCheck).toEqual({ state: 'checking', lastPassedAt: null });
    expect(check.started).toEqual([path.join(app.dir, 'projects.sqlite')]);
    expect((await app.ok('projects.list', {})).length).toBeGreaterThan(100);
    expect((await app.ok('settings.update', { cityName: '湘潭市' })).cityName).toBe('湘潭市');
    expect(backupNames(app.dir)).toEqual(before);

    check.finish({ ran: true, problems: [] });
    expect(await started.check()).toBe(true);
    const status = await app.ok('app.status', {});
    expect(status.fullCheck.state).toBe('passed');
    expect(status.damage).toBeNull();
    await vi.waitFor(() => {
      const added = backupNames(app!.dir).filter((name) => !before.includes(name));
      if (!added.some((name) => name.startsWith('自动备份-启动-') && name.endsWith('.zdbak'))) {
        throw new Error(`启动备份还没有：${added.join('、')}`);
      }
    });
  });
});

describe('后台完整检查发现损坏', () => {
  it('此后每一次写入都以同一句话拒绝，数据文件不再改动，也不再从它备份', async () => {
    app = await quietlyDamaged();
    // the start's check lets the file in: every page reads
    expect(app.ctx.damage).toBeNull();
    expect((await app.ok('projects.list', {})).length).toBeGreaterThan(100);

    const found = watch(app, realCheck);
    stops.push(startBackupSchedule(app.ctx, found));
    expect(await found.check()).toBe(false);
    const before = digest(app.dir);
    const backupsBefore = backupNames(app.dir);

    const status = await app.ok('app.status', {});
    expect(status.fullCheck.state).toBe('damaged');
    expect(status.damage?.message).toBe(DAMAGED);
    expect(status.damage?.details.join('\n')).toContain('missing from index milestones_project');
    for (const [method, input] of [
      ['settings.update', { cityName: '湘潭市' }],
      ['projects.list', {}],
      ['backups.create', {}],
    ] as const) {
      const answer = await app.call(method, input);
      expect(answer).toEqual({ ok: false, error: { code: 'database_damaged', message: DAMAGED } });
    }
    // a handler reached past the contract's door is stopped by SQLite itself
    await expect(handlers['settings.update'](app.ctx, { cityName: '湘潭市' })).rejects.toThrow();
    expect(digest(app.dir)).toBe(before);
    expect(backupNames(app.dir)).toEqual(backupsBefore);
    expect(backupsBefore.some((name) => name.startsWith('自动备份-启动-'))).toBe(false);
  });

  it('发现损坏时正在做的备份不保留，回答数据文件已损坏', async () => {
    app = await createTempApp({ demo: true });
    const check = heldCheck();
    const started = watch(app, check.run);
    const before = backupNames(app.dir);

    const backup = app.call('backups.create', {});
    check.finish({ ran: true, problems: ['*** in database main ***\nPage 7: btreeInitPage() returns error code 11'] });
    expect(await started.check()).toBe(false);
    expect(await backup).toEqual({ ok: false, error: { code: 'database_damaged', message: DAMAGED } });
    expect(backupNames(app.dir)).toEqual(before);
  });

  it('恢复界面能用：从检查发现损坏之前的备份恢复后照常读写，损坏的文件另存在 damaged 里', async () => {
    app = await quietlyDamaged();
    const good = await app.ok('backups.list', {});
    const found = watch(app, realCheck);
    expect(await found.check()).toBe(false);

    const listed = await app.ok('backups.list', {});
    expect(listed.map((b) => b.fileName)).toEqual(good.map((b) => b.fileName));
    await app.ok('backups.restore', { fileName: good[0].fileName });
    const status = await app.ok('app.status', {});
    expect(status.damage).toBeNull();
    expect(status.fullCheck.state).toBe('waiting');
    expect((await app.ok('settings.update', { cityName: '湘潭市' })).cityName).toBe('湘潭市');
    expect(fs.readdirSync(path.join(app.dir, 'damaged')).some((n) => n.startsWith('损坏的数据-'))).toBe(true);
  });
});

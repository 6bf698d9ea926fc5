import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/contract';
import { openAppContext, type AppContext } from '../../electron/services/app-context';
import { createBackup } from '../../electron/services/backup';
import { bundleChild, childEnv } from '../helpers/child-script';

// A kill at every step of a restore and of a move of the data folder: the next start must find either the old
// data or the new, never an empty office, and a restore's line in 变更记录 exactly when the restore happened.

let child: Awaited<ReturnType<typeof bundleChild>>;
beforeAll(async () => {
  child = await bundleChild('tests/helpers/children/swap-step.ts');
}, 60_000);
afterAll(() => child.remove());

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-swap-'));
  temps.push(dir);
  return dir;
}

async function must(ctx: AppContext, method: string, input: unknown): Promise<Record<string, unknown>> {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.data as Record<string, unknown>;
}

async function addProject(ctx: AppContext, name: string): Promise<void> {
  const chains = (await must(ctx, 'reference.list', {})).chains as { id: number }[];
  await must(ctx, 'projects.create', { name, owner: '某公司', chainId: chains[0].id, stage: 'reserve' });
}

/** A folder holding 旧项目 and 新项目, and a backup taken when it held only 旧项目. */
async function officeWithBackup(): Promise<{ dataDir: string; backup: string }> {
  const dataDir = path.join(tempDir(), 'data');
  const ctx = await openAppContext({ dataDir, today: () => '2026-11-28' });
  try {
    await must(ctx, 'app.initialize', { operatorName: '王会计', loadDemo: false });
    await addProject(ctx, '旧项目');
    const backup = path.basename(await createBackup(ctx, '测试'));
    await addProject(ctx, '新项目');
    return { dataDir, backup };
  } finally {
    await ctx.close();
  }
}

function runStep(
  dataDir: string,
  args: string[],
  crashAt: string | null,
): Promise<{ signal: string | null; out: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...childEnv(), ...(crashAt ? { ZDXM_CRASH_AT: crashAt } : {}) };
    const proc = spawn(process.execPath, [child.file, dataDir, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => resolve({ signal, out }));
  });
}

/** What the next start finds when the app is started on `dataDir` as before (an old shortcut, --data-dir). */
async function nextStart(dataDir: string) {
  const ctx = await openAppContext({ dataDir, today: () => '2026-11-28' });
  try {
    expect(ctx.damage).toBeNull();
    expect(ctx.startProblem).toBeNull();
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const names = ((await must(ctx, 'projects.list', {})) as unknown as { name: string }[]).map((p) => p.name).sort();
    const history = (await must(ctx, 'audit.list', {})) as unknown as { entries: { newValue: string | null }[] };
    const restoredLine = history.entries.some((e) => e.newValue?.includes('从备份') ?? false);
    return { names, restoredLine, notice: ctx.notice, dataDir: ctx.dataDir };
  } finally {
    await ctx.close();
  }
}

const RESTORE_STEPS = [
  'restore:start',
  'restore:copied',
  'restore:stamped',
  'restore:incoming',
  'restore:closed',
  'restore:asided',
  'restore:swapped',
  'restore:done',
];

const MOVE_STEPS = ['move:marked', 'move:copied', 'move:placed', 'move:noted', 'move:retired'];

describe('恢复与移动时强杀', { timeout: 180_000 }, () => {
  it('恢复的每一步被强杀后，下次启动看到恢复前或恢复后的数据，有恢复记录当且仅当已恢复', async () => {
    let intact = 0;
    for (const step of RESTORE_STEPS) {
      const { dataDir, backup } = await officeWithBackup();
      const run = await runStep(dataDir, ['restore', backup], step);
      expect(run.signal, `${step}: ${run.out}`).toBe('SIGKILL');
      const found = await nextStart(dataDir);
      const old = ['新项目', '旧项目'];
      const restored = ['旧项目'];
      expect([old, restored], step).toContainEqual(found.names);
      expect(found.restoredLine, step).toBe(found.names.length === 1);
      // a kill before the first file or after the last cleanup leaves nothing to settle or say
      const leftSomething = step !== 'restore:start' && step !== 'restore:done';
      if (leftSomething) expect(found.notice, step).toMatch(/上次从备份恢复/);
      else expect(found.notice, step).toBeNull();
      expect(
        fs.readdirSync(dataDir).filter((n) => n.includes('restore-')),
        step,
      ).toEqual([]);
      intact++;
    }
    console.log(`恢复强杀 ${intact}/${RESTORE_STEPS.length} 次后数据均完好`);
    expect(intact).toBe(RESTORE_STEPS.length);
  });

  it('旧版本在移开数据文件后、复制备份前被强杀（只剩 .restoring）：下次启动找回原数据，不是空白的办公室', async () => {
    const { dataDir } = await officeWithBackup();
    const file = path.join(dataDir, 'projects.sqlite');
    for (const suffix of ['', '-wal', '-shm']) {
      if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, `${file}.restoring${suffix}`);
    }
    const found = await nextStart(dataDir);
    expect(found.names).toEqual(['新项目', '旧项目']);
    expect(found.notice).toBe('上次从备份恢复时程序中途退出，恢复未完成；数据保持恢复前的样子，可重新恢复。');
  });

  it('移动数据文件夹的每一步被强杀后，从原位置启动仍看到全部数据；未完成的移动可以重试', async () => {
    let intact = 0;
    for (const step of MOVE_STEPS) {
      const { dataDir } = await officeWithBackup();
      const target = path.join(path.dirname(dataDir), '新位置');
      const run = await runStep(dataDir, ['move', target], step);
      expect(run.signal, `${step}: ${run.out}`).toBe('SIGKILL');
      const found = await nextStart(dataDir);
      expect(found.names, step).toEqual(['新项目', '旧项目']);
      if (found.dataDir === dataDir) {
        // the move did not commit: a retry clears its own half copy and goes through
        const retry = await runStep(dataDir, ['move', target], null);
        expect(retry.out, step).toBe('done\n');
      }
      const after = await nextStart(dataDir);
      expect(after.dataDir, step).toBe(target);
      expect(after.names, step).toEqual(['新项目', '旧项目']);
      expect(fs.existsSync(path.join(target, '.zdxm-moving.json')), step).toBe(false);
      expect(fs.existsSync(path.join(dataDir, 'projects.sqlite')), step).toBe(false);
      intact++;
    }
    console.log(`移动强杀 ${intact}/${MOVE_STEPS.length} 次后数据均完好`);
    expect(intact).toBe(MOVE_STEPS.length);
  });
});

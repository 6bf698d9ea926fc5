import type { FullCheckResult } from '../../db/full-check';
import { optimizeNow } from '../../db/maintenance';
import type { SqliteAppContext } from './app-context';
import { databaseFileOf } from './data-files';
import { fullCheckOffThread } from './integrity/check-off-thread';

// The full check of the data file (integrity_check + foreign_key_check) takes 10–20 s on an office's file of
// several years, so the start does only a bounded one (db/start-check.ts) and this watch runs the full one in a
// worker thread: once the app is up, before each automatic backup (backup-schedule.ts), and again whenever the
// last pass is a week old or the file was replaced (restore, move) — offices leave the app running for weeks.
// What it finds puts the app into recovery (AppContext.markDamaged).

const TICK_MS = 10 * 60 * 1000;
const RECHECK_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

export interface IntegrityWatch {
  /** runs the full check now (or joins the one under way); true when it found nothing wrong */
  check(): Promise<boolean>;
  stop(): void;
}

export interface IntegrityWatchOptions {
  run?: (databaseFile: string) => Promise<FullCheckResult>;
  tickMs?: number;
  now?: () => number;
}

export function startIntegrityWatch(ctx: SqliteAppContext, options: IntegrityWatchOptions = {}): IntegrityWatch {
  const run = options.run ?? fullCheckOffThread;
  const now = options.now ?? Date.now;
  let running: Promise<boolean> | null = null;

  const usable = () => !ctx.damage && !ctx.startProblem;

  async function checkOnce(): Promise<boolean> {
    for (;;) {
      if (!usable()) return false;
      const db = ctx.db;
      const before = ctx.fullCheck;
      ctx.fullCheck = { ...before, state: 'checking' };
      const result = await run(databaseFileOf(ctx.dataDir));
      // the file was replaced meanwhile (a restore, a move): what was read says nothing about the open one
      if (ctx.db !== db) continue;
      if (!usable()) return false;
      if (!result.ran) {
        console.error('full check of the data file could not run', result.reason);
        ctx.fullCheck = { ...before, state: before.state === 'passed' ? 'passed' : 'waiting' };
        return true;
      }
      if (result.problems.length) {
        ctx.markDamaged(result.problems);
        return false;
      }
      ctx.fullCheck = { state: 'passed', lastPassedAt: new Date(now()).toISOString() };
      return true;
    }
  }

  function check(): Promise<boolean> {
    if (running) return running;
    const started = checkOnce()
      .catch((error: unknown) => {
        console.error('full check of the data file failed', error);
        return true;
      })
      .finally(() => {
        running = null;
        if (ctx.fullCheckRunning === started) ctx.fullCheckRunning = null;
      });
    running = started;
    ctx.fullCheckRunning = started;
    return started;
  }

  function due(): boolean {
    const { state, lastPassedAt } = ctx.fullCheck;
    if (state === 'waiting') return true;
    return state === 'passed' && lastPassedAt !== null && now() - Date.parse(lastPassedAt) >= RECHECK_AFTER_MS;
  }

  const timer = setInterval(() => {
    if (!usable()) return;
    try {
      optimizeNow(ctx.db);
    } catch (error) {
      console.error('PRAGMA optimize failed', error);
    }
    if (due()) void check();
  }, options.tickMs ?? TICK_MS);
  timer.unref();
  void check();
  return { check, stop: () => clearInterval(timer) };
}

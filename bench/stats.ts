import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../electron/contract';
import { initializeApp } from '../electron/handlers/app';
import { openAppContext, type SqliteAppContext } from '../electron/services/app-context';
import { seedDispatchHistory } from './dispatch';
import { printGoalTable, type Goal } from './full/goals';
import { seedProjects } from './library';
import { seedMilestones } from './lights';
import { mediansTakingTurns, reportFigure, type Figure } from './timing';

/** 统计排名 of 5,000 projects is a screen: at most 200 ms, and at most 2× the bare read of its rows. */
export const STATS_MS = 200;
export const STATS_RATIO = 2;

const BASELINE = "bare projects + year's months to N";

/**
 * `stats.ranking` (the current month with today's lights, and a past month from its weekly snapshot) and the
 * two screens that now count through the same definitions, each beside bare SELECTs of the rows they read,
 * all taking turns. Returns the goal of `stats.ranking` at the current month.
 */
export async function benchStats(ctx: SqliteAppContext, today: string, methods = true): Promise<Goal> {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const projects = ctx.db.prepare('SELECT * FROM projects');
  const months = ctx.db.prepare('SELECT * FROM monthly_investments WHERE year = ? AND month <= ?');
  const call = async (method: string, input: unknown) => {
    const result = await dispatch(ctx, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.data;
  };
  const cases: [label: string, work: () => unknown][] = [
    ...(methods
      ? ([
          [
            `stats.ranking by unit, ${month}月 (today's lights)`,
            () => call('stats.ranking', { year, month, by: 'unit' }),
          ],
          [`stats.ranking by chainLead, ${month}月`, () => call('stats.ranking', { year, month, by: 'chainLead' })],
          [
            `stats.ranking by unit, ${month - 1}月 (snapshot)`,
            () => call('stats.ranking', { year, month: month - 1, by: 'unit' }),
          ],
        ] as [string, () => unknown][])
      : []),
    ['overview.dashboard', () => call('overview.dashboard', {})],
    ['overview.chainLeads', () => call('overview.chainLeads', {})],
  ];
  const [bare, ...times] = await mediansTakingTurns(7, [
    () => [projects.all(), months.all(year, month)],
    ...cases.map(([, work]) => work),
  ]);
  const figures: Figure[] = cases.map(([label], i) =>
    reportFigure({ label, ms: times[i], baselineLabel: BASELINE, baselineMs: bare }),
  );
  const ranking = figures[0];
  return {
    name: '统计排名: stats.ranking (5,000 projects)',
    figure: methods ? ranking.ms : null,
    unit: 'ms',
    limit: STATS_MS,
    maxRatio: STATS_RATIO,
    baseline: { label: BASELINE, value: bare },
  };
}

/**
 * `npm run bench -- --only stats`: 5,000 projects with 20 nodes each and five years of weeks, then 统计排名,
 * the 工作台 and the 链长 view. With `--before` it leaves out stats.ranking (for a run on a branch without it).
 */
export async function benchStatsSlice(argv: readonly string[]): Promise<void> {
  const today = '2026-11-28';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-bench-stats-'));
  const ctx = await openAppContext({ dataDir: dir, today: () => today });
  try {
    await initializeApp(ctx, '基准测试', false);
    await seedProjects(ctx.store, 5_000, 2026);
    seedMilestones(ctx.db, 20, 'spread');
    seedDispatchHistory(ctx.db, today, 261);
    console.log('5,000 projects, 20 nodes each, five years of weekly entries; median of 7, taking turns:');
    const goal = await benchStats(ctx, today, !argv.includes('--before'));
    printGoalTable({ title: 'Goals (issue #16)', goals: [goal], lastLine: 'stats goals met' });
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

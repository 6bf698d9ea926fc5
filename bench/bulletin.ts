import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../electron/contract';
import { initializeApp } from '../electron/handlers/app';
import { openAppContext, type SqliteAppContext } from '../electron/services/app-context';
import type { BulletinPrint } from '../db/model/bulletin';
import { bulletinChartSvgs } from '../renderer/print/bulletin-charts';
import { seedDispatchHistory } from './dispatch';
import { seedProjects } from './library';
import { mediansTakingTurns, reportFigure } from './timing';

/**
 * 月度通报 of 5,000 projects: its data (two rankings, the red list, the month's totals) for a past month (lights
 * from the month's last 调度表) and the current one (today's lights), its xlsx, and its two charts drawn as SVG,
 * beside a bare read of what the statistics read of every project and one `stats.ranking`.
 */
export async function benchBulletin(ctx: SqliteAppContext): Promise<void> {
  const bareRead = ctx.db.prepare(`SELECT p.id, p.stage, p.planned_start_date, p.actual_start_date,
      p.planned_completion_date, p.actual_completion_date, p.total_investment_yuan, p.annual_plan_yuan,
      (SELECT SUM(mi.amount_yuan) FROM monthly_investments mi WHERE mi.project_id = p.id AND mi.year = 2026),
      p.in_statistics, p.lead_unit_id, p.park_id, p.chain_id FROM projects p ORDER BY p.id`);
  const call = async (method: string, input: unknown) => {
    const result = await dispatch(ctx, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.data;
  };
  const past = { year: 2026, month: 10 };
  const current = { year: 2026, month: 11 };
  const data = (await call('bulletin.printData', current)) as BulletinPrint;
  const [bare, ranking, pastMonth, currentMonth, xlsx, charts] = await mediansTakingTurns(7, [
    () => bareRead.raw().all(),
    () => call('stats.ranking', { ...current, by: 'unit' }),
    () => call('bulletin.printData', past),
    () => call('bulletin.printData', current),
    () => call('bulletin.export', current),
    () => bulletinChartSvgs(data),
  ]);
  const baselineLabel = 'bare SELECT of the projects with their year sums';
  const figure = (label: string, ms: number) => reportFigure({ label, ms, baselineLabel, baselineMs: bare });
  figure('stats.ranking by unit, November', ranking);
  figure('bulletin.printData, October (lights of its last 调度表)', pastMonth);
  figure("bulletin.printData, November (today's lights)", currentMonth);
  figure('bulletin.export (xlsx), November', xlsx);
  figure(`the two charts as SVG (${data.byUnit.rows.length} units)`, charts);
}

/** `npm run bench -- --only bulletin`: 5,000 projects with five years of weeks, then the bulletin alone. */
export async function benchBulletinSlice(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-bench-bulletin-'));
  const ctx = await openAppContext({ dataDir: dir, today: () => '2026-11-28' });
  try {
    await initializeApp(ctx, '基准测试', false);
    await seedProjects(ctx.store, 5_000, 2026);
    seedDispatchHistory(ctx.db, '2026-11-28', 261);
    console.log('月度通报: 5,000 projects, five years of weekly entries; median of 7, taking turns:');
    await benchBulletin(ctx);
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

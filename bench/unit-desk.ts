import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { weekCode } from '../db/dispatch-format';
import { dispatch } from '../electron/contract';
import { initializeApp } from '../electron/handlers/app';
import { openAppContext, type SqliteAppContext } from '../electron/services/app-context';
import { seedDispatchHistory } from './dispatch';
import { seedProjects } from './library';
import { mediansTakingTurns, reportFigure } from './timing';

/**
 * 责任单位填报: one unit's page (its 750 projects of 5,000: lead of 250, a 责任单位 of 500) in one read, beside
 * what the page cost before `unitDesk.get`: the office's whole week, month grid and problem list, which a page
 * would have had to read and narrow to the unit.
 */
export async function benchUnitDesk(ctx: SqliteAppContext, week: string): Promise<void> {
  const unit = ctx.db.prepare('SELECT id, name FROM units ORDER BY id LIMIT 1').get() as { id: number; name: string };
  const bareProjects = ctx.db.prepare(
    `SELECT p.* FROM projects p WHERE p.lead_unit_id = ?
       OR EXISTS (SELECT 1 FROM project_units pu WHERE pu.project_id = p.id AND pu.unit_id = ?)`,
  );
  const bareEntries = ctx.db.prepare(
    `SELECT e.* FROM dispatch_rows e WHERE e.week IN (?, ?) AND e.project_id IN (
       SELECT p.id FROM projects p WHERE p.lead_unit_id = ?
         OR EXISTS (SELECT 1 FROM project_units pu WHERE pu.project_id = p.id AND pu.unit_id = ?))`,
  );
  const [previous, current] = [weekCode(week) - 1, weekCode(week)];
  const call = async (method: string, input: unknown) => {
    const result = await dispatch(ctx, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.data;
  };
  const [bare, before, after] = await mediansTakingTurns(7, [
    () => [bareProjects.all(unit.id, unit.id), bareEntries.all(previous, current, unit.id, unit.id)],
    async () => {
      await call('dispatch.week', { week });
      await call('investment.grid', {});
      await call('problems.list', {});
    },
    () => call('unitDesk.get', { unitId: unit.id, week }),
  ]);
  const count = (bareProjects.all(unit.id, unit.id) as unknown[]).length.toLocaleString('en-US');
  const baselineLabel = "bare SELECT of the unit's projects + 2 weeks";
  reportFigure({
    label: `unit page before: week + month grid + problems (all)`,
    ms: before,
    baselineLabel,
    baselineMs: bare,
  });
  reportFigure({ label: `unitDesk.get, one unit of ${count} projects`, ms: after, baselineLabel, baselineMs: bare });
}

/** `npm run bench -- --only unitdesk`: 5,000 projects with five years of weeks, then the unit's page alone. */
export async function benchUnitDeskSlice(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-bench-unitdesk-'));
  const ctx = await openAppContext({ dataDir: dir, today: () => '2026-11-28' });
  try {
    await initializeApp(ctx, '基准测试', false);
    await seedProjects(ctx.store, 5_000, 2026);
    seedDispatchHistory(ctx.db, '2026-11-28', 261);
    console.log('5,000 projects, five years of weekly entries; median of 7, taking turns:');
    await benchUnitDesk(ctx, '2026-W48');
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

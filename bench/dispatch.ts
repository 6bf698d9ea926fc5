import type { Db } from '../db/connection';
import { shiftWeek, weekOf } from '../db/model/weeks';
import { dispatch } from '../electron/contract';
import type { AppContext } from '../electron/services/app-context';
import { medianMs, reportFigure, type Figure } from './timing';
import { inTransaction } from '../db/transaction';

/** Five years of weekly entries for every project: 5,000 × 261 ≈ 1.3 million rows. */
export function seedDispatchHistory(db: Db, today: string, weeks: number): number {
  const all = (db.prepare('SELECT id FROM projects').all() as { id: number }[]).map((r) => r.id);
  const insert = db.prepare(
    `INSERT INTO dispatch_entries (project_id, week, progress, problems, coordination, next_plan, confirmed,
       snapshot_stage, snapshot_light, snapshot_reasons, snapshot_year_completed_yuan, snapshot_total_investment_yuan,
       updated_at, updated_by)
     VALUES (?, ?, ?, ?, '', ?, 1, 'continuing', 'green', '[]', ?, 0, '2026-01-01T00:00:00Z', '基准测试')`,
  );
  const current = weekOf(today).key;
  let count = 0;
  inTransaction(db, () => {
    for (let back = weeks; back >= 1; back--) {
      const week = shiftWeek(current, -back).key;
      for (const id of all) {
        insert.run(
          id,
          week,
          `第${back}周前：主体结构施工，完成投资约${back}%`,
          back % 7 === 0 ? '施工用电未接通' : '',
          '继续推进',
          back,
        );
        count++;
      }
    }
  });
  return count;
}

export async function benchDispatch(ctx: AppContext, week: string): Promise<{ printData: Figure; grid: Figure }> {
  const bareWeek = ctx.db.prepare('SELECT * FROM dispatch_entries WHERE week = ?');
  const bareProjects = ctx.db.prepare('SELECT * FROM projects');
  const bare = await medianMs(7, () => [bareWeek.all(week), bareProjects.all()]);
  const list = await medianMs(7, () =>
    dispatch(ctx, 'dispatch.printData', { week, groupBy: 'chainLead', scope: 'all' }),
  );
  const grid = await medianMs(7, () => dispatch(ctx, 'dispatch.week', { week }));
  const baselineLabel = "bare SELECT of the week's entries + projects";
  const count = (ctx.db.prepare('SELECT COUNT(*) AS n FROM projects').get() as { n: number }).n.toLocaleString('en-US');
  return {
    printData: reportFigure({
      label: `dispatch list data, ${count} projects, one week`,
      ms: list,
      baselineLabel,
      baselineMs: bare,
    }),
    grid: reportFigure({ label: 'dispatch entry grid (with copy-forward)', ms: grid, baselineLabel, baselineMs: bare }),
  };
}

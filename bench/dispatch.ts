import { AuditFileStore } from '../db/audit-file-store';
import type { Db } from '../db/connection';
import { weekCode } from '../db/dispatch-format';
import { shiftWeek, weekOf } from '../db/model/weeks';
import { dispatch } from '../electron/contract';
import type { SqliteAppContext } from '../electron/services/app-context';
import { medianMs, reportFigure, type Figure } from './timing';
import { inTransaction } from '../db/transaction';

/** A week's stored entries with their texts: the bare read of what the grid and the list are made from. */
export const BARE_ENTRIES = `
  SELECT e.*, u.name, t1.text, t2.text, t3.text, t4.text, t5.text
  FROM dispatch_rows e
  JOIN audit_names u ON u.id = e.updated_by
  LEFT JOIN audit_texts t1 ON t1.id = e.progress_text
  LEFT JOIN audit_texts t2 ON t2.id = e.problems_text
  LEFT JOIN audit_texts t3 ON t3.id = e.coordination_text
  LEFT JOIN audit_texts t4 ON t4.id = e.next_plan_text
  LEFT JOIN audit_texts t5 ON t5.id = e.reasons_text`;

/** Five years of weekly entries for every project: 5,000 × 261 ≈ 1.3 million rows. */
export function seedDispatchHistory(db: Db, today: string, weeks: number): number {
  const all = (db.prepare('SELECT id FROM projects').all() as { id: number }[]).map((r) => r.id);
  // stored as migration 0090 lays them out (db/dispatch-format.ts): texts interned, stage 3 = 续建, light 0 = 绿
  const insert = db.prepare(
    `INSERT INTO dispatch_rows (project_id, week, progress_text, problems_text, coordination_text, next_plan_text,
       confirmed, stage, light, reasons_text, year_completed_yuan, total_investment_yuan, updated_at, updated_by)
     VALUES (?, ?, ?, ?, NULL, ?, 1, 3, 0, NULL, ?, 0, ?, ?)`,
  );
  const current = weekOf(today).key;
  const at = Date.parse('2026-01-01T00:00:00Z');
  let count = 0;
  inTransaction(db, () => {
    const store = new AuditFileStore(db);
    const by = store.nameId('基准测试');
    const plan = store.textId('继续推进');
    const power = store.textId('施工用电未接通');
    for (let back = weeks; back >= 1; back--) {
      const week = weekCode(shiftWeek(current, -back).key);
      const progress = store.textId(`第${back}周前：主体结构施工，完成投资约${back}%`);
      for (const id of all) {
        insert.run(id, week, progress, back % 7 === 0 ? power : null, plan, back, at, by);
        count++;
      }
    }
  });
  return count;
}

export async function benchDispatch(ctx: SqliteAppContext, week: string): Promise<{ printData: Figure; grid: Figure }> {
  const bareWeek = ctx.db.prepare(`${BARE_ENTRIES} WHERE e.week = ?`);
  const bareProjects = ctx.db.prepare('SELECT * FROM projects');
  const bare = await medianMs(7, () => [bareWeek.all(weekCode(week)), bareProjects.all()]);
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

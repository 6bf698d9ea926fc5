import type { Store } from '../store/store';
import { sql } from '../sql';

/** “1—N月”: the latest month any project has reported for the plan year (the office reports all at once). */
export async function reportedMonthsOf(store: Store, year: number): Promise<number> {
  return (
    (
      await store.get<{ months: number | null }>(
        sql`SELECT MAX(month) AS months FROM monthly_investments WHERE year = ${year}`,
      )
    )?.months ?? 0
  );
}

/** Every reported month of one year, as project → 12 figures (null where nothing is reported). */
export async function monthlyFiguresOf(store: Store, year: number): Promise<Map<number, (number | null)[]>> {
  const figures = await store.all<{ projectId: number; month: number; amountYuan: number }>(
    sql`SELECT project_id AS "projectId", month, amount_yuan AS "amountYuan" FROM monthly_investments WHERE year = ${year}`,
  );
  const byProject = new Map<number, (number | null)[]>();
  for (const f of figures) {
    const months = byProject.get(f.projectId) ?? new Array<number | null>(12).fill(null);
    months[f.month - 1] = f.amountYuan;
    byProject.set(f.projectId, months);
  }
  return byProject;
}

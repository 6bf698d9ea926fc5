import type { Db } from '../connection';
import { all, get, sql } from '../sql';

/** “1—N月”: the latest month any project has reported for the plan year (the office reports all at once). */
export function reportedMonthsOf(db: Db, year: number): number {
  return (
    get<{ months: number | null }>(db, sql`SELECT MAX(month) AS months FROM monthly_investments WHERE year = ${year}`)
      ?.months ?? 0
  );
}

/** Every reported month of one year, as project → 12 figures (null where nothing is reported). */
export function monthlyFiguresOf(db: Db, year: number): Map<number, (number | null)[]> {
  const figures = all<{ projectId: number; month: number; amountYuan: number }>(
    db,
    sql`SELECT project_id AS projectId, month, amount_yuan AS amountYuan FROM monthly_investments WHERE year = ${year}`,
  );
  const byProject = new Map<number, (number | null)[]>();
  for (const f of figures) {
    const months = byProject.get(f.projectId) ?? new Array<number | null>(12).fill(null);
    months[f.month - 1] = f.amountYuan;
    byProject.set(f.projectId, months);
  }
  return byProject;
}

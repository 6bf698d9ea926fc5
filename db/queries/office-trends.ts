import { LIGHT_CODES, weekCode } from '../dispatch-format';
import type { WeekLights } from '../model/office-trends';
import type { WeekKey } from '../model/weeks';
import { sql } from '../sql';
import type { Store } from '../store/store';

/**
 * Each week's red, yellow and green projects as the weekly snapshots kept them, for `weeks` (consecutive, oldest
 * first): one grouped read over the week index, whatever the number of weeks or projects.
 */
export async function lightsByWeek(store: Store, weeks: readonly WeekKey[]): Promise<WeekLights[]> {
  if (!weeks.length) return [];
  const counts = new Map(weeks.map((week) => [weekCode(week), { week, red: 0, yellow: 0, green: 0 }]));
  const rows = await store.allRaw<[week: number, light: number, count: number]>(
    sql`SELECT week, light, COUNT(*) FROM dispatch_rows
        WHERE week BETWEEN ${weekCode(weeks[0])} AND ${weekCode(weeks[weeks.length - 1])}
        GROUP BY week, light`,
  );
  for (const [week, light, count] of rows) {
    const entry = counts.get(week);
    if (!entry) continue;
    if (light === LIGHT_CODES.red) entry.red = count;
    else if (light === LIGHT_CODES.yellow) entry.yellow = count;
    else entry.green = count;
  }
  return [...counts.values()];
}

/** The office's completed investment of each month of `year` (null where no project reported that month). */
export async function monthlyTotalsOf(store: Store, year: number): Promise<(number | null)[]> {
  const months = new Array<number | null>(12).fill(null);
  const rows = await store.allRaw<[month: number, amountYuan: number]>(
    sql`SELECT month, SUM(amount_yuan) FROM monthly_investments WHERE year = ${year} GROUP BY month`,
  );
  for (const [month, amountYuan] of rows) months[month - 1] = amountYuan;
  return months;
}

/** 本年计划投资 of every project: the same sum the 工作台's figures make. */
export async function annualPlanTotal(store: Store): Promise<number> {
  const row = await store.getRaw<[total: number | null]>(sql`SELECT SUM(annual_plan_yuan) FROM projects`);
  return row?.[0] ?? 0;
}

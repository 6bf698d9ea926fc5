import { LIGHTS_BY_CODE, weekCode, weekKeyOf } from '../dispatch-format';
import type { LightLevel } from '../model/lights';
import { weeksOfMonth } from '../model/stat-month-weeks';
import type { WeekKey } from '../model/weeks';
import type { Store } from '../store/store';
import { sql } from '../sql';

/** A past month's lights: those of its last weekly snapshot, each project's as that week's 调度表 kept it. */
export interface MonthLights {
  week: WeekKey;
  lights: Map<number, LightLevel>;
}

/** The lights of the last week of the month that has any 周调度 rows; undefined when none has (无记录). */
export async function lastSnapshotLightsOf(
  store: Store,
  year: number,
  month: number,
): Promise<MonthLights | undefined> {
  const { first, last } = weeksOfMonth(year, month);
  const latest = await store.get<{ week: number | null }>(
    sql`SELECT MAX(week) AS week FROM dispatch_rows WHERE week BETWEEN ${weekCode(first.key)} AND ${weekCode(last.key)}`,
  );
  if (latest?.week == null) return undefined;
  const rows = await store.allRaw<[projectId: number, light: number]>(
    sql`SELECT project_id, light FROM dispatch_rows WHERE week = ${latest.week}`,
  );
  return {
    week: weekKeyOf(latest.week),
    lights: new Map(rows.map(([projectId, light]) => [projectId, LIGHTS_BY_CODE[light]])),
  };
}

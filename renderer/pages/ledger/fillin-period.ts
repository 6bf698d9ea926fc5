import type { FillinPeriod } from '../../../electron/api-spec';
import { parseWeek, shiftWeek, weekLabel, type DispatchWeek } from '../../../db/model/weeks';

// The one period the whole 填报表 panel works on: a dispatch week or a month of the plan year.

export type PeriodKind = FillinPeriod['kind'];

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = { week: '周调度', month: '月度投资' };

/** How many weeks back the list offers; older weeks are still reached with 上一周. */
const WEEKS_BACK = 12;

/**
 * The month a month sheet opens on, and the last one offered (nobody reports investment for a month that has
 * not begun): today's month in the plan year, else the plan year's nearer end.
 */
export function currentMonth(today: string, planYear: number): number {
  const year = Number(today.slice(0, 4));
  if (year < planYear) return 1;
  if (year > planYear) return 12;
  return Number(today.slice(5, 7));
}

/** Next week is open for clerks who send the sheets out early, as on the 周调度 page. */
export function latestWeek(current: DispatchWeek): DispatchWeek {
  return shiftWeek(current.key, 1);
}

function distance(week: DispatchWeek, current: DispatchWeek): string {
  if (week.key === current.key) return '本周';
  if (week.key === shiftWeek(current.key, -1).key) return '上周';
  if (week.key === shiftWeek(current.key, 1).key) return '下周';
  return '';
}

export interface WeekOption {
  value: string;
  label: string;
  /** 本周 / 上周 / 下周, shown beside the label */
  hint: string;
}

/** Next week, this week and the twelve before it, newest first; a week reached by 上一周 is kept in the list. */
export function weekOptions(current: DispatchWeek, selected: string): WeekOption[] {
  const weeks: DispatchWeek[] = [];
  for (let n = 1; n >= -WEEKS_BACK; n -= 1) weeks.push(shiftWeek(current.key, n));
  if (!weeks.some((w) => w.key === selected)) {
    weeks.push(shiftWeek(selected, 0));
    weeks.sort((a, b) => b.start.localeCompare(a.start));
  }
  return weeks.map((week) => ({ value: week.key, label: weekLabel(week), hint: distance(week, current) }));
}

export function periodOf(kind: PeriodKind, week: string, year: number, month: number): FillinPeriod {
  return kind === 'week' ? { kind, week } : { kind, year, month };
}

/** 2026年第48周（11月23日—11月29日） or 2026年11月 */
export function periodText(period: FillinPeriod): string {
  if (period.kind === 'month') return `${period.year}年${period.month}月`;
  const week = parseWeek(period.week);
  return week ? weekLabel(week) : period.week;
}

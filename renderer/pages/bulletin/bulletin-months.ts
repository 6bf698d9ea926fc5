import { monthOf, yearOf } from '../../../db/model/dates';

/** The months of the plan year that can be reported on: all twelve of a past year, up to this month of this one. */
export function bulletinMonths(planYear: number, today: string): number[] {
  const last = planYear < yearOf(today) ? 12 : planYear === yearOf(today) ? monthOf(today) : 0;
  return Array.from({ length: last }, (_, i) => i + 1);
}

/** The month a bulletin is usually made for: the last one that has ended, else the current one. */
export function defaultBulletinMonth(months: readonly number[], planYear: number, today: string): number {
  if (!months.length) return 1;
  const current = planYear === yearOf(today) ? monthOf(today) : 13;
  const ended = months.filter((m) => m < current);
  return ended.length ? ended[ended.length - 1] : months[months.length - 1];
}

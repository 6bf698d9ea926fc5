import { differenceInCalendarDays, endOfMonth, getDaysInYear, parseISO } from 'date-fns';
import { yearOf } from './dates';

export const TIME_PROGRESS_MODES = ['reported_months', 'elapsed_days'] as const;
export type TimeProgressMode = (typeof TIME_PROGRESS_MODES)[number];
export const TIME_PROGRESS_MODE_LABELS: Record<TimeProgressMode, string> = {
  reported_months: '按已关账月份（1—N月 ÷ 12）',
  elapsed_days: '按已过天数（已过天数 ÷ 全年天数）',
};

/** 时序进度 (序时进度) of the plan year as a fraction 0–1; by months, N is the last month the office closed. */
export function timeProgress(mode: TimeProgressMode, planYear: number, today: string, closedMonths: number): number {
  if (mode === 'reported_months') return Math.min(Math.max(closedMonths, 0), 12) / 12;
  const year = yearOf(today);
  if (year < planYear) return 0;
  if (year > planYear) return 1;
  const elapsed = differenceInCalendarDays(parseISO(today), parseISO(`${planYear}-01-01`)) + 1;
  return elapsed / getDaysInYear(parseISO(today));
}

/** The office's 时序进度 as a project page shows it: the fraction, and what it is counted from. */
export interface OfficeTimeProgress {
  value: number;
  /** 1—10月已关账 / 尚未关账 / 按已过天数 */
  basis: string;
}

export function officeTimeProgress(mode: TimeProgressMode, value: number, closedMonths: number): OfficeTimeProgress {
  if (mode === 'elapsed_days') return { value, basis: '按已过天数' };
  const basis = closedMonths === 0 ? '尚未关账' : closedMonths === 1 ? '1月已关账' : `1—${closedMonths}月已关账`;
  return { value, basis };
}

/**
 * 序时进度 at the end of month N of a year, as a statistic for that month reads it: N ÷ 12 by months; by days,
 * the days from 1 January to the last day of month N ÷ the days in the year.
 */
export function timeProgressAtMonth(mode: TimeProgressMode, year: number, month: number): number {
  if (mode === 'reported_months') return month / 12;
  const start = parseISO(`${year}-01-01`);
  const monthEnd = endOfMonth(parseISO(`${year}-${String(month).padStart(2, '0')}-01`));
  return (differenceInCalendarDays(monthEnd, start) + 1) / getDaysInYear(start);
}

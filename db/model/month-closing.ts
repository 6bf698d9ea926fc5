import { monthOf, yearOf } from './dates';

// 月度关账: the office closes month N once every unit has reported it. 时序进度 counts closed months only, so a
// figure typed early (a unit entering December in June) moves no other project's light. Figures for a month
// that has not begun are refused outright.

export interface MonthClosing {
  month: number;
  closedOn: string;
  closedBy: string;
}

export interface MonthClosingState {
  year: number;
  /** months 1…N are closed: 时序进度 is N ÷ 12 */
  closedThrough: number;
  closings: MonthClosing[];
  /** the latest month that has begun in this year (0 before the year, 12 after it) */
  currentMonth: number;
}

/** The latest month of `year` that has begun by `today`. */
export function monthsBegun(year: number, today: string): number {
  const todayYear = yearOf(today);
  if (todayYear < year) return 0;
  if (todayYear > year) return 12;
  return monthOf(today);
}

export function monthNotBegunIssue(year: number, month: number, today: string): string | null {
  if (month <= monthsBegun(year, today)) return null;
  return `${year}年${month}月尚未开始，不能填报该月完成投资（今天是${today}）`;
}

/** Months close in order, and only once they have begun. */
export function closeIssue(year: number, month: number, closedThrough: number, today: string): string | null {
  if (month <= closedThrough) return `${year}年${month}月已关账`;
  if (month !== closedThrough + 1) {
    return `请按月份顺序关账：先关账${year}年${closedThrough + 1}月`;
  }
  if (month > monthsBegun(year, today)) return `${year}年${month}月尚未开始，不能关账`;
  return null;
}

/** Only the latest closed month reopens, so closed months always run 1…N without a gap. */
export function reopenIssue(year: number, month: number, closedThrough: number): string | null {
  if (month > closedThrough) return `${year}年${month}月尚未关账`;
  if (month !== closedThrough) return `只能先重新打开最后关账的月份（${year}年${closedThrough}月）`;
  return null;
}

/** N of “1—N月 ÷ 12”: the longest run of closed months from January. */
export function closedThroughOf(months: readonly number[]): number {
  const closed = new Set(months);
  let n = 0;
  while (closed.has(n + 1)) n++;
  return n;
}

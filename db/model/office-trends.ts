import type { WeekKey } from './weeks';

// The 工作台's two series over time: the weekly snapshots' lights, and the plan year's money month by month.

/** How many dispatch weeks the 工作台's light chart covers, and the most a caller may ask for. */
export const LIGHT_TREND_WEEKS = 12;
export const MAX_LIGHT_TREND_WEEKS = 52;

/** One dispatch week's lights as its snapshots keep them: only projects with an entry that week are counted. */
export interface WeekLights {
  week: WeekKey;
  red: number;
  yellow: number;
  green: number;
}

/** Oldest week first, ending with the current one; a week without any entry counts nothing. */
export interface LightTrend {
  weeks: WeekLights[];
}

/** The plan year's money for a month-by-month chart: the office's or one project's. */
export interface MonthlyInvestmentTrend {
  year: number;
  /** 本年计划投资 */
  annualPlanYuan: number;
  /** 1月 … 12月 completed, null where nothing is reported for that month */
  monthlyYuan: (number | null)[];
}

/**
 * 序时进度's money at the end of month N: 本年计划 × N ÷ 12. The office keeps no plan month by month, so this is
 * also the “cumulative plan” the charts draw: the year's plan spread evenly over its months.
 */
export function pacePlanYuan(annualPlanYuan: number, month: number): number {
  return Math.round((annualPlanYuan * month) / 12);
}

/** The last month with a reported figure (0 when none): the cumulative line stops there. */
export function lastReportedMonth(monthlyYuan: readonly (number | null)[]): number {
  for (let month = monthlyYuan.length; month > 0; month--) if (monthlyYuan[month - 1] !== null) return month;
  return 0;
}

/** 1—N月 cumulative completed for each month up to the last reported one; months after it are null. */
export function cumulativeYuan(monthlyYuan: readonly (number | null)[]): (number | null)[] {
  const last = lastReportedMonth(monthlyYuan);
  let total = 0;
  return monthlyYuan.map((amount, index) => {
    total += amount ?? 0;
    return index < last ? total : null;
  });
}

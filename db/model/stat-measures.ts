import { onNewStartList, type TargetInput } from './annual-targets';
import { yearOf } from './dates';

// What each statistic counts of one project, at the end of month N of a year (DOMAIN.md “Targets and
// statistics”). Dates are ISO days, so comparing them as text compares them as days.

/** 纳统率's threshold of 总投资 when the office has set none: 500万元. */
export const DEFAULT_STATISTICS_THRESHOLD_YUAN = 5_000_000;

/** The end of month N of the year asked: the day every “by then” below is counted at. */
export interface StatsMoment {
  year: number;
  month: number;
  /** YYYY-MM-DD, the last day of the month */
  monthEnd: string;
}

export interface MeasuredProject extends TargetInput {
  plannedCompletionDate: string | null;
  totalInvestmentYuan: number;
  inStatistics: boolean;
}

/** 开工率's denominator: on the year's 新开工 list (annual-targets.ts). */
export function onStartList(p: MeasuredProject, wasNewStart: boolean, at: StatsMoment): boolean {
  return onNewStartList(p, wasNewStart, at.year);
}

/** 开工率's numerator: started in the year, by the end of month N. */
export function startedBy(p: MeasuredProject, at: StatsMoment): boolean {
  return p.actualStartDate !== null && yearOf(p.actualStartDate) === at.year && p.actualStartDate <= at.monthEnd;
}

/** 按期竣工率's denominator: 计划竣工 in the year, up to the end of month N. */
export function completionDue(p: MeasuredProject, at: StatsMoment): boolean {
  const planned = p.plannedCompletionDate;
  return planned !== null && yearOf(planned) === at.year && planned <= at.monthEnd;
}

/** 按期竣工率's numerator: of those due, 实际竣工 on or before 计划竣工 (so by the end of month N too). */
export function completedOnTime(p: MeasuredProject, at: StatsMoment): boolean {
  return completionDue(p, at) && p.actualCompletionDate !== null && p.actualCompletionDate <= p.plannedCompletionDate!;
}

/** 纳统率's denominator: started by the end of month N, with 总投资 at or above the office's threshold. */
export function mustBeInStatistics(p: MeasuredProject, at: StatsMoment, thresholdYuan: number): boolean {
  return p.actualStartDate !== null && p.actualStartDate <= at.monthEnd && p.totalInvestmentYuan >= thresholdYuan;
}

/** 纳统率's numerator: of those, marked 纳统. */
export function inStatisticsAsRequired(p: MeasuredProject, at: StatsMoment, thresholdYuan: number): boolean {
  return mustBeInStatistics(p, at, thresholdYuan) && p.inStatistics;
}

import type { LightLevel } from './lights';
import { fraction, pointsAhead, type Fraction } from './stat-fraction';
import {
  completedOnTime,
  completionDue,
  inStatisticsAsRequired,
  mustBeInStatistics,
  onStartList,
  startedBy,
  type MeasuredProject,
  type StatsMoment,
} from './stat-measures';

/** One project as the statistics read it: its measured fields, its money of the year and its group's key. */
export interface StatsProject extends MeasuredProject {
  id: number;
  annualPlanYuan: number;
  /** 1—N月完成: the sum of its monthly figures of the year, months 1 to N */
  completedThroughMonthYuan: number;
}

/** The figures of one group of projects (or of all of them) at the end of month N. */
export interface GroupFigures {
  projectCount: number;
  totalInvestmentYuan: number;
  /** 本年计划 */
  annualPlanYuan: number;
  /** 1—N月完成 */
  completedYuan: number;
  /** 投资完成率 = 1—N月完成 ÷ 本年计划 */
  investmentRate: Fraction;
  /** 投资完成率 − 序时进度 in percentage points, unrounded; null without a plan */
  gapPoints: number | null;
  /** 开工率 = of the year's 新开工 list, those started in the year by the end of month N */
  startRate: Fraction;
  /** 按期竣工率 = of those due to complete in the year by the end of month N, those completed on time */
  onTimeCompletionRate: Fraction;
  /** 纳统率 = of those that must be 纳统 (started, 总投资 ≥ the threshold), those 纳统 */
  statisticsRate: Fraction;
  /** red and yellow lights; null when the month has no record of them (无记录) */
  red: number | null;
  yellow: number | null;
}

/** What every group's figures are read against: the moment, 序时进度 then, and the 纳统 threshold. */
export interface FiguresContext {
  at: StatsMoment;
  timeProgress: number;
  statisticsThresholdYuan: number;
  wasNewStart: ReadonlySet<number>;
  /** false when the month's lights are not known (no weekly snapshot in a past month) */
  lightsKnown: boolean;
}

/** Figures summed one project at a time, so a caller streaming thousands keeps none of them. */
export interface FiguresCounter {
  /** `light` null: the project has no light for the month (not on that week's 调度表) */
  add(project: StatsProject, light: LightLevel | null): void;
  figures(): GroupFigures;
}

export function figuresCounter(ctx: FiguresContext): FiguresCounter {
  let projectCount = 0;
  let totalInvestmentYuan = 0;
  let annualPlanYuan = 0;
  let completedYuan = 0;
  const start = { of: 0, done: 0 };
  const completion = { of: 0, done: 0 };
  const statistics = { of: 0, done: 0 };
  const lights = { red: 0, yellow: 0 };
  const { at, statisticsThresholdYuan: threshold } = ctx;
  return {
    add(p, light) {
      projectCount += 1;
      totalInvestmentYuan += p.totalInvestmentYuan;
      annualPlanYuan += p.annualPlanYuan;
      completedYuan += p.completedThroughMonthYuan;
      if (onStartList(p, ctx.wasNewStart.has(p.id), at)) {
        start.of += 1;
        if (startedBy(p, at)) start.done += 1;
      }
      if (completionDue(p, at)) {
        completion.of += 1;
        if (completedOnTime(p, at)) completion.done += 1;
      }
      if (mustBeInStatistics(p, at, threshold)) {
        statistics.of += 1;
        if (inStatisticsAsRequired(p, at, threshold)) statistics.done += 1;
      }
      if (light === 'red' || light === 'yellow') lights[light] += 1;
    },
    figures() {
      const investmentRate = fraction(completedYuan, annualPlanYuan);
      return {
        projectCount,
        totalInvestmentYuan,
        annualPlanYuan,
        completedYuan,
        investmentRate,
        gapPoints: investmentRate.value === null ? null : pointsAhead(investmentRate.value, ctx.timeProgress),
        startRate: fraction(start.done, start.of),
        onTimeCompletionRate: fraction(completion.done, completion.of),
        statisticsRate: fraction(statistics.done, statistics.of),
        red: ctx.lightsKnown ? lights.red : null,
        yellow: ctx.lightsKnown ? lights.yellow : null,
      };
    },
  };
}

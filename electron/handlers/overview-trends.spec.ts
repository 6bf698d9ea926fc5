import { z } from 'zod';
import { LIGHT_TREND_WEEKS, MAX_LIGHT_TREND_WEEKS } from '../../db/model/office-trends';
import type { LightTrend, MonthlyInvestmentTrend } from '../../db/model/office-trends';
import { method, planYear } from './spec-shared';

const trendWeeks = z
  .number({ error: `周数应为1—${MAX_LIGHT_TREND_WEEKS}` })
  .int({ error: `周数应为1—${MAX_LIGHT_TREND_WEEKS}` })
  .min(1, { error: `周数应为1—${MAX_LIGHT_TREND_WEEKS}` })
  .max(MAX_LIGHT_TREND_WEEKS, { error: `周数应为1—${MAX_LIGHT_TREND_WEEKS}` });

export const overviewTrendsSpec = {
  /** 红黄绿灯 of the last `weeks` dispatch weeks (12 unless asked), from the weekly snapshots */
  'overview.lightTrend': method<LightTrend>()(z.object({ weeks: trendWeeks.default(LIGHT_TREND_WEEKS) }).strict()),
  /** the office's completed investment month by month against its 本年计划 (the plan year unless asked) */
  'overview.monthlyInvestment': method<MonthlyInvestmentTrend>()(z.object({ year: planYear.optional() }).strict()),
};

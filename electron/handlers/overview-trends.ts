import type { LightTrend, MonthlyInvestmentTrend } from '../../db/model/office-trends';
import { shiftWeek, weekOf } from '../../db/model/weeks';
import { annualPlanTotal, lightsByWeek, monthlyTotalsOf } from '../../db/queries/office-trends';
import type { ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { planYearOf } from '../services/session';

export const overviewTrendHandlers = {
  'overview.lightTrend': async (ctx: AppContext, input: ParsedInput<'overview.lightTrend'>): Promise<LightTrend> => {
    const current = weekOf(ctx.today()).key;
    const weeks = Array.from({ length: input.weeks }, (_, i) => shiftWeek(current, i + 1 - input.weeks).key);
    return { weeks: await lightsByWeek(ctx.store, weeks) };
  },

  'overview.monthlyInvestment': async (
    ctx: AppContext,
    input: ParsedInput<'overview.monthlyInvestment'>,
  ): Promise<MonthlyInvestmentTrend> =>
    ctx.store.snapshot(async () => {
      const year = input.year ?? (await planYearOf(ctx));
      return {
        year,
        annualPlanYuan: await annualPlanTotal(ctx.store),
        monthlyYuan: await monthlyTotalsOf(ctx.store, year),
      };
    }),
};

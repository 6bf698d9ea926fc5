import { attractionStartMonthsOf, attractionStats, type AttractionStats } from '../../db/model/attraction';
import { attractionChains, attractionCohort } from '../../db/queries/attraction';
import { getSetting } from '../../db/queries/settings';
import type { ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { planYearOf } from '../services/session';

export const attractionHandlers = {
  'stats.attraction': async (ctx: AppContext, input: ParsedInput<'stats.attraction'>): Promise<AttractionStats> => {
    const today = ctx.today();
    const read = await ctx.store.snapshot(async () => {
      const year = input.year ?? (await planYearOf(ctx));
      return {
        year,
        defaultStartMonths: attractionStartMonthsOf(await getSetting(ctx.store, 'attractionStartMonths')),
        projects: await attractionCohort(ctx.store, year),
        chains: await attractionChains(ctx.store),
      };
    });
    return attractionStats({ ...read, today });
  },
};

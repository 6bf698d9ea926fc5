import { getSetting } from '../../db/queries/settings';
import type { ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { planYearOf } from '../services/session';
import { exportStatsRanking } from '../services/stats-export';
import { statsRanking } from '../services/stats-ranking';

export const statsHandlers = {
  'stats.ranking': async (ctx: AppContext, input: ParsedInput<'stats.ranking'>) =>
    ctx.store.snapshot(async () => statsRanking(ctx.store, input, await planYearOf(ctx), ctx.today())),

  'stats.export': async (ctx: AppContext, input: ParsedInput<'stats.export'>) => {
    const today = ctx.today();
    // the reads in one snapshot; the sheet is built after, without holding up anyone's write
    const { ranking, cityName } = await ctx.store.snapshot(async () => ({
      ranking: await statsRanking(ctx.store, input, await planYearOf(ctx), today),
      cityName: (await getSetting(ctx.store, 'cityName')) ?? '',
    }));
    return exportStatsRanking(ranking, { cityName, today });
  },
};

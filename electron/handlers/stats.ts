import type { ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { planYearOf } from '../services/session';
import { statsRanking } from '../services/stats-ranking';

export const statsHandlers = {
  'stats.ranking': async (ctx: AppContext, input: ParsedInput<'stats.ranking'>) =>
    ctx.store.snapshot(async () => statsRanking(ctx.store, input, await planYearOf(ctx), ctx.today())),
};

import { z } from 'zod';
import { STATS_BY } from '../../db/model/stat-grouping';
import type { StatsRanking } from '../../db/model/stat-ranking';
import { method, monthNumber, planYear } from './spec-shared';

export const statsSpec = {
  'stats.ranking': method<StatsRanking>()(
    z.object({ year: planYear, month: monthNumber, by: z.enum(STATS_BY, { error: '统计分组不正确' }) }).strict(),
  ),
};

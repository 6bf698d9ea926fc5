import { z } from 'zod';
import type { ExportedFile } from '../../db/model/exported-file';
import { STATS_BY } from '../../db/model/stat-grouping';
import type { StatsRanking } from '../../db/model/stat-ranking';
import { method, monthNumber, planYear } from './spec-shared';

const rankingInput = z
  .object({ year: planYear, month: monthNumber, by: z.enum(STATS_BY, { error: '统计分组不正确' }) })
  .strict();

export const statsSpec = {
  'stats.ranking': method<StatsRanking>()(rankingInput),
  /** 统计排名's table as an xlsx, column for column */
  'stats.export': method<ExportedFile>()(rankingInput),
};

import { z } from 'zod';
import type { AttractionStats } from '../../db/model/attraction';
import { method, planYear } from './spec-shared';

export const attractionSpec = {
  /** 招商 by chain and by 链长 for the projects signed in `year` (default: the plan year) */
  'stats.attraction': method<AttractionStats>()(z.object({ year: planYear.optional() }).strict()),
};

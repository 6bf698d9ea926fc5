import type { SupervisionItem } from '../../db/model/problems';
import { method, noInput } from './spec-shared';

export const supervisionSpec = {
  'supervision.overview': method<SupervisionItem[]>()(noInput),
};

import { z } from 'zod';
import type { UnitDesk } from '../../db/model/unit-desk';
import { recordId } from '../../db/model/validation';
import { method, monthNumber, weekKey } from './spec-shared';

export const unitDeskSpec = {
  // a unit user's own page; the office (and admin, leader) name the unit whose page they look at
  'unitDesk.get': method<UnitDesk>()(
    z.object({ week: weekKey.optional(), month: monthNumber.optional(), unitId: recordId('单位').optional() }).strict(),
  ),
};

import { AppError } from '../../db/errors';
import type { ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { currentCaller } from '../services/auth/caller';
import { unitDeskOf } from '../services/unit-desk';
import { weekFor } from './dispatch';

export const unitDeskHandlers = {
  'unitDesk.get': async (ctx: AppContext, input: ParsedInput<'unitDesk.get'>) => {
    const user = currentCaller()?.user;
    // a unit user always sees their own unit (the policy refused any other unitId already)
    const own = user?.role === 'unit' ? user.unitId : null;
    const unitId = own ?? input.unitId;
    if (unitId === undefined) throw new AppError('invalid_input', '请选择责任单位', 'unitId');
    return unitDeskOf(ctx, { unitId, asUnit: own !== null, week: weekFor(ctx, input.week), month: input.month });
  },
};

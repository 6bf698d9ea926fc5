import { z } from 'zod';
import type { MonthClosingState } from '../../db/model/month-closing';
import type { Stage } from '../../db/model/stages';
import { requiredText } from '../../db/model/validation';
import { method, monthNumber, planYear } from './spec-shared';

export interface MonthGridRow {
  projectId: number;
  code: string;
  name: string;
  stage: Stage;
  chainName: string;
  chainLead: string;
  annualPlanYuan: number;
  investedBeforeYearYuan: number;
  /** 1月 … 12月, null where nothing is reported */
  months: (number | null)[];
  yearCompletedYuan: number;
  sinceStartCompletedYuan: number;
}

export const investmentSpec = {
  'investment.grid': method<MonthGridRow[]>()(z.object({ year: planYear.optional() }).strict()),
  'investment.months': method<MonthClosingState>()(z.object({ year: planYear.optional() }).strict()),
  'investment.closeMonth': method<MonthClosingState>()(z.object({ year: planYear, month: monthNumber }).strict()),
  'investment.reopenMonth': method<MonthClosingState>()(
    z.object({ year: planYear, month: monthNumber, reason: requiredText('重新打开的原因', 200) }).strict(),
  ),
};

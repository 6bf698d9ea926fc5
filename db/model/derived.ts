import { sumYuan } from './money';
import type { MonthlyInvestment } from './project';

export interface DerivedFigures {
  yearCompletedYuan: number;
  sinceStartCompletedYuan: number;
  reportedMonths: number;
}

export function deriveFigures(investedBeforeYearYuan: number, monthly: readonly MonthlyInvestment[]): DerivedFigures {
  const yearCompletedYuan = sumYuan(monthly.map((m) => m.amountYuan));
  return {
    yearCompletedYuan,
    sinceStartCompletedYuan: investedBeforeYearYuan + yearCompletedYuan,
    reportedMonths: monthly.reduce((latest, m) => Math.max(latest, m.month), 0),
  };
}

/** 年度投资完成率 as a fraction, null without a plan. */
export function annualCompletionRate(yearCompletedYuan: number, annualPlanYuan: number): number | null {
  return annualPlanYuan > 0 ? yearCompletedYuan / annualPlanYuan : null;
}

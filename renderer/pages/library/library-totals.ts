import { formatPercent } from '../../../db/model/money';
import type { ProjectListRow } from '../../../db/model/project-list';

export interface LibraryTotals {
  count: number;
  totalInvestmentYuan: number;
  annualPlanYuan: number;
  yearCompletedYuan: number;
  sinceStartCompletedYuan: number;
  /** overall 完成率: Σ本年完成 / Σ本年计划, '' without any plan */
  completionRate: string;
}

/** Sums integer yuan, so the 万元 shown is exact whatever the number of rows. */
export function libraryTotals(projects: readonly ProjectListRow[]): LibraryTotals {
  let totalInvestmentYuan = 0;
  let annualPlanYuan = 0;
  let yearCompletedYuan = 0;
  let sinceStartCompletedYuan = 0;
  for (const p of projects) {
    totalInvestmentYuan += p.totalInvestmentYuan;
    annualPlanYuan += p.annualPlanYuan;
    yearCompletedYuan += p.yearCompletedYuan;
    sinceStartCompletedYuan += p.sinceStartCompletedYuan;
  }
  return {
    count: projects.length,
    totalInvestmentYuan,
    annualPlanYuan,
    yearCompletedYuan,
    sinceStartCompletedYuan,
    completionRate: formatPercent(yearCompletedYuan, annualPlanYuan),
  };
}

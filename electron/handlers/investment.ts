import { listProjects } from '../../db/queries/projects-read';
import { monthlyFiguresOf } from '../../db/queries/office-figures';
import type { MonthGridRow, ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { planYearOf } from './session';

export const investmentHandlers = {
  /** 月度投资: every started project's 12 months of one year, for the entry grid. */
  'investment.grid': async (ctx: AppContext, input: ParsedInput<'investment.grid'>): Promise<MonthGridRow[]> => {
    const year = input.year ?? planYearOf(ctx);
    const byProject = monthlyFiguresOf(ctx.db, year);
    return listProjects(ctx.db, year)
      .filter((p) => p.stage === 'new_start' || p.stage === 'continuing' || byProject.has(p.id))
      .map((p) => ({
        projectId: p.id,
        code: p.code,
        name: p.name,
        stage: p.stage,
        chainName: p.chainName,
        chainLead: p.chainLead,
        annualPlanYuan: p.annualPlanYuan,
        investedBeforeYearYuan: p.investedBeforeYearYuan,
        months: byProject.get(p.id) ?? new Array<number | null>(12).fill(null),
        yearCompletedYuan: p.yearCompletedYuan,
        sinceStartCompletedYuan: p.sinceStartCompletedYuan,
      }));
  },
};

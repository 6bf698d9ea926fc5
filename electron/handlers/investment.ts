import { AppError } from '../../db/errors';
import { closeIssue, monthsBegun, reopenIssue, type MonthClosingState } from '../../db/model/month-closing';
import { closedThroughMonth, closingsOf, deleteClosing, insertClosing } from '../../db/queries/month-closings';
import { listProjects } from '../../db/queries/projects-read';
import { monthlyFiguresOf } from '../../db/queries/office-figures';
import type { MonthGridRow, ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { planYearOf, writeMeta } from '../services/session';
import { inTransaction } from '../../db/transaction';

function closingState(ctx: AppContext, year: number): MonthClosingState {
  const closings = closingsOf(ctx.db, year);
  return {
    year,
    closedThrough: closedThroughMonth(ctx.db, year),
    closings,
    currentMonth: monthsBegun(year, ctx.today()),
  };
}

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

  'investment.months': async (ctx: AppContext, input: ParsedInput<'investment.months'>) =>
    closingState(ctx, input.year ?? planYearOf(ctx)),

  /** 月度关账: month N's figures are in; 时序进度 moves to N ÷ 12. */
  'investment.closeMonth': async (ctx: AppContext, input: ParsedInput<'investment.closeMonth'>) => {
    const meta = writeMeta(ctx);
    inTransaction(ctx.db, () => {
      const issue = closeIssue(input.year, input.month, closedThroughMonth(ctx.db, input.year), ctx.today());
      if (issue) throw new AppError('month_closing', issue, 'month');
      insertClosing(ctx.db, input.year, input.month, ctx.today(), meta);
    });
    return closingState(ctx, input.year);
  },

  'investment.reopenMonth': async (ctx: AppContext, input: ParsedInput<'investment.reopenMonth'>) => {
    const meta = writeMeta(ctx);
    inTransaction(ctx.db, () => {
      const issue = reopenIssue(input.year, input.month, closedThroughMonth(ctx.db, input.year));
      if (issue) throw new AppError('month_closing', issue, 'month');
      deleteClosing(ctx.db, input.year, input.month, input.reason, meta);
    });
    return closingState(ctx, input.year);
  },
};

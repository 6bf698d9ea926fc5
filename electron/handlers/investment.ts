import { AppError } from '../../db/errors';
import { closeIssue, monthsBegun, reopenIssue, type MonthClosingState } from '../../db/model/month-closing';
import { closedThroughMonth, closingsOf, deleteClosing, insertClosing } from '../../db/queries/month-closings';
import { listProjects } from '../../db/queries/projects-read';
import { monthlyFiguresOf } from '../../db/queries/office-figures';
import type { MonthGridRow, ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { planYearOf, writeMeta } from '../services/session';

/** The year's closings and how far they reach, read at one moment. */
function closingState(ctx: AppContext, year: number): Promise<MonthClosingState> {
  return ctx.store.snapshot(async () => {
    const closings = await closingsOf(ctx.store, year);
    return {
      year,
      closedThrough: await closedThroughMonth(ctx.store, year),
      closings,
      currentMonth: monthsBegun(year, ctx.today()),
    };
  });
}

export const investmentHandlers = {
  /** 月度投资: every started project's 12 months of one year, for the entry grid. */
  'investment.grid': async (ctx: AppContext, input: ParsedInput<'investment.grid'>): Promise<MonthGridRow[]> => {
    const { byProject, projects } = await ctx.store.snapshot(async () => {
      const year = input.year ?? (await planYearOf(ctx));
      return { byProject: await monthlyFiguresOf(ctx.store, year), projects: await listProjects(ctx.store, year) };
    });
    return projects
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
    ctx.store.snapshot(async () => closingState(ctx, input.year ?? (await planYearOf(ctx)))),

  /** 月度关账: month N's figures are in; 时序进度 moves to N ÷ 12. */
  'investment.closeMonth': async (ctx: AppContext, input: ParsedInput<'investment.closeMonth'>) => {
    const meta = await writeMeta(ctx);
    await ctx.store.transaction(
      async () => {
        const closed = await closedThroughMonth(ctx.store, input.year);
        const issue = closeIssue(input.year, input.month, closed, ctx.today());
        if (issue) throw new AppError('month_closing', issue, 'month');
        await insertClosing(ctx.store, input.year, input.month, ctx.today(), meta);
      },
      { idempotent: true },
    );
    return closingState(ctx, input.year);
  },

  'investment.reopenMonth': async (ctx: AppContext, input: ParsedInput<'investment.reopenMonth'>) => {
    const meta = await writeMeta(ctx);
    await ctx.store.transaction(
      async () => {
        const issue = reopenIssue(input.year, input.month, await closedThroughMonth(ctx.store, input.year));
        if (issue) throw new AppError('month_closing', issue, 'month');
        await deleteClosing(ctx.store, input.year, input.month, input.reason, meta);
      },
      { idempotent: true },
    );
    return closingState(ctx, input.year);
  },
};

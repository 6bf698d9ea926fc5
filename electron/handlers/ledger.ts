import { getSetting } from '../../db/queries/settings';
import type { ExportedFile, ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { exportDispatchList, exportLedger, exportProblemList } from '../services/ledger-export';
import { dispatchPrintData, problemPrintData } from '../services/print-data';
import { weekFor } from './dispatch';
import { planYearOf } from '../services/session';

export const ledgerHandlers = {
  'ledger.export': async (ctx: AppContext, input: ParsedInput<'ledger.export'>): Promise<ExportedFile> =>
    exportLedger(ctx.store, ctx.today(), { ...input, year: input.year ?? (await planYearOf(ctx)) }),

  'ledger.exportDispatch': async (
    ctx: AppContext,
    input: ParsedInput<'ledger.exportDispatch'>,
  ): Promise<ExportedFile> => {
    const week = weekFor(ctx, input.week);
    // the reads in one snapshot; the sheet is built after, without holding up anyone's write
    const { city, data } = await ctx.store.snapshot(async () => ({
      data: await dispatchPrintData(ctx.store, week, await planYearOf(ctx), ctx.today(), input),
      city: (await getSetting(ctx.store, 'cityName')) ?? '',
    }));
    return exportDispatchList(city, data, input);
  },

  'ledger.exportProblems': async (
    ctx: AppContext,
    input: ParsedInput<'ledger.exportProblems'>,
  ): Promise<ExportedFile> => {
    const data = await ctx.store.snapshot(() => problemPrintData(ctx.store, ctx.today(), input));
    return exportProblemList(data, input);
  },
};

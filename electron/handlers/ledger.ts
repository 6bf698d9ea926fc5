import { getSetting } from '../../db/queries/settings';
import type { ExportedFile, ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { exportDispatchList, exportLedger, exportProblemList } from '../services/ledger-export';
import { dispatchPrintData, problemPrintData } from '../services/print-data';
import { weekFor } from './dispatch';
import { planYearOf } from '../services/session';

export const ledgerHandlers = {
  'ledger.export': async (ctx: AppContext, input: ParsedInput<'ledger.export'>): Promise<ExportedFile> =>
    exportLedger(ctx.db, ctx.today(), { ...input, year: input.year ?? planYearOf(ctx) }),

  'ledger.exportDispatch': async (
    ctx: AppContext,
    input: ParsedInput<'ledger.exportDispatch'>,
  ): Promise<ExportedFile> => {
    const data = dispatchPrintData(ctx.db, weekFor(ctx, input.week), planYearOf(ctx), ctx.today(), input);
    return exportDispatchList(getSetting(ctx.db, 'cityName') ?? '', data, input);
  },

  'ledger.exportProblems': async (
    ctx: AppContext,
    input: ParsedInput<'ledger.exportProblems'>,
  ): Promise<ExportedFile> => exportProblemList(problemPrintData(ctx.db, ctx.today(), input), input),
};

import { AppError } from '../../db/errors';
import { monthNotBegunIssue } from '../../db/model/month-closing';
import type { ExportedFile, FillinPeriod, FillinPreview, FillinResult, FillinUnits, ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { applyFillin, previewFillin } from '../services/fillin/fillin-apply';
import { exportFillinSheets } from '../services/fillin/fillin-export';
import { periodLabel } from '../services/fillin/fillin-layout';
import { fillinScope } from '../services/fillin/fillin-source';

const filesOf = (files: ParsedInput<'fillin.preview'>['files']) =>
  files.map((f) => ({ fileName: f.fileName, bytes: Buffer.from(f.contentBase64, 'base64') }));

/** A month's figures are asked for, and taken, only once the month has begun. */
function begun<P extends FillinPeriod>(ctx: AppContext, period: P): P {
  const issue = period.kind === 'month' ? monthNotBegunIssue(period.year, period.month, ctx.today()) : null;
  if (issue) throw new AppError('month_not_begun', issue, 'period');
  return period;
}

export const fillinHandlers = {
  'fillin.units': async (ctx: AppContext, input: ParsedInput<'fillin.units'>): Promise<FillinUnits> => {
    const period = begun(ctx, input.period);
    const scope = await ctx.store.snapshot(() => fillinScope(ctx, period));
    return {
      periodLabel: periodLabel(input.period),
      units: scope.units.map((u) => ({ unitId: u.unitId, unitName: u.unitName, projectCount: u.projectIds.length })),
    };
  },

  'fillin.export': async (ctx: AppContext, input: ParsedInput<'fillin.export'>): Promise<ExportedFile> =>
    exportFillinSheets(ctx, begun(ctx, input.period), input.unitIds),

  'fillin.preview': async (ctx: AppContext, input: ParsedInput<'fillin.preview'>): Promise<FillinPreview> =>
    previewFillin(ctx, begun(ctx, input.period), filesOf(input.files)),

  'fillin.apply': async (ctx: AppContext, input: ParsedInput<'fillin.apply'>): Promise<FillinResult> =>
    applyFillin(ctx, begun(ctx, input.period), filesOf(input.files), input.fingerprint),
};

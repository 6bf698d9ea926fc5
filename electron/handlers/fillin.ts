import type { ExportedFile, FillinPreview, FillinResult, FillinUnits, ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { applyFillin, previewFillin } from '../services/fillin/fillin-apply';
import { exportFillinSheets } from '../services/fillin/fillin-export';
import { periodLabel } from '../services/fillin/fillin-layout';
import { fillinScope } from '../services/fillin/fillin-source';

const filesOf = (files: ParsedInput<'fillin.preview'>['files']) =>
  files.map((f) => ({ fileName: f.fileName, bytes: Buffer.from(f.contentBase64, 'base64') }));

export const fillinHandlers = {
  'fillin.units': async (ctx: AppContext, input: ParsedInput<'fillin.units'>): Promise<FillinUnits> => ({
    periodLabel: periodLabel(input.period),
    units: fillinScope(ctx, input.period).units.map((u) => ({
      unitId: u.unitId,
      unitName: u.unitName,
      projectCount: u.projectIds.length,
    })),
  }),

  'fillin.export': async (ctx: AppContext, input: ParsedInput<'fillin.export'>): Promise<ExportedFile> =>
    exportFillinSheets(ctx, input.period, input.unitIds),

  'fillin.preview': async (ctx: AppContext, input: ParsedInput<'fillin.preview'>): Promise<FillinPreview> =>
    previewFillin(ctx, input.period, filesOf(input.files)),

  'fillin.apply': async (ctx: AppContext, input: ParsedInput<'fillin.apply'>): Promise<FillinResult> =>
    applyFillin(ctx, input.period, filesOf(input.files), input.fingerprint),
};

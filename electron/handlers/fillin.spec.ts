import { z } from 'zod';
import type { ExportedFile } from '../../db/model/exported-file';
import type { FillinPreview, FillinResult, FillinUnits } from '../../db/model/fillin';
import { fileTooBigMessage, MAX_IMPORT_BASE64_CHARS } from '../../db/model/import-limits';
import { recordId } from '../../db/model/validation';
import { importFile, method, planYear, weekKey } from './spec-shared';

const fillinPeriod = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('week'), week: weekKey }).strict(),
    z
      .object({
        kind: z.literal('month'),
        year: planYear,
        month: z
          .number({ error: '请选择月份' })
          .int({ error: '月份不正确' })
          .min(1, { error: '月份应在1—12之间' })
          .max(12, { error: '月份应在1—12之间' }),
      })
      .strict(),
  ],
  { error: '请选择填报的周或月份' },
);

/** Returned fill-in sheets: small files, read together (all of them within one upload's size). */
const fillinFiles = z
  .array(importFile.pick({ fileName: true, contentBase64: true }), { error: '请选择填报表文件' })
  .min(1, { error: '请选择填报表文件' })
  .max(100, { error: '一次最多读取100份填报表' })
  .refine((files) => files.reduce((sum, f) => sum + f.contentBase64.length, 0) <= MAX_IMPORT_BASE64_CHARS, {
    error: fileTooBigMessage(),
  });

export const fillinSpec = {
  'fillin.units': method<FillinUnits>()(z.object({ period: fillinPeriod }).strict()),
  'fillin.export': method<ExportedFile>()(
    z.object({ period: fillinPeriod, unitIds: z.array(recordId('单位')).max(500).optional() }).strict(),
  ),
  'fillin.preview': method<FillinPreview>()(z.object({ period: fillinPeriod, files: fillinFiles }).strict()),
  'fillin.apply': method<FillinResult>()(
    z
      .object({
        period: fillinPeriod,
        files: fillinFiles,
        fingerprint: z.string({ error: '请先预览再确认' }).regex(/^[0-9a-f]{16}$/, { error: '请先预览再确认' }),
      })
      .strict(),
  ),
};

import { z } from 'zod';
import { LEDGER_FIELDS } from '../../db/model/ledger-fields';
import type { LedgerImportPreview, LedgerImportResult } from '../../db/model/ledger-import';
import { recordId } from '../../db/model/validation';
import { importFile, method } from './spec-shared';

/** A ledger to import, with the clerk's corrections from the preview. */
const ledgerImport = importFile
  .extend({
    columnMap: z
      .record(
        z.string().max(200, { error: '列名过长' }),
        z.enum(LEDGER_FIELDS, { error: '列对应的栏目不正确' }).nullable(),
        { error: '列对应格式不正确' },
      )
      .refine((map) => Object.keys(map).length <= 500, { error: '列对应过多' })
      .default({}),
    rowChains: z
      .record(z.string().max(300, { error: '行号格式不正确' }), recordId('产业链'), { error: '各行产业链格式不正确' })
      .refine((map) => Object.keys(map).length <= 50_000, { error: '各行产业链过多' })
      .default({}),
  })
  .strict();

export const ledgerImportSpec = {
  'ledger.previewImport': method<LedgerImportPreview>()(ledgerImport),
  'ledger.applyImport': method<LedgerImportResult>()(
    ledgerImport
      .extend({
        fingerprint: z.string({ error: '请先预览再导入' }).regex(/^[0-9a-f]{16}$/, { error: '请先预览再导入' }),
        skipErrors: z.boolean({ error: '是否跳过有错误的行应为是或否' }).default(false),
      })
      .strict(),
  ),
};

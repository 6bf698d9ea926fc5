import { z } from 'zod';
import { PRINT_GROUPINGS } from '../../db/model/dispatch-print';
import type { ExportedFile } from '../../db/model/exported-file';
import { STAGES } from '../../db/model/stages';
import { optionalText, recordId } from '../../db/model/validation';
import { method, planYear, weekKey } from './spec-shared';

export const ledgerSpec = {
  'ledger.export': method<ExportedFile>()(
    z
      .object({
        year: planYear.optional(),
        stages: z
          .array(z.enum(STAGES, { error: '阶段不正确' }))
          .max(5)
          .optional(),
        chainIds: z.array(recordId('产业链')).max(100).optional(),
        /** only the projects on this list (省重点…), the file titled for it: what the office reports upwards */
        level: recordId('项目级别').optional(),
        totalUnit: z.enum(['wan', 'yi'], { error: '总投资单位应为万元或亿元' }).default('wan'),
        /** the 打印版 (leaders' columns, legible on A3) beside the full ledger, or the full ledger alone */
        sheets: z
          .enum(['printAndFull', 'fullOnly'], { error: '导出的工作表应为“打印版＋完整台账”或“只要完整台账”' })
          .default('printAndFull'),
      })
      .strict(),
  ),
  'ledger.exportDispatch': method<ExportedFile>()(
    z
      .object({
        week: weekKey,
        groupBy: z.enum(PRINT_GROUPINGS, { error: '分组方式不正确' }).default('chainLead'),
        scope: z.enum(['all', 'redYellow'], { error: '范围不正确' }).default('all'),
        chainLead: optionalText('链长', 50).optional(),
      })
      .strict(),
  ),
  'ledger.exportProblems': method<ExportedFile>()(
    z
      .object({
        groupBy: z.enum(['unit', 'chainLead'], { error: '分组方式不正确' }).default('unit'),
        scope: z.enum(['open', 'all'], { error: '范围不正确' }).default('open'),
      })
      .strict(),
  ),
};

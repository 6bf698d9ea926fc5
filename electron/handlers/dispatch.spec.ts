import { z } from 'zod';
import { DISPATCH_TEXT_MAX, type DispatchRow, type DispatchWeekView, type WeekChanges } from '../../db/model/dispatch';
import { PRINT_GROUPINGS, type DispatchPrint } from '../../db/model/dispatch-print';
import { optionalText, recordId } from '../../db/model/validation';
import { firstRows, method, readVersion, weekKey } from './spec-shared';

const dispatchText = (label: string) => optionalText(label, DISPATCH_TEXT_MAX);

export const dispatchSpec = {
  // `first`: only the week's first rows (and their counts), which 本周调度 draws while the whole week comes
  'dispatch.week': method<DispatchWeekView>()(
    z.object({ week: weekKey.optional(), first: firstRows.optional() }).strict(),
  ),
  'dispatch.saveEntry': method<DispatchRow>()(
    z
      .object({
        projectId: recordId('项目'),
        week: weekKey,
        progress: dispatchText('本周进展'),
        problems: dispatchText('存在问题'),
        coordination: dispatchText('需协调事项'),
        nextPlan: dispatchText('下周计划'),
        // the row's entryVersion (0: the week had no entry yet); one project's entry never waits on another's
        version: readVersion,
      })
      .partial({ progress: true, problems: true, coordination: true, nextPlan: true })
      .strict(),
  ),
  'dispatch.confirm': method<DispatchWeekView>()(
    z
      .object({
        week: weekKey,
        projectIds: z
          .array(recordId('项目'), { error: '所选项目格式不正确' })
          .min(1, { error: '请先选择项目' })
          .max(10_000),
      })
      .strict(),
  ),
  'dispatch.changes': method<WeekChanges>()(z.object({ week: weekKey }).strict()),
  'dispatch.printData': method<DispatchPrint>()(
    z
      .object({
        week: weekKey,
        groupBy: z.enum(PRINT_GROUPINGS, { error: '分组方式不正确' }).default('chainLead'),
        scope: z.enum(['all', 'redYellow'], { error: '打印范围不正确' }).default('all'),
        chainLead: optionalText('链长', 50).optional(),
      })
      .strict(),
  ),
};

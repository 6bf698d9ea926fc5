import { z } from 'zod';
import type { RolloverProposal } from '../../db/model/rollover';
import { isoDate, recordId, requiredText } from '../../db/model/validation';
import type { AppStatus } from './app.spec';
import { method, noInput, planYear } from './spec-shared';

export interface RolloverResult {
  toYear: number;
  backupFile: string;
  moved: number;
  rolled: number;
}

export const rolloverSpec = {
  'rollover.preview': method<RolloverProposal>()(noInput),
  'rollover.apply': method<RolloverResult>()(
    z
      .object({
        fromYear: planYear,
        selectedProjectIds: z.array(recordId('项目'), { error: '所选项目格式不正确' }).max(100_000),
        unstarted: z
          .array(
            z.discriminatedUnion(
              'action',
              [
                z.object({ projectId: recordId('项目'), action: z.literal('preliminary') }).strict(),
                z
                  .object({
                    projectId: recordId('项目'),
                    action: z.literal('replan'),
                    plannedStartDate: isoDate('新的计划开工日期'),
                  })
                  .strict(),
              ],
              { error: '未开工项目的处理方式不正确' },
            ),
            { error: '未开工项目的处理方式不正确' },
          )
          .max(100_000)
          .default([]),
      })
      .strict(),
  ),
  'rollover.undo': method<AppStatus>()(z.object({ backupFile: requiredText('备份文件', 500) }).strict()),
};

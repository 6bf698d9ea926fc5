import { z } from 'zod';
import { INSTRUCTION_STATUSES, type ContactLeaderOverview, type InstructionRow } from '../../db/model/instructions';
import { isoDate, optionalText, recordId, requiredText } from '../../db/model/validation';
import { method, noInput, readVersion } from './spec-shared';

// 包挂领导 and 领导批示 (issue #17 item 4). The list of 包挂领导 itself is reference data (reference.saveContactLeader).

export const leadersSpec = {
  'instructions.list': method<InstructionRow[]>()(
    z
      .object({
        projectId: recordId('项目'),
        status: z.enum(INSTRUCTION_STATUSES, { error: '办理状态应为办理中或已办结' }),
        /** issued by this 包挂领导, or on a project they look after */
        leaderId: recordId('包挂领导'),
        overdueOnly: z.boolean({ error: '只看超期应为是或否' }),
      })
      .partial()
      .strict(),
  ),
  /** a new 批示 without an id; an edit with its id and the version it read */
  'instructions.save': method<InstructionRow>()(
    z
      .object({
        id: recordId('领导批示').optional(),
        version: readVersion,
        projectId: recordId('项目'),
        issuedOn: isoDate('批示日期'),
        leaderName: requiredText('批示领导', 30),
        content: requiredText('批示内容', 500),
        deadline: isoDate('办理时限').nullable().default(null),
        progress: optionalText('办理情况', 1000).default(''),
      })
      .strict(),
  ),
  /** 办结: on `closedOn` (default today), with the last word on 办理情况 when given */
  'instructions.close': method<InstructionRow>()(
    z
      .object({
        id: recordId('领导批示'),
        version: readVersion,
        closedOn: isoDate('办结日期').optional(),
        progress: optionalText('办理情况', 1000).optional(),
      })
      .strict(),
  ),
  'instructions.reopen': method<InstructionRow>()(
    z.object({ id: recordId('领导批示'), version: readVersion }).strict(),
  ),
  /** 转为问题: registers a problem from the 批示 and links the two; once only */
  'instructions.toProblem': method<InstructionRow>()(z.object({ id: recordId('领导批示') }).strict()),
  'overview.contactLeaders': method<ContactLeaderOverview>()(noInput),
};

import { z } from 'zod';
import { SUSPENSION_KINDS, type MembershipHistory } from '../../db/model/list-membership';
import { isoDate, optionalText, recordId, requiredText } from '../../db/model/validation';
import { method } from './spec-shared';

// 动态管理 (issue #17 item 5): 调入/调出 of the key lists with a date and reason, and 停建/缓建 with 复工.
// Each write answers the project's history as its page shows it.

export const membershipSpec = {
  /** a project's stays on the key lists and its 停建/缓建 spells, oldest first */
  'levels.history': method<MembershipHistory>()(z.object({ projectId: recordId('项目') }).strict()),
  /** 调入 (in) or 调出 (out) one list on a date, with the reason */
  'levels.transfer': method<MembershipHistory>()(
    z
      .object({
        projectId: recordId('项目'),
        levelId: recordId('项目级别'),
        direction: z.enum(['in', 'out'], { error: '请选择调入或调出' }),
        date: isoDate('日期'),
        reason: requiredText('原因', 200),
      })
      .strict(),
  ),
  /** 停建 or 缓建 from a date, with the reason (a 停建 may become 缓建 and back) */
  'projects.suspend': method<MembershipHistory>()(
    z
      .object({
        projectId: recordId('项目'),
        kind: z.enum(SUSPENSION_KINDS as ['halted', 'deferred'], { error: '请选择停建或缓建' }),
        date: isoDate('日期'),
        reason: requiredText('原因', 200),
      })
      .strict(),
  ),
  /** 复工: the 停建/缓建 ends on the date */
  'projects.resume': method<MembershipHistory>()(
    z
      .object({
        projectId: recordId('项目'),
        date: isoDate('复工日期'),
        note: optionalText('复工说明', 200).default(''),
      })
      .strict(),
  ),
};

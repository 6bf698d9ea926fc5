import { z } from 'zod';
import {
  MAX_ATTACHMENT_FILE_BYTES,
  MAX_ATTACHMENT_PROJECT_MEGABYTES,
  type AttachmentLimits,
} from '../../db/model/attachments';
import type { LightThresholds } from '../../db/model/lights';
import { TIME_PROGRESS_MODES, type TimeProgressMode } from '../../db/model/time-progress';
import { requiredText } from '../../db/model/validation';
import { method, noInput, planYear } from './spec-shared';

export interface Settings {
  operatorName: string;
  cityName: string;
  planYear: number;
  libraryColumns: Record<string, boolean> | null;
  lightThresholds: LightThresholds;
  timeProgressMode: TimeProgressMode;
  /** 纳统率: a started project with 总投资 at or above this (yuan) must be 纳统 */
  statisticsThresholdYuan: number;
  /** automatic backups kept: the newest of each of the last N days, weeks and months */
  backupKeep: { daily: number; weekly: number; monthly: number };
  /** 招商: the agreed months from 签约 to 开工 of a project that does not say its own */
  attractionStartMonths: number;
  /** 附件: the largest file, and all of a project's live files together, in MB */
  attachmentLimits: AttachmentLimits;
}

const keepCount = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}应为份数` })
    .int({ error: `${label}应为整数` })
    .min(min, { error: `${label}不能少于${min}份` })
    .max(max, { error: `${label}不能超过${max}份` });

const days = (label: string, max: number) =>
  z
    .number({ error: `${label}应为天数` })
    .int({ error: `${label}应为整数` })
    .min(0, { error: `${label}不能为负数` })
    .max(max, { error: `${label}不能超过${max}` });

const thresholdsSchema = z
  .object({
    startRedDays: days('开工红灯天数', 3650),
    milestoneDueDays: days('节点临期天数', 365),
    investmentYellowPoints: days('投资黄灯百分点', 100),
    investmentRedPoints: days('投资红灯百分点', 100),
    statisticsYellowMonths: days('纳统黄灯月数', 24),
    statisticsRedMonths: days('纳统红灯月数', 24),
    reportDeadlineWeekday: days('报送截止星期', 7).min(1, { error: '报送截止星期应为周一至周日' }),
    problemDueDays: days('问题临期天数', 365),
    instructionRedDays: days('批示红灯天数', 365),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.investmentRedPoints < t.investmentYellowPoints) {
      ctx.addIssue({ code: 'custom', path: ['investmentRedPoints'], message: '投资红灯的百分点不能小于黄灯' });
    }
    if (t.statisticsRedMonths < t.statisticsYellowMonths) {
      ctx.addIssue({ code: 'custom', path: ['statisticsRedMonths'], message: '纳统红灯的月数不能小于黄灯' });
    }
  });

const attractionMonths = z
  .number({ error: '招商约定开工期限应为月数' })
  .int({ error: '招商约定开工期限应为整月数' })
  .min(1, { error: '招商约定开工期限应在1—120个月之间' })
  .max(120, { error: '招商约定开工期限应在1—120个月之间' });

const megabytes = (label: string, max: number) =>
  z
    .number({ error: `${label}应为兆字节数` })
    .int({ error: `${label}应为整数兆字节` })
    .min(1, { error: `${label}应在1—${max} MB之间` })
    .max(max, { error: `${label}应在1—${max} MB之间` });

export const settingsSpec = {
  'settings.get': method<Settings>()(noInput),
  'settings.update': method<Settings>()(
    z
      .object({
        operatorName: requiredText('您的姓名', 20),
        cityName: requiredText('城市名称', 20),
        planYear,
        lightThresholds: thresholdsSchema,
        timeProgressMode: z.enum(TIME_PROGRESS_MODES, { error: '时序进度算法不正确' }),
        statisticsThresholdYuan: z
          .number({ error: '纳统门槛应为金额' })
          .int({ error: '纳统门槛应为整数元' })
          .min(0, { error: '纳统门槛不能为负数' })
          .max(100_000_000_000, { error: '纳统门槛不能超过1000亿元' }),
        backupKeep: z
          .object({
            daily: keepCount('按日保留', 1, 60),
            weekly: keepCount('按周保留', 0, 52),
            monthly: keepCount('按月保留', 0, 120),
          })
          .strict(),
        attractionStartMonths: attractionMonths,
        attachmentLimits: z
          .object({
            fileMegabytes: megabytes('每个附件的上限', MAX_ATTACHMENT_FILE_BYTES / 1024 / 1024),
            projectMegabytes: megabytes('每个项目附件的上限', MAX_ATTACHMENT_PROJECT_MEGABYTES),
          })
          .strict(),
      })
      .partial()
      .strict(),
  ),
  'settings.saveLibraryColumns': method<Settings>()(
    z.object({ columns: z.record(z.string().max(40), z.boolean()) }).strict(),
  ),
};

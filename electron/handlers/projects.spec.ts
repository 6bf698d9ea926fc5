import { z } from 'zod';
import type { ProjectView } from '../../db/model/overview';
import type { AuditEntry } from '../../db/model/project';
import type { ProjectListRow } from '../../db/model/project-list';
import { projectPatchSchema } from '../../db/model/project-schema';
import { STAGES } from '../../db/model/stages';
import { isoDate, optionalText, recordId, searchText, yuanAmount } from '../../db/model/validation';
import { firstRows, method, monthNumber, planYear, readVersion } from './spec-shared';

const byId = z.object({ id: recordId('项目') }).strict();

export const projectsSpec = {
  // The library filters its rows itself (stage, chain, 链长, park, light); `search` is the search box's rule.
  // A row carries what the lists show (db/model/project-list.ts); the rest of a project comes with projects.get.
  // `first`: only the first rows in the library's order (by 项目编号), which the 项目库 draws while the rest comes.
  'projects.list': method<ProjectListRow[]>()(
    z
      .object({ search: searchText('搜索内容', 100), first: firstRows })
      .partial()
      .strict()
      .refine((input) => !(input.search && input.first), { error: '搜索时返回全部结果，不能只取前几行' }),
  ),
  'projects.get': method<ProjectView>()(byId),
  'projects.create': method<ProjectView>()(projectPatchSchema),
  // `version`: the one projects.get gave; a project changed since is refused with `conflict`, nothing written
  'projects.update': method<ProjectView>()(projectPatchSchema.extend({ id: recordId('项目'), version: readVersion })),
  'projects.history': method<AuditEntry[]>()(byId),
  'projects.nextCode': method<{ code: string }>()(
    z.object({ chainId: recordId('产业链'), year: planYear.optional() }).strict(),
  ),
  'projects.setMonthlyInvestment': method<ProjectView>()(
    z
      .object({
        projectId: recordId('项目'),
        year: planYear,
        month: monthNumber,
        amountYuan: yuanAmount('本月完成投资').nullable(),
        // the figure the clerk read (null: empty); a month changed since is refused with `conflict`
        readAmountYuan: yuanAmount('原完成投资').nullable().optional(),
      })
      .strict(),
  ),
  'projects.changeStage': method<ProjectView>()(
    z
      .object({
        id: recordId('项目'),
        toStage: z.enum(STAGES, { error: '请选择目标阶段' }),
        changedOn: isoDate('变更日期').optional(),
        reason: optionalText('变更原因', 500).default(''),
        plannedStartDate: isoDate('计划开工日期').optional(),
        actualStartDate: isoDate('实际开工日期').optional(),
        actualCompletionDate: isoDate('实际竣工日期').optional(),
      })
      .strict(),
  ),
};

import { z } from 'zod';
import type { GeneratedSchedule, Milestone, MilestoneTemplateNode } from '../../db/model/milestones';
import { STAGES, type Stage } from '../../db/model/stages';
import { isoDate, optionalText, recordId, requiredText } from '../../db/model/validation';
import { method, noInput, readVersion } from './spec-shared';

export type MilestoneTemplates = Record<Stage, MilestoneTemplateNode[]>;

export interface GeneratedMilestones {
  stage: Stage;
  anchorField: 'plannedStartDate' | 'plannedCompletionDate';
  anchorDate: string;
  direction: 'backward' | 'forward';
  schedule: GeneratedSchedule;
  /** the 责任单位 every generated node is given, taken from the project */
  unit: { id: number; name: string } | null;
  /** the project's nodes after writing (unchanged for a preview) */
  milestones: Milestone[];
}

const milestoneNode = z
  .object({
    id: recordId('节点').optional(),
    version: readVersion,
    name: requiredText('节点名称', 50),
    stage: z.enum(STAGES, { error: '阶段不正确' }).nullable().default(null),
    plannedDate: isoDate('计划日期').nullable(),
    actualDate: isoDate('实际日期').nullable(),
    unitId: recordId('责任单位').nullable().default(null),
    note: optionalText('备注', 200).default(''),
  })
  .strict();

const templateNode = z
  .object({
    name: requiredText('节点名称', 50),
    durationDays: z
      .number({ error: '工期应为天数' })
      .int({ error: '工期应为整数天' })
      .min(0, { error: '工期不能为负数' })
      .max(3650, { error: '工期不能超过3650天' }),
  })
  .strict();

export const milestonesSpec = {
  'milestones.list': method<Milestone[]>()(z.object({ projectId: recordId('项目') }).strict()),
  'milestones.save': method<Milestone[]>()(
    z
      .object({
        projectId: recordId('项目'),
        nodes: z.array(milestoneNode, { error: '节点格式不正确' }).max(100, { error: '一个项目最多100个节点' }),
        // the nodes the list was read with: a node someone added since would be dropped, so it is refused
        readIds: z.array(recordId('节点')).max(100, { error: '一个项目最多100个节点' }).optional(),
      })
      .strict(),
  ),
  'milestones.generate': method<GeneratedMilestones>()(
    z
      .object({
        projectId: recordId('项目'),
        stage: z.enum(STAGES, { error: '阶段不正确' }).optional(),
        mode: z.enum(['preview', 'append', 'replace'], { error: '生成方式不正确' }),
        // 倒排 with the 前期手续 checklist: its open items become nodes too (db/model/approvals.ts)
        includeApprovals: z.boolean({ error: '是否含前期手续应为是或否' }).optional(),
      })
      .strict(),
  ),
  'milestoneTemplates.list': method<MilestoneTemplates>()(noInput),
  'milestoneTemplates.save': method<MilestoneTemplates>()(
    z
      .object({
        stage: z.enum(STAGES, { error: '阶段不正确' }),
        nodes: z.array(templateNode, { error: '模板格式不正确' }).max(50, { error: '一个模板最多50个节点' }),
      })
      .strict(),
  ),
  'milestoneTemplates.reset': method<MilestoneTemplates>()(
    z.object({ stage: z.enum(STAGES, { error: '阶段不正确' }) }).strict(),
  ),
};

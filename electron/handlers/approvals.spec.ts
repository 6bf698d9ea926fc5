import { z } from 'zod';
import {
  APPROVAL_STATUSES,
  type ApprovalItem,
  type ApprovalProgress,
  type ApprovalTemplateItem,
  type ApprovalTemplates,
} from '../../db/model/approvals';
import { CATEGORIES, type Category } from '../../db/model/project';
import { isoDate, optionalText, recordId, requiredText } from '../../db/model/validation';
import { method, noInput, readVersion } from './spec-shared';

/** A project's 前期手续 checklist as its page shows it. */
export interface ApprovalChecklist {
  projectId: number;
  /** the project's 项目类别, whose template a new checklist is laid out from */
  category: Category;
  /** the saved items, in order; empty until the clerk first saves the checklist */
  items: ApprovalItem[];
  progress: ApprovalProgress;
  /**
   * The category's template, offered while the checklist is empty: the page lays it out as an unsaved
   * checklist that the first save writes (nothing is written by opening the page).
   */
  template: ApprovalTemplateItem[];
}

const MAX_ITEMS = 50;

const approvalItem = z
  .object({
    id: recordId('手续').optional(),
    version: readVersion,
    name: requiredText('手续名称', 50),
    department: optionalText('审批部门', 50).default(''),
    plannedDate: isoDate('计划办结日期').nullable(),
    actualDate: isoDate('实际办结日期').nullable(),
    docNumber: optionalText('批复文号', 100).default(''),
    status: z.enum(APPROVAL_STATUSES, { error: '办理状态应为未启动、办理中、已办结或不需办理' }),
    note: optionalText('备注', 200).default(''),
  })
  .strict();

const templateItem = z
  .object({
    name: requiredText('手续名称', 50),
    department: optionalText('审批部门', 50).default(''),
    durationDays: z
      .number({ error: '办理时限应为天数' })
      .int({ error: '办理时限应为整数天' })
      .min(0, { error: '办理时限不能为负数' })
      .max(3650, { error: '办理时限不能超过3650天' }),
  })
  .strict();

const category = z.enum(CATEGORIES, { error: '项目类别不正确' });

export const approvalsSpec = {
  'approvals.list': method<ApprovalChecklist>()(z.object({ projectId: recordId('项目') }).strict()),
  'approvals.save': method<ApprovalChecklist>()(
    z
      .object({
        projectId: recordId('项目'),
        items: z
          .array(approvalItem, { error: '手续清单格式不正确' })
          .max(MAX_ITEMS, { error: `一个项目最多${MAX_ITEMS}项手续` }),
        // the items the checklist was read with: an item someone added since would be dropped, so it is refused
        readIds: z
          .array(recordId('手续'))
          .max(MAX_ITEMS, { error: `一个项目最多${MAX_ITEMS}项手续` })
          .optional(),
      })
      .strict(),
  ),
  'approvals.templates': method<ApprovalTemplates>()(noInput),
  'approvals.saveTemplate': method<ApprovalTemplates>()(
    z
      .object({
        category,
        items: z
          .array(templateItem, { error: '模板格式不正确' })
          .max(MAX_ITEMS, { error: `一个模板最多${MAX_ITEMS}项手续` }),
      })
      .strict(),
  ),
};

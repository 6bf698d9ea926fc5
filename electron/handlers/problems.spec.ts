import { z } from 'zod';
import {
  PROBLEM_ACTIONS,
  PROBLEM_CATEGORIES,
  PROBLEM_STATUSES,
  type Problem,
  type ProblemCount,
  type ProblemListRow,
  type ProblemPrint,
} from '../../db/model/problems';
import { isoDate, optionalText, recordId, requiredText } from '../../db/model/validation';
import { method, noInput, readVersion, weekKey } from './spec-shared';

export interface ProblemSummary {
  byUnit: ProblemCount[];
  byChainLead: ProblemCount[];
}

export const problemsSpec = {
  'problems.list': method<ProblemListRow[]>()(
    z
      .object({
        projectId: recordId('项目'),
        status: z.enum(PROBLEM_STATUSES, { error: '状态不正确' }),
        openOnly: z.boolean({ error: '只看未销号应为是或否' }),
        unitId: recordId('单位'),
        chainLead: optionalText('链长', 50),
        category: z.enum(PROBLEM_CATEGORIES, { error: '问题类别不正确' }),
        overdueOnly: z.boolean({ error: '只看超期应为是或否' }),
      })
      .partial()
      .strict(),
  ),
  'problems.get': method<Problem>()(z.object({ id: recordId('问题') }).strict()),
  'problems.create': method<Problem>()(
    z
      .object({
        projectId: recordId('项目'),
        description: requiredText('问题描述', 1000),
        category: z.enum(PROBLEM_CATEGORIES, { error: '请选择问题类别' }),
        source: optionalText('来源', 100).default(''),
        sourceWeek: weekKey.nullable().default(null),
        leadUnitId: recordId('牵头单位').nullable().default(null),
        responsibleUnitIds: z.array(recordId('责任单位')).max(20, { error: '责任单位最多20个' }).default([]),
        responsiblePerson: optionalText('责任人', 50).default(''),
        raisedOn: isoDate('登记日期').optional(),
        deadline: isoDate('办结时限').nullable().default(null),
      })
      .strict(),
  ),
  'problems.update': method<Problem>()(
    z
      .object({
        id: recordId('问题'),
        version: readVersion,
        description: requiredText('问题描述', 1000),
        category: z.enum(PROBLEM_CATEGORIES, { error: '请选择问题类别' }),
        source: optionalText('来源', 100),
        leadUnitId: recordId('牵头单位').nullable(),
        responsibleUnitIds: z.array(recordId('责任单位')).max(20, { error: '责任单位最多20个' }),
        responsiblePerson: optionalText('责任人', 50),
        deadline: isoDate('办结时限').nullable(),
      })
      .partial({
        description: true,
        category: true,
        source: true,
        leadUnitId: true,
        responsibleUnitIds: true,
        responsiblePerson: true,
        deadline: true,
      })
      .strict(),
  ),
  'problems.act': method<Problem>()(
    z
      .object({
        id: recordId('问题'),
        action: z.enum(PROBLEM_ACTIONS, { error: '办理动作不正确' }),
        date: isoDate('办理日期').optional(),
        text: optionalText('说明', 1000).default(''),
        deadline: isoDate('办结时限').optional(),
        leadUnitId: recordId('牵头单位').nullable().optional(),
        responsibleUnitIds: z.array(recordId('责任单位')).max(20, { error: '责任单位最多20个' }).optional(),
      })
      .strict(),
  ),
  'problems.addNote': method<Problem>()(
    z
      .object({
        id: recordId('问题'),
        kind: z.enum(['progress', 'chase', 'feedback'], { error: '记录类别不正确' }),
        text: requiredText('内容', 1000),
        notedOn: isoDate('日期').optional(),
      })
      .strict(),
  ),
  'problems.summary': method<ProblemSummary>()(noInput),
  'problems.printData': method<ProblemPrint>()(
    z
      .object({
        groupBy: z.enum(['unit', 'chainLead'], { error: '分组方式不正确' }).default('unit'),
        scope: z.enum(['open', 'all'], { error: '打印范围不正确' }).default('open'),
        ids: z.array(recordId('问题')).max(10_000).optional(),
      })
      .strict(),
  ),
};

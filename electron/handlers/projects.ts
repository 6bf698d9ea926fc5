import { AppError } from '../../db/errors';
import { auditFieldLabel, pickProjectFields, type ProjectDetail } from '../../db/model/project';
import { emptyProjectFields } from '../../db/model/project-schema';
import {
  backwardMoveIssue,
  futureDateIssues,
  stageRequirementIssue,
  transitionIssue,
} from '../../db/model/stage-rules';
import { monthNotBegunIssue } from '../../db/model/month-closing';
import { STAGE_LABELS } from '../../db/model/stages';
import { auditOf } from '../../db/queries/audit';
import { getProject, nextProjectCode } from '../../db/queries/projects-read';
import { insertProject, recordStageChange, setMonthlyInvestment, updateProject } from '../../db/queries/projects-write';
import { chainCodeOf } from '../../db/queries/reference';
import type { ParsedInput, ProjectView } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { litProject, officeTimeProgressOf } from '../services/project-lights';
import { firstProjectRows, listProjectRows } from '../services/project-list';
import { validateProject } from '../services/project-validation';
import { planYearOf, writeMeta } from '../services/session';
import { inTransaction } from '../../db/transaction';

function loadProject(ctx: AppContext, id: number): ProjectDetail {
  const project = getProject(ctx.db, id, planYearOf(ctx));
  if (!project) throw new AppError('not_found', '找不到该项目，可能已被删除');
  return project;
}

function projectView(ctx: AppContext, id: number): ProjectView {
  const planYear = planYearOf(ctx);
  const lit = litProject(ctx.db, id, planYear, ctx.today());
  if (!lit) throw new AppError('not_found', '找不到该项目，可能已被删除');
  return { ...lit, timeProgress: officeTimeProgressOf(ctx.db, planYear, ctx.today()) };
}

function generatedCode(ctx: AppContext, chainId: unknown, year: number): string {
  const chainCode = typeof chainId === 'number' ? chainCodeOf(ctx.db, chainId) : undefined;
  return chainCode ? nextProjectCode(ctx.db, chainCode, year) : '';
}

export const projectHandlers = {
  'projects.list': async (ctx: AppContext, input: ParsedInput<'projects.list'>) => {
    if (input.first !== undefined) return firstProjectRows(ctx.db, planYearOf(ctx), ctx.today(), input.first);
    return listProjectRows(ctx.db, planYearOf(ctx), ctx.today(), input.search);
  },

  'projects.get': async (ctx: AppContext, input: ParsedInput<'projects.get'>) => projectView(ctx, input.id),

  'projects.create': async (ctx: AppContext, input: ParsedInput<'projects.create'>) => {
    const meta = writeMeta(ctx);
    const planYear = planYearOf(ctx);
    const id = inTransaction(ctx.db, () => {
      const candidate = { ...emptyProjectFields(), ...input };
      if (!candidate.code) candidate.code = generatedCode(ctx, candidate.chainId, planYear);
      const fields = validateProject({ db: ctx.db, today: ctx.today(), planYear }, candidate);
      const newId = insertProject(ctx.db, fields, meta);
      recordStageChange(
        ctx.db,
        newId,
        { fromStage: null, toStage: fields.stage, changedOn: ctx.today(), reason: '新建项目' },
        meta,
      );
      return newId;
    });
    return projectView(ctx, id);
  },

  'projects.update': async (ctx: AppContext, input: ParsedInput<'projects.update'>) => {
    const meta = writeMeta(ctx);
    const { id, ...patch } = input;
    inTransaction(ctx.db, () => {
      const stored = loadProject(ctx, id);
      const before = pickProjectFields(stored);
      if (patch.stage !== undefined && patch.stage !== before.stage) {
        throw new AppError('use_change_stage', '阶段请通过“变更阶段”办理，以便记录变更日期和原因', 'stage');
      }
      const after = validateProject(
        { db: ctx.db, today: ctx.today(), planYear: stored.planYear, before: { ...before, id } },
        { ...before, ...patch },
      );
      updateProject(ctx.db, id, before, after, meta);
    });
    return projectView(ctx, id);
  },

  'projects.history': async (ctx: AppContext, input: ParsedInput<'projects.history'>) => {
    loadProject(ctx, input.id);
    return auditOf(ctx.db, 'project', input.id).map((entry) => ({
      ...entry,
      fieldLabel: auditFieldLabel(entry.field),
    }));
  },

  'projects.nextCode': async (ctx: AppContext, input: ParsedInput<'projects.nextCode'>) => {
    const code = generatedCode(ctx, input.chainId, input.year ?? planYearOf(ctx));
    if (!code) throw new AppError('not_found', '所选产业链不存在', 'chainId');
    return { code };
  },

  'projects.setMonthlyInvestment': async (ctx: AppContext, input: ParsedInput<'projects.setMonthlyInvestment'>) => {
    const meta = writeMeta(ctx);
    const notBegun = input.amountYuan === null ? null : monthNotBegunIssue(input.year, input.month, ctx.today());
    if (notBegun) throw new AppError('month_not_begun', notBegun, 'month');
    inTransaction(ctx.db, () => {
      const project = loadProject(ctx, input.projectId);
      if (project.stage === 'reserve' || project.stage === 'preliminary') {
        throw new AppError('stage_rule', `${STAGE_LABELS[project.stage]}项目尚未开工，不能填报完成投资`);
      }
      setMonthlyInvestment(ctx.db, input.projectId, input.year, input.month, input.amountYuan, meta);
    });
    return projectView(ctx, input.projectId);
  },

  'projects.changeStage': async (ctx: AppContext, input: ParsedInput<'projects.changeStage'>) => {
    const meta = writeMeta(ctx);
    const today = ctx.today();
    inTransaction(ctx.db, () => {
      const stored = loadProject(ctx, input.id);
      const before = pickProjectFields(stored);
      const ruleBroken = transitionIssue(before.stage, input.toStage, input.reason);
      if (ruleBroken) throw new AppError('stage_rule', ruleBroken, 'toStage');
      const changedOn = input.changedOn ?? today;
      if (changedOn > today) throw new AppError('stage_rule', '变更日期不能晚于今天', 'changedOn');
      const backward = backwardMoveIssue(before.stage, input.toStage, before);
      if (backward) throw new AppError('stage_rule', backward, 'toStage');
      // 竣工 → 续建 means it is not finished after all: its completion date goes (the audit log keeps it).
      const reopened = before.stage === 'completed' && input.toStage === 'continuing';
      const after = {
        ...before,
        stage: input.toStage,
        plannedStartDate: input.plannedStartDate ?? before.plannedStartDate,
        actualStartDate: input.actualStartDate ?? before.actualStartDate,
        actualCompletionDate: reopened ? null : (input.actualCompletionDate ?? before.actualCompletionDate),
      };
      const requirement = stageRequirementIssue(after.stage, after, stored.planYear);
      if (requirement) throw new AppError('stage_rule', requirement.message, requirement.field);
      const future = futureDateIssues(after, today)[0];
      if (future) throw new AppError('invalid_input', future.message, future.field);
      const validated = validateProject(
        { db: ctx.db, today, planYear: stored.planYear, before: { ...before, id: input.id } },
        after,
      );
      updateProject(ctx.db, input.id, before, validated, meta);
      recordStageChange(
        ctx.db,
        input.id,
        { fromStage: before.stage, toStage: input.toStage, changedOn, reason: input.reason },
        meta,
      );
    });
    return projectView(ctx, input.id);
  },
};

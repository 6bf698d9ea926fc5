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
import {
  insertProject,
  monthlyFigureOf,
  recordStageChange,
  setMonthlyInvestment,
  updateProject,
} from '../../db/queries/projects-write';
import { chainCodeOf } from '../../db/queries/reference';
import type { ParsedInput, ProjectView } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { litProject, officeTimeProgressOf } from '../services/project-lights';
import { firstProjectRows, listProjectRows } from '../services/project-list';
import { validateProject } from '../services/project-validation';
import { refuseIfChanged, refuseIfFigureChanged } from '../services/record-versions';
import { planYearOf, writeMeta } from '../services/session';

/** Only reads and writes the library: PostgreSQL may run it again after a conflict. */
const IDEMPOTENT = { idempotent: true };

async function loadProject(ctx: AppContext, id: number): Promise<ProjectDetail> {
  const project = await getProject(ctx.store, id, await planYearOf(ctx));
  if (!project) throw new AppError('not_found', '找不到该项目，可能已被删除');
  return project;
}

/** The project as its page shows it, lit, with the office's 时序进度: read at one moment. */
function projectView(ctx: AppContext, id: number): Promise<ProjectView> {
  return ctx.store.snapshot(async () => {
    const planYear = await planYearOf(ctx);
    const lit = await litProject(ctx.store, id, planYear, ctx.today());
    if (!lit) throw new AppError('not_found', '找不到该项目，可能已被删除');
    return { ...lit, timeProgress: await officeTimeProgressOf(ctx.store, planYear, ctx.today()) };
  });
}

async function generatedCode(ctx: AppContext, chainId: unknown, year: number): Promise<string> {
  const chainCode = typeof chainId === 'number' ? await chainCodeOf(ctx.store, chainId) : undefined;
  return chainCode ? nextProjectCode(ctx.store, chainCode, year) : '';
}

export const projectHandlers = {
  'projects.list': async (ctx: AppContext, input: ParsedInput<'projects.list'>) =>
    ctx.store.snapshot(async () => {
      const planYear = await planYearOf(ctx);
      if (input.first !== undefined) return firstProjectRows(ctx.store, planYear, ctx.today(), input.first);
      return listProjectRows(ctx.store, planYear, ctx.today(), input.search);
    }),

  'projects.get': async (ctx: AppContext, input: ParsedInput<'projects.get'>) => projectView(ctx, input.id),

  'projects.create': async (ctx: AppContext, input: ParsedInput<'projects.create'>) => {
    const meta = await writeMeta(ctx);
    const planYear = await planYearOf(ctx);
    const id = await ctx.store.transaction(async () => {
      const candidate = { ...emptyProjectFields(), ...input };
      if (!candidate.code) candidate.code = await generatedCode(ctx, candidate.chainId, planYear);
      const fields = await validateProject({ store: ctx.store, today: ctx.today(), planYear }, candidate);
      const newId = await insertProject(ctx.store, fields, meta);
      await recordStageChange(
        ctx.store,
        newId,
        { fromStage: null, toStage: fields.stage, changedOn: ctx.today(), reason: '新建项目' },
        meta,
      );
      return newId;
    }, IDEMPOTENT);
    return projectView(ctx, id);
  },

  'projects.update': async (ctx: AppContext, input: ParsedInput<'projects.update'>) => {
    const meta = await writeMeta(ctx);
    const { id, version, ...patch } = input;
    await ctx.store.transaction(async () => {
      const stored = await loadProject(ctx, id);
      await refuseIfChanged(ctx, version, stored.version, { entity: 'project', entityId: id, kind: 'project' });
      const before = pickProjectFields(stored);
      if (patch.stage !== undefined && patch.stage !== before.stage) {
        throw new AppError('use_change_stage', '阶段请通过“变更阶段”办理，以便记录变更日期和原因', 'stage');
      }
      const after = await validateProject(
        { store: ctx.store, today: ctx.today(), planYear: stored.planYear, before: { ...before, id } },
        { ...before, ...patch },
      );
      await updateProject(ctx.store, id, before, after, meta);
    }, IDEMPOTENT);
    return projectView(ctx, id);
  },

  'projects.history': async (ctx: AppContext, input: ParsedInput<'projects.history'>) => {
    const entries = await ctx.store.snapshot(async () => {
      await loadProject(ctx, input.id);
      return auditOf(ctx.store, 'project', input.id);
    });
    return entries.map((entry) => ({ ...entry, fieldLabel: auditFieldLabel(entry.field) }));
  },

  'projects.nextCode': async (ctx: AppContext, input: ParsedInput<'projects.nextCode'>) => {
    const code = await ctx.store.snapshot(async () =>
      generatedCode(ctx, input.chainId, input.year ?? (await planYearOf(ctx))),
    );
    if (!code) throw new AppError('not_found', '所选产业链不存在', 'chainId');
    return { code };
  },

  'projects.setMonthlyInvestment': async (ctx: AppContext, input: ParsedInput<'projects.setMonthlyInvestment'>) => {
    const meta = await writeMeta(ctx);
    const notBegun = input.amountYuan === null ? null : monthNotBegunIssue(input.year, input.month, ctx.today());
    if (notBegun) throw new AppError('month_not_begun', notBegun, 'month');
    await ctx.store.transaction(async () => {
      const project = await loadProject(ctx, input.projectId);
      if (project.stage === 'reserve' || project.stage === 'preliminary') {
        throw new AppError('stage_rule', `${STAGE_LABELS[project.stage]}项目尚未开工，不能填报完成投资`);
      }
      const current = await monthlyFigureOf(ctx.store, input.projectId, input.year, input.month);
      await refuseIfFigureChanged(ctx, input.readAmountYuan, current, {
        entity: 'project',
        entityId: input.projectId,
        field: `monthly:${input.year}-${input.month}`,
      });
      await setMonthlyInvestment(ctx.store, input.projectId, input.year, input.month, input.amountYuan, meta);
    }, IDEMPOTENT);
    return projectView(ctx, input.projectId);
  },

  'projects.changeStage': async (ctx: AppContext, input: ParsedInput<'projects.changeStage'>) => {
    const meta = await writeMeta(ctx);
    const today = ctx.today();
    await ctx.store.transaction(async () => {
      const stored = await loadProject(ctx, input.id);
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
      const validated = await validateProject(
        { store: ctx.store, today, planYear: stored.planYear, before: { ...before, id: input.id } },
        after,
      );
      await updateProject(ctx.store, input.id, before, validated, meta);
      await recordStageChange(
        ctx.store,
        input.id,
        { fromStage: before.stage, toStage: input.toStage, changedOn, reason: input.reason },
        meta,
      );
    }, IDEMPOTENT);
    return projectView(ctx, input.id);
  },
};

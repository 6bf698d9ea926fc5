import { AppError } from '../../db/errors';
import {
  DEFAULT_MILESTONE_TEMPLATES,
  generateSchedule,
  scheduleUnitOf,
  START_NODE,
  TEMPLATE_ANCHORS,
} from '../../db/model/milestones';
import { DEFAULT_APPROVAL_DAYS, isOpenApproval, withApprovalNodes } from '../../db/model/approvals';
import { PROJECT_FIELD_LABELS } from '../../db/model/project';
import { listApprovals, listApprovalTemplates } from '../../db/queries/approvals';
import { STAGE_LABELS } from '../../db/model/stages';
import { getProject } from '../../db/queries/projects-read';
import { listMilestones, listTemplates, replaceMilestones, replaceTemplate } from '../../db/queries/milestones';
import { listUnits, referenceName } from '../../db/queries/reference';
import type { GeneratedMilestones, ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { refuseAsChanged, refuseIfChanged } from '../services/record-versions';
import { planYearOf, writeMeta } from '../services/session';

async function projectOf(ctx: AppContext, id: number) {
  const project = await getProject(ctx.store, id, await planYearOf(ctx));
  if (!project) throw new AppError('not_found', '找不到该项目，可能已被删除');
  return project;
}

async function checkNodes(ctx: AppContext, nodes: ParsedInput<'milestones.save'>['nodes']): Promise<void> {
  const today = ctx.today();
  for (const [index, node] of nodes.entries()) {
    const where = `第${index + 1}个节点“${node.name}”`;
    if (node.actualDate && node.actualDate > today) {
      throw new AppError('invalid_input', `${where}的实际日期不能晚于今天`, 'nodes');
    }
    if (node.unitId !== null && (await referenceName(ctx.store, 'unit', node.unitId)) === undefined) {
      throw new AppError('invalid_input', `${where}的责任单位不存在`, 'nodes');
    }
  }
}

/**
 * 按模板排节点: the schedule from the stage's template, and unless only previewed, the project's nodes replaced
 * by it. Run inside one snapshot (a preview) or one transaction (a save), so it answers with what it wrote.
 */
async function generate(ctx: AppContext, input: ParsedInput<'milestones.generate'>): Promise<GeneratedMilestones> {
  const project = await projectOf(ctx, input.projectId);
  const stage = input.stage ?? project.stage;
  const anchor = TEMPLATE_ANCHORS[stage];
  const template = (await listTemplates(ctx.store))[stage];
  if (!anchor || !template.length) {
    throw new AppError('no_template', `${STAGE_LABELS[stage]}阶段没有节点模板，可在“设置 → 节点模板”中添加`, 'stage');
  }
  const anchorDate = project[anchor.field];
  if (!anchorDate) {
    throw new AppError('invalid_input', `请先填写${PROJECT_FIELD_LABELS[anchor.field]}，再按模板排节点`, anchor.field);
  }
  let schedule = generateSchedule(template, anchorDate, anchor.direction, ctx.today());
  if (input.includeApprovals) {
    const checklist = await listApprovals(ctx.store, project.id);
    if (!project.plannedStartDate && checklist.some((i) => !i.plannedDate && isOpenApproval(i.status))) {
      throw new AppError('invalid_input', '有前期手续未填计划办结，请先填写计划开工日期，以便倒排', 'plannedStartDate');
    }
    const days = new Map(
      (await listApprovalTemplates(ctx.store))[project.category].map((i) => [i.name, i.durationDays]),
    );
    schedule = withApprovalNodes(
      schedule,
      checklist,
      (name) => days.get(name) ?? DEFAULT_APPROVAL_DAYS,
      project.plannedStartDate,
      ctx.today(),
    );
  }
  const units = new Map((await listUnits(ctx.store)).map((u) => [u.id, u]));
  const unitId = scheduleUnitOf(project, (id) => units.get(id)?.retired === false);
  if (input.mode !== 'preview') {
    const meta = await writeMeta(ctx);
    const existing = await listMilestones(ctx.store, project.id);
    const kept = input.mode === 'replace' ? existing.filter((m) => m.stage !== stage) : existing;
    const generated = schedule.nodes.map((n) => ({
      name: n.name,
      stage,
      plannedDate: n.plannedDate,
      // a project already started has its 实际开工 node done on that day
      actualDate: n.name === START_NODE ? project.actualStartDate : null,
      unitId,
      note: n.approval?.department ? `前期手续，审批部门${n.approval.department}` : n.approval ? '前期手续' : '',
    }));
    await replaceMilestones(ctx.store, project.id, [...kept, ...generated], meta);
  }
  return {
    stage,
    anchorField: anchor.field,
    anchorDate,
    direction: anchor.direction,
    schedule,
    unit: unitId === null ? null : { id: unitId, name: units.get(unitId)!.name },
    milestones: await listMilestones(ctx.store, project.id),
  };
}

export const milestoneHandlers = {
  'milestones.list': async (ctx: AppContext, input: ParsedInput<'milestones.list'>) =>
    ctx.store.snapshot(async () => {
      await projectOf(ctx, input.projectId);
      return listMilestones(ctx.store, input.projectId);
    }),

  'milestones.save': async (ctx: AppContext, input: ParsedInput<'milestones.save'>) => {
    const meta = await writeMeta(ctx);
    await ctx.store.transaction(
      async () => {
        await projectOf(ctx, input.projectId);
        await checkNodes(ctx, input.nodes);
        const owned = new Map((await listMilestones(ctx.store, input.projectId)).map((m) => [m.id, m.version]));
        const foreign = input.nodes.find((n) => n.id !== undefined && !owned.has(n.id));
        if (foreign) throw new AppError('invalid_input', `节点“${foreign.name}”不属于该项目，请刷新后重试`, 'nodes');
        const subject = { entity: 'project', entityId: input.projectId, field: 'milestone' };
        for (const node of input.nodes) {
          if (node.id === undefined) continue;
          await refuseIfChanged(ctx, node.version, owned.get(node.id)!, subject);
        }
        const read = input.readIds && new Set(input.readIds);
        const addedSince = read && [...owned].find(([id]) => !read.has(id));
        if (addedSince) await refuseAsChanged(ctx, addedSince[1], subject);
        await replaceMilestones(ctx.store, input.projectId, input.nodes, meta);
      },
      { idempotent: true },
    );
    return listMilestones(ctx.store, input.projectId);
  },

  'milestones.generate': async (
    ctx: AppContext,
    input: ParsedInput<'milestones.generate'>,
  ): Promise<GeneratedMilestones> =>
    input.mode === 'preview'
      ? ctx.store.snapshot(() => generate(ctx, input))
      : ctx.store.transaction(() => generate(ctx, input), { idempotent: true }),

  'milestoneTemplates.list': async (ctx: AppContext) => listTemplates(ctx.store),

  'milestoneTemplates.save': async (ctx: AppContext, input: ParsedInput<'milestoneTemplates.save'>) => {
    const meta = await writeMeta(ctx);
    const names = input.nodes.map((n) => n.name);
    const duplicate = names.find((name, i) => names.indexOf(name) !== i);
    if (duplicate) throw new AppError('invalid_input', `节点“${duplicate}”重复`, 'nodes');
    await ctx.store.transaction(() => replaceTemplate(ctx.store, input.stage, input.nodes, meta), { idempotent: true });
    return listTemplates(ctx.store);
  },

  'milestoneTemplates.reset': async (ctx: AppContext, input: ParsedInput<'milestoneTemplates.reset'>) =>
    milestoneHandlers['milestoneTemplates.save'](ctx, {
      stage: input.stage,
      nodes: DEFAULT_MILESTONE_TEMPLATES[input.stage],
    }),
};

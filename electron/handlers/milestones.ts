import { AppError } from '../../db/errors';
import {
  DEFAULT_MILESTONE_TEMPLATES,
  generateSchedule,
  scheduleUnitOf,
  START_NODE,
  TEMPLATE_ANCHORS,
} from '../../db/model/milestones';
import { PROJECT_FIELD_LABELS } from '../../db/model/project';
import { STAGE_LABELS } from '../../db/model/stages';
import { getProject } from '../../db/queries/projects-read';
import { listMilestones, listTemplates, replaceMilestones, replaceTemplate } from '../../db/queries/milestones';
import { listUnits, referenceName } from '../../db/queries/reference';
import type { GeneratedMilestones, ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { planYearOf, writeMeta } from '../services/session';
import { inTransaction } from '../../db/transaction';

function projectOf(ctx: AppContext, id: number) {
  const project = getProject(ctx.db, id, planYearOf(ctx));
  if (!project) throw new AppError('not_found', '找不到该项目，可能已被删除');
  return project;
}

function checkNodes(ctx: AppContext, nodes: ParsedInput<'milestones.save'>['nodes']): void {
  const today = ctx.today();
  nodes.forEach((node, index) => {
    const where = `第${index + 1}个节点“${node.name}”`;
    if (node.actualDate && node.actualDate > today) {
      throw new AppError('invalid_input', `${where}的实际日期不能晚于今天`, 'nodes');
    }
    if (node.unitId !== null && referenceName(ctx.db, 'unit', node.unitId) === undefined) {
      throw new AppError('invalid_input', `${where}的责任单位不存在`, 'nodes');
    }
  });
}

export const milestoneHandlers = {
  'milestones.list': async (ctx: AppContext, input: ParsedInput<'milestones.list'>) => {
    projectOf(ctx, input.projectId);
    return listMilestones(ctx.db, input.projectId);
  },

  'milestones.save': async (ctx: AppContext, input: ParsedInput<'milestones.save'>) => {
    const meta = writeMeta(ctx);
    inTransaction(ctx.db, () => {
      projectOf(ctx, input.projectId);
      checkNodes(ctx, input.nodes);
      const owned = new Set(listMilestones(ctx.db, input.projectId).map((m) => m.id));
      const foreign = input.nodes.find((n) => n.id !== undefined && !owned.has(n.id));
      if (foreign) throw new AppError('invalid_input', `节点“${foreign.name}”不属于该项目，请刷新后重试`, 'nodes');
      replaceMilestones(ctx.db, input.projectId, input.nodes, meta);
    });
    return listMilestones(ctx.db, input.projectId);
  },

  'milestones.generate': async (
    ctx: AppContext,
    input: ParsedInput<'milestones.generate'>,
  ): Promise<GeneratedMilestones> => {
    const project = projectOf(ctx, input.projectId);
    const stage = input.stage ?? project.stage;
    const anchor = TEMPLATE_ANCHORS[stage];
    const template = listTemplates(ctx.db)[stage];
    if (!anchor || !template.length) {
      throw new AppError('no_template', `${STAGE_LABELS[stage]}阶段没有节点模板，可在“设置 → 节点模板”中添加`, 'stage');
    }
    const anchorDate = project[anchor.field];
    if (!anchorDate) {
      throw new AppError(
        'invalid_input',
        `请先填写${PROJECT_FIELD_LABELS[anchor.field]}，再按模板排节点`,
        anchor.field,
      );
    }
    const schedule = generateSchedule(template, anchorDate, anchor.direction, ctx.today());
    const units = new Map(listUnits(ctx.db).map((u) => [u.id, u]));
    const unitId = scheduleUnitOf(project, (id) => units.get(id)?.retired === false);
    if (input.mode !== 'preview') {
      const meta = writeMeta(ctx);
      inTransaction(ctx.db, () => {
        const existing = listMilestones(ctx.db, project.id);
        const kept = input.mode === 'replace' ? existing.filter((m) => m.stage !== stage) : existing;
        const generated = schedule.nodes.map((n) => ({
          name: n.name,
          stage,
          plannedDate: n.plannedDate,
          // a project already started has its 实际开工 node done on that day
          actualDate: n.name === START_NODE ? project.actualStartDate : null,
          unitId,
          note: '',
        }));
        replaceMilestones(ctx.db, project.id, [...kept, ...generated], meta);
      });
    }
    return {
      stage,
      anchorField: anchor.field,
      anchorDate,
      direction: anchor.direction,
      schedule,
      unit: unitId === null ? null : { id: unitId, name: units.get(unitId)!.name },
      milestones: listMilestones(ctx.db, project.id),
    };
  },

  'milestoneTemplates.list': async (ctx: AppContext) => listTemplates(ctx.db),

  'milestoneTemplates.save': async (ctx: AppContext, input: ParsedInput<'milestoneTemplates.save'>) => {
    const meta = writeMeta(ctx);
    const names = input.nodes.map((n) => n.name);
    const duplicate = names.find((name, i) => names.indexOf(name) !== i);
    if (duplicate) throw new AppError('invalid_input', `节点“${duplicate}”重复`, 'nodes');
    inTransaction(ctx.db, () => replaceTemplate(ctx.db, input.stage, input.nodes, meta));
    return listTemplates(ctx.db);
  },

  'milestoneTemplates.reset': async (ctx: AppContext, input: ParsedInput<'milestoneTemplates.reset'>) =>
    milestoneHandlers['milestoneTemplates.save'](ctx, {
      stage: input.stage,
      nodes: DEFAULT_MILESTONE_TEMPLATES[input.stage],
    }),
};

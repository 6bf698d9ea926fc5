import { addDays, differenceInCalendarDays, parseISO } from 'date-fns';
import { toIsoDate } from './dates';
import type { Stage } from './stages';

export interface MilestoneTemplateNode {
  name: string;
  /** 工期: the days this step takes; it ends on its planned date */
  durationDays: number;
}

export interface Milestone {
  id: number;
  projectId: number;
  name: string;
  stage: Stage | null;
  plannedDate: string | null;
  actualDate: string | null;
  unitId: number | null;
  unitName: string | null;
  note: string;
  sortOrder: number;
  /** raised by every change of the node: the node editor sends back the one it read */
  version: number;
}

/** DOMAIN.md's defaults, editable in settings. */
/** The node that the project's 实际开工日期 completes: entering the date marks it done on that day. */
export const START_NODE = '实际开工';

export const DEFAULT_MILESTONE_TEMPLATES: Record<Stage, MilestoneTemplateNode[]> = {
  reserve: [
    { name: '项目签约', durationDays: 30 },
    { name: '完成项目建议书/可研', durationDays: 60 },
  ],
  preliminary: [
    { name: '立项（审批/核准/备案）', durationDays: 20 },
    { name: '用地预审与选址意见', durationDays: 30 },
    { name: '环评批复', durationDays: 30 },
    { name: '节能审查', durationDays: 20 },
    { name: '土地摘牌（供地）', durationDays: 45 },
    { name: '工程规划许可', durationDays: 20 },
    { name: '施工图审查', durationDays: 30 },
    { name: '施工许可', durationDays: 15 },
  ],
  new_start: [
    { name: START_NODE, durationDays: 0 },
    { name: '基础施工完成', durationDays: 90 },
    { name: '主体施工', durationDays: 120 },
  ],
  continuing: [
    { name: '主体完工（封顶）', durationDays: 90 },
    { name: '设备安装', durationDays: 60 },
    { name: '竣工验收', durationDays: 30 },
    { name: '投产', durationDays: 15 },
  ],
  completed: [],
};

/**
 * How a stage's template is laid out: 新开工 runs forward from the planned start (实际开工 first);
 * the others are scheduled backwards (倒排) so the last node lands on the target date.
 */
export const TEMPLATE_ANCHORS: Record<
  Stage,
  { field: 'plannedStartDate' | 'plannedCompletionDate'; direction: 'backward' | 'forward' } | null
> = {
  reserve: { field: 'plannedStartDate', direction: 'backward' },
  preliminary: { field: 'plannedStartDate', direction: 'backward' },
  new_start: { field: 'plannedStartDate', direction: 'forward' },
  continuing: { field: 'plannedCompletionDate', direction: 'backward' },
  completed: null,
};

/**
 * The unit the nodes laid out from a template are given: the project's first 责任单位, else its 牵头单位.
 * A retired unit takes no new work, so the next one in use is taken instead.
 */
export function scheduleUnitOf(
  project: { responsibleUnitIds: readonly number[]; leadUnitId: number | null },
  inUse: (unitId: number) => boolean,
): number | null {
  return [...project.responsibleUnitIds, project.leadUnitId].find((id) => id !== null && inUse(id)) ?? null;
}

export interface GeneratedNode {
  name: string;
  plannedDate: string;
  /** the planned date is already behind today: the schedule is too tight, shown rather than squeezed */
  inPast: boolean;
  /** a 前期手续 item laid out as a node (倒排 with the checklist), with its 审批部门 */
  approval?: { department: string };
}

export interface GeneratedSchedule {
  nodes: GeneratedNode[];
  /** when the first step must begin for the template's durations to hold */
  mustStartBy: string;
  warnings: string[];
}

/** The warning for the template's nodes already behind today, or null when none is. */
export function pastNodesWarning(nodes: readonly GeneratedNode[]): string | null {
  const late = nodes.filter((n) => n.inPast);
  return late.length
    ? `按模板工期排出的${late.length}个节点日期已早于今天（${late.map((n) => n.name).join('、')}），请逐个核实调整`
    : null;
}

export function generateSchedule(
  template: readonly MilestoneTemplateNode[],
  anchor: string,
  direction: 'backward' | 'forward',
  today: string,
): GeneratedSchedule {
  const planned: string[] = new Array(template.length);
  if (direction === 'backward') {
    let end = parseISO(anchor);
    for (let i = template.length - 1; i >= 0; i--) {
      planned[i] = toIsoDate(end);
      end = addDays(end, -template[i].durationDays);
    }
  } else {
    let end = parseISO(anchor);
    template.forEach((node, i) => {
      end = addDays(end, node.durationDays);
      planned[i] = toIsoDate(end);
    });
  }
  const mustStartBy = template.length ? toIsoDate(addDays(parseISO(planned[0]), -template[0].durationDays)) : anchor;
  const nodes = template.map((node, i) => ({ name: node.name, plannedDate: planned[i], inPast: planned[i] < today }));
  const warnings: string[] = [];
  const late = pastNodesWarning(nodes);
  if (late) warnings.push(late);
  const slack = differenceInCalendarDays(parseISO(mustStartBy), parseISO(today));
  if (slack < 0 && direction === 'backward') {
    warnings.push(`按模板工期，首个节点须在${mustStartBy}开始办理，已晚${-slack}天，时间不足`);
  } else if (slack < 0) {
    warnings.push(`计划开工日期${anchor}已过${-slack}天，顺排出的节点有的已早于今天`);
  }
  return { nodes, mustStartBy, warnings };
}

/**
 * The example office's recent activity: milestones scheduled from the templates (most done, a few late), each
 * with a responsible unit of its project, and the last weeks of dispatch entries (this week mostly reported).
 * Pure and deterministic, like the projects.
 */
import { addDays, parseISO } from 'date-fns';
import { toIsoDate } from '../model/dates';
import type { DispatchTexts } from '../model/dispatch';
import { DEFAULT_MILESTONE_TEMPLATES, generateSchedule, TEMPLATE_ANCHORS } from '../model/milestones';
import type { ProjectFields } from '../model/project';
import type { Stage } from '../model/stages';
import { shiftWeek, weekOf } from '../model/weeks';
import { progressAsOf, type ProgressSubject } from './demo-progress';
import { createRandom, hashSeed } from './demo-random';
import { troublesFitting } from './demo-troubles';

export type DemoSubject = ProgressSubject & Pick<ProjectFields, 'plannedCompletionDate' | 'progressText'>;

export interface DemoMilestone {
  name: string;
  stage: Stage;
  plannedDate: string;
  actualDate: string | null;
}

export interface DemoWeekEntry extends DispatchTexts {
  week: string;
}

export const DEMO_DISPATCH_WEEKS = 6;

const NEXT_PLAN: Record<Stage, string[]> = {
  reserve: ['继续跟踪洽谈，争取尽早签约', '对接选址和用地指标'],
  preliminary: ['加快办理剩余审批手续', '完成施工图审查，申领施工许可证'],
  new_start: ['加快基础施工进度', '组织施工队伍进场，确保按期开工'],
  continuing: ['加快主体施工，确保按节点推进', '组织设备进场安装调试', '准备竣工验收资料'],
  completed: [''],
};

/** Who answers for a node, in order of preference; only units the project itself has are chosen. */
const NODE_UNITS: Record<string, string[]> = {
  项目签约: ['市招商服务中心', '市商务局'],
  '完成项目建议书/可研': ['市发展和改革局'],
  '立项（审批/核准/备案）': ['市发展和改革局', '市工业和信息化局'],
  用地预审与选址意见: ['市自然资源局'],
  环评批复: ['市生态环境局'],
  节能审查: ['市发展和改革局', '市工业和信息化局'],
  '土地摘牌（供地）': ['市自然资源局'],
  工程规划许可: ['市自然资源局'],
  施工图审查: ['市住房和城乡建设局'],
  施工许可: ['市住房和城乡建设局'],
};

/** The node's responsible unit: the project's unit for that kind of step, else its first (where it is built). */
export function demoNodeUnit(nodeName: string, projectUnits: readonly { id: number; name: string }[]): number | null {
  for (const name of NODE_UNITS[nodeName] ?? []) {
    const unit = projectUnits.find((candidate) => candidate.name === name);
    if (unit) return unit.id;
  }
  return projectUnits[0]?.id ?? null;
}

/** Nodes that make a project 竣工: done only when it is, which a 续建 project is not yet. */
const COMPLETION_NODES = ['竣工验收', '投产'];

/**
 * Nodes of the project's stage template: those before today mostly done, one in eight left late. A 新开工
 * project's nodes wait for its 实际开工: its first node is done on that very day, none before it.
 */
export function demoMilestones(project: DemoSubject, today: string): DemoMilestone[] {
  const anchor = TEMPLATE_ANCHORS[project.stage];
  const date = anchor ? project[anchor.field] : null;
  if (!anchor || !date) return [];
  const random = createRandom(hashSeed(`${project.name}|milestones`));
  const lateOne = random.next() < 0.125;
  const { nodes } = generateSchedule(DEFAULT_MILESTONE_TEMPLATES[project.stage], date, anchor.direction, today);
  const waitsForStart = project.stage === 'new_start';
  const started = project.actualStartDate !== null && project.actualStartDate <= today;
  const lastPast = nodes.filter((n) => n.plannedDate < today).at(-1);
  return nodes.map((node, index) => {
    const open = { name: node.name, stage: project.stage, plannedDate: node.plannedDate, actualDate: null };
    if (waitsForStart && !started) return open;
    if (waitsForStart && index === 0) return { ...open, actualDate: project.actualStartDate };
    // a 续建 project is not 竣工: its completion nodes stay open, late once their date has passed
    if (COMPLETION_NODES.includes(node.name)) return open;
    if (node.plannedDate >= today || (lateOne && node === lastPast)) return open;
    const drift = Math.floor(random.next() * 11) - 5;
    const actual = toIsoDate(addDays(parseISO(node.plannedDate), drift));
    return { ...open, actualDate: actual > today ? today : actual };
  });
}

/**
 * The last weeks of dispatch for a project still under way; about one in six has not reported this week.
 * This week's entry carries the project's 形象进度; earlier ones say what stood at the end of their week.
 */
export function demoDispatchEntries(project: DemoSubject, today: string): DemoWeekEntry[] {
  if (project.stage === 'completed') return [];
  const random = createRandom(hashSeed(`${project.name}|dispatch`));
  const current = weekOf(today).key;
  const reportedThisWeek = random.next() >= 1 / 6;
  const nodes = demoMilestones(project, today);
  const troubled = random.next() < 0.3;
  const fitting = troublesFitting(project, nodes, today);
  const trouble = troubled && fitting.length ? fitting[Math.floor(random.next() * fitting.length)] : null;
  const plans = NEXT_PLAN[project.stage];
  const entries: DemoWeekEntry[] = [];
  for (let back = DEMO_DISPATCH_WEEKS - 1; back >= 0; back--) {
    if (back === 0 && !reportedThisWeek) continue;
    const week = shiftWeek(current, -back);
    const raised = trouble && back <= 2 ? trouble : null;
    entries.push({
      week: week.key,
      progress: back === 0 ? project.progressText : progressAsOf(project, nodes, week.end),
      problems: raised?.problem ?? '',
      coordination: raised?.coordination ?? '',
      nextPlan: plans[(back + project.name.length) % plans.length],
    });
  }
  return entries;
}

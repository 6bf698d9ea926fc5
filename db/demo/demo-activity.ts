/**
 * The example office's recent activity: milestones scheduled from the templates (most done, a few late)
 * and the last weeks of dispatch entries (this week mostly reported). Pure and deterministic, like the projects.
 */
import { addDays, parseISO } from 'date-fns';
import { toIsoDate } from '../model/dates';
import type { DispatchTexts } from '../model/dispatch';
import { DEFAULT_MILESTONE_TEMPLATES, generateSchedule, TEMPLATE_ANCHORS } from '../model/milestones';
import type { ProjectFields } from '../model/project';
import type { Stage } from '../model/stages';
import type { ProblemCategory } from '../model/problems';
import { parseWeek, shiftWeek, weekOf } from '../model/weeks';
import { createRandom, hashSeed } from './demo-random';

type DemoSubject = Pick<
  ProjectFields,
  'name' | 'stage' | 'plannedStartDate' | 'plannedCompletionDate' | 'actualStartDate' | 'progressText'
>;

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

const EARLIER_PROGRESS: Record<Stage, string> = {
  reserve: '正在与投资方洽谈对接',
  preliminary: '正在办理前期审批手续',
  new_start: '正在进行开工前各项准备',
  continuing: '按计划推进主体施工',
  completed: '',
};

const NEXT_PLAN: Record<Stage, string[]> = {
  reserve: ['继续跟踪洽谈，争取尽早签约', '对接选址和用地指标'],
  preliminary: ['加快办理剩余审批手续', '完成施工图审查，申领施工许可证'],
  new_start: ['加快基础施工进度', '组织施工队伍进场，确保按期开工'],
  continuing: ['加快主体施工，确保按节点推进', '组织设备进场安装调试', '准备竣工验收资料'],
  completed: [''],
};

const PROBLEMS: { problem: string; coordination: string; category: ProblemCategory; unit: string }[] = [
  {
    problem: '用地报批进度较慢，影响土地摘牌',
    coordination: '请市自然资源局加快用地报批',
    category: 'land',
    unit: '市自然资源局',
  },
  {
    problem: '施工用电尚未接通',
    coordination: '请国网湘乡市供电公司协调临时用电',
    category: 'utilities',
    unit: '市发展和改革局',
  },
  {
    problem: '项目资金未完全到位',
    coordination: '请市发展和改革局协助对接银行信贷',
    category: 'funds',
    unit: '市发展和改革局',
  },
  {
    problem: '环评批复尚未取得',
    coordination: '请市生态环境局加快环评审批',
    category: 'approval',
    unit: '市生态环境局',
  },
  {
    problem: '周边群众对施工噪音有意见',
    coordination: '请所在镇人民政府做好群众工作',
    category: 'other',
    unit: '湘乡经济开发区管委会',
  },
];

export interface DemoProblem {
  description: string;
  category: ProblemCategory;
  unitName: string;
  sourceWeek: string;
  raisedOn: string;
  deadline: string;
}

/** The coordination a project asked for two weeks ago, raised at that week's meeting and assigned for two weeks. */
export function demoProblem(project: DemoSubject, today: string): DemoProblem | null {
  const entries = demoDispatchEntries(project, today);
  const raisedIn = entries.find((e) => e.coordination);
  const trouble = raisedIn && PROBLEMS.find((p) => p.problem === raisedIn.problems);
  if (!raisedIn || !trouble) return null;
  const week = parseWeek(raisedIn.week);
  if (!week) return null;
  const random = createRandom(hashSeed(`${project.name}|problem`));
  return {
    description: trouble.problem,
    category: trouble.category,
    unitName: trouble.unit,
    sourceWeek: raisedIn.week,
    raisedOn: week.start,
    deadline: toIsoDate(addDays(parseISO(week.start), random.int(7, 28))),
  };
}

function anchorDate(project: DemoSubject): string | null {
  const anchor = TEMPLATE_ANCHORS[project.stage];
  return anchor ? project[anchor.field] : null;
}

/** Nodes of the project's stage template: those before today mostly done, one in eight left late. */
export function demoMilestones(project: DemoSubject, today: string): DemoMilestone[] {
  const anchor = TEMPLATE_ANCHORS[project.stage];
  const date = anchorDate(project);
  if (!anchor || !date) return [];
  const random = createRandom(hashSeed(`${project.name}|milestones`));
  const lateOne = random.next() < 0.125;
  const { nodes } = generateSchedule(DEFAULT_MILESTONE_TEMPLATES[project.stage], date, anchor.direction, today);
  let leftLate = false;
  return nodes.map((node) => {
    if (node.plannedDate >= today)
      return { name: node.name, stage: project.stage, plannedDate: node.plannedDate, actualDate: null };
    const isLast = nodes.filter((n) => n.plannedDate < today).at(-1) === node;
    if (lateOne && isLast && !leftLate) {
      leftLate = true;
      return { name: node.name, stage: project.stage, plannedDate: node.plannedDate, actualDate: null };
    }
    const drift = Math.floor(random.next() * 11) - 5;
    const actual = toIsoDate(addDays(parseISO(node.plannedDate), drift));
    return {
      name: node.name,
      stage: project.stage,
      plannedDate: node.plannedDate,
      actualDate: actual > today ? today : actual,
    };
  });
}

/** The last weeks of dispatch for a project still under way; about one in six has not reported this week. */
export function demoDispatchEntries(project: DemoSubject, today: string): DemoWeekEntry[] {
  if (project.stage === 'completed') return [];
  const random = createRandom(hashSeed(`${project.name}|dispatch`));
  const current = weekOf(today).key;
  const reportedThisWeek = random.next() >= 1 / 6;
  const trouble = random.next() < 0.3 ? PROBLEMS[Math.floor(random.next() * PROBLEMS.length)] : null;
  const plans = NEXT_PLAN[project.stage];
  const entries: DemoWeekEntry[] = [];
  for (let back = DEMO_DISPATCH_WEEKS - 1; back >= 0; back--) {
    if (back === 0 && !reportedThisWeek) continue;
    const recent = back <= 1;
    entries.push({
      week: shiftWeek(current, -back).key,
      progress: recent ? project.progressText : EARLIER_PROGRESS[project.stage],
      problems: trouble && back <= 2 ? trouble.problem : '',
      coordination: trouble && back <= 2 ? trouble.coordination : '',
      nextPlan: plans[(back + project.name.length) % plans.length],
    });
  }
  return entries;
}

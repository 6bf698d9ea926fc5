import { generateSchedule, pastNodesWarning, type GeneratedNode, type GeneratedSchedule } from './milestones';
import type { Category } from './project';

// 前期手续 (issue #17): the approvals a project needs before it may start, one checklist per project laid out
// from its 项目类别's template. Pure rules; the store reads and writes live in db/queries/approvals.ts.

export const APPROVAL_STATUSES = ['not_started', 'in_progress', 'done', 'not_needed'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
export const APPROVAL_STATUS_LABELS: Record<ApprovalStatus, string> = {
  not_started: '未启动',
  in_progress: '办理中',
  done: '已办结',
  not_needed: '不需办理',
};

/** Still to be done: what lights a project when late and what the progress text names as missing. */
export function isOpenApproval(status: ApprovalStatus): boolean {
  return status === 'not_started' || status === 'in_progress';
}

export interface ApprovalItem {
  id: number;
  projectId: number;
  name: string;
  /** 审批部门 */
  department: string;
  /** 计划办结 */
  plannedDate: string | null;
  /** 实际办结 */
  actualDate: string | null;
  /** 批复文号 */
  docNumber: string;
  status: ApprovalStatus;
  note: string;
  sortOrder: number;
  /** raised by every change of the item: the checklist editor sends back the one it read */
  version: number;
}

export interface ApprovalTemplateItem {
  name: string;
  /** the 审批部门 a new checklist's item is given */
  department: string;
  /** 办理时限: the days the approval usually takes, for 倒排 of items without a 计划办结 */
  durationDays: number;
}

export const APPROVAL_FIELD_LABELS = {
  name: '手续名称',
  department: '审批部门',
  plannedDate: '计划办结',
  actualDate: '实际办结',
  docNumber: '批复文号',
  status: '办理状态',
  note: '备注',
} as const;

const COMMON: readonly ApprovalTemplateItem[] = [
  { name: '立项/备案', department: '发改局', durationDays: 20 },
  { name: '用地预审与选址意见书', department: '自然资源局', durationDays: 30 },
  { name: '建设用地规划许可证', department: '自然资源局', durationDays: 20 },
  { name: '建设工程规划许可证', department: '自然资源局', durationDays: 20 },
  { name: '环评批复', department: '生态环境局', durationDays: 30 },
  { name: '节能审查', department: '发改局', durationDays: 20 },
  { name: '施工图审查', department: '住建局', durationDays: 30 },
  { name: '施工许可证', department: '住建局', durationDays: 15 },
];

const WATER_SOIL: ApprovalTemplateItem = { name: '水土保持', department: '水利局', durationDays: 20 };
const SAFETY: ApprovalTemplateItem = { name: '安全评价', department: '应急管理局', durationDays: 30 };
const STABILITY: ApprovalTemplateItem = { name: '稳评', department: '政法委', durationDays: 20 };

/** Placed after 环评批复 (the 5th item): the assessments are done beside it, before 施工图审查. */
const withAssessments = (...extra: ApprovalTemplateItem[]) => [...COMMON.slice(0, 5), ...extra, ...COMMON.slice(5)];

/**
 * The templates a new library starts with (migration 0160 inserts the same rows; “恢复默认” in 设置 uses these).
 * 产业项目 add 水土保持 and 安全评价 (factories move earth and most handle hazards); 基础设施 add 水土保持 and 稳评
 * (roads and works take land and move people); 社会民生 add 稳评; 其他 has the common eight.
 */
export const DEFAULT_APPROVAL_TEMPLATES: ApprovalTemplates = {
  industry: withAssessments(WATER_SOIL, SAFETY),
  infrastructure: withAssessments(WATER_SOIL, STABILITY),
  livelihood: withAssessments(STABILITY),
  other: [...COMMON],
};

export type ApprovalTemplates = Record<Category, ApprovalTemplateItem[]>;

export interface ApprovalProgress {
  /** items that count: all but 不需办理 */
  total: number;
  done: number;
  /** the open items' names, in checklist order */
  missing: string[];
  /** “已办结5/8，缺施工许可证”; '' for a project without a checklist */
  text: string;
}

/** Beyond three missing items, two are named and the rest counted: the text fits a ledger cell. */
const MISSING_NAMED = 3;

export function approvalProgressText(done: number, total: number, missing: readonly string[]): string {
  if (total === 0) return '';
  const head = `已办结${done}/${total}`;
  if (!missing.length) return head;
  const named =
    missing.length <= MISSING_NAMED
      ? missing.join('、')
      : `${missing.slice(0, MISSING_NAMED - 1).join('、')}等${missing.length}项`;
  return `${head}，缺${named}`;
}

/** The checklist's progress: 不需办理 items are out of the count; 未启动 and 办理中 are missing. */
export function approvalProgress(items: readonly { name: string; status: ApprovalStatus }[]): ApprovalProgress {
  const counted = items.filter((i) => i.status !== 'not_needed');
  const done = counted.filter((i) => i.status === 'done').length;
  const missing = counted.filter((i) => i.status !== 'done').map((i) => i.name);
  return { total: counted.length, done, missing, text: approvalProgressText(done, counted.length, missing) };
}

export interface ApprovalValues {
  name: string;
  plannedDate: string | null;
  actualDate: string | null;
  status: ApprovalStatus;
}

/**
 * What is wrong with one item as a clerk would be told it, or null. An 实际办结 goes with 已办结 and only with it:
 * a date on an item still 办理中 says it is done, and 已办结 without the date leaves the ledger without it.
 */
export function approvalItemProblem(item: ApprovalValues, today: string): string | null {
  if (item.actualDate && item.actualDate > today) return '实际办结日期不能晚于今天';
  if (item.status === 'done' && !item.actualDate) return '已办结的手续请填写实际办结日期';
  if (item.status !== 'done' && item.actualDate) {
    return `填写了实际办结日期，状态应为“已办结”（现为“${APPROVAL_STATUS_LABELS[item.status]}”）`;
  }
  return null;
}

/** 办理时限 of an item its category's template does not list. */
export const DEFAULT_APPROVAL_DAYS = 20;

/**
 * 倒排 with the checklist: the open items (未启动/办理中) join the stage template's nodes. An item with a 计划办结
 * keeps it; the others are laid out backwards from the 计划开工日期 (approvals are what starting needs) by their
 * template's 办理时限, in checklist order. A template node named like a checklist item is left out: the item
 * stands for it. The nodes come out by date (a stable sort: ties keep template, then checklist order).
 * `plannedStart` may be null only when every open item has its date.
 */
export function withApprovalNodes(
  schedule: GeneratedSchedule,
  checklist: readonly { name: string; department: string; plannedDate: string | null; status: ApprovalStatus }[],
  durationOf: (name: string) => number,
  plannedStart: string | null,
  today: string,
): GeneratedSchedule {
  const names = new Set(checklist.map((i) => i.name));
  const open = checklist.filter((i) => isOpenApproval(i.status));
  const undated = open.filter((i) => !i.plannedDate);
  const laidOut =
    undated.length && plannedStart
      ? generateSchedule(
          undated.map((i) => ({ name: i.name, durationDays: durationOf(i.name) })),
          plannedStart,
          'backward',
          today,
        ).nodes
      : [];
  const dateOf = new Map(laidOut.map((n) => [n.name, n.plannedDate]));
  const itemNodes: GeneratedNode[] = open.flatMap((i) => {
    const plannedDate = i.plannedDate ?? dateOf.get(i.name);
    return plannedDate
      ? [{ name: i.name, plannedDate, inPast: plannedDate < today, approval: { department: i.department } }]
      : [];
  });
  const kept = schedule.nodes.filter((n) => !names.has(n.name));
  const nodes = [...kept, ...itemNodes].sort((a, b) =>
    a.plannedDate < b.plannedDate ? -1 : a.plannedDate > b.plannedDate ? 1 : 0,
  );
  // the template's own warning names only the nodes that are still generated
  const before = pastNodesWarning(schedule.nodes);
  const after = pastNodesWarning(kept);
  const warnings = schedule.warnings.flatMap((w) => (w !== before ? [w] : after ? [after] : []));
  const late = itemNodes.filter((n) => n.inPast);
  if (late.length) {
    warnings.push(
      `${late.length}项前期手续的计划办结已早于今天（${late.map((n) => n.name).join('、')}），请先办理或调整日期`,
    );
  }
  return { ...schedule, nodes, warnings };
}

import { dayNumber } from './dates';

export const PROBLEM_CATEGORIES = ['land', 'funds', 'approval', 'utilities', 'demolition', 'labour', 'other'] as const;
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number];
export const PROBLEM_CATEGORY_LABELS: Record<ProblemCategory, string> = {
  land: '用地',
  funds: '资金',
  approval: '审批手续',
  utilities: '水电路',
  demolition: '征地拆迁',
  labour: '用工',
  other: '其他',
};

/**
 * Words in a dispatch text that tell which kind of problem it is. Checked in this order: 征地拆迁 before 用地
 * (征地 is about land too), and the broad single characters of 水电路 last.
 */
const CATEGORY_WORDS: [ProblemCategory, RegExp][] = [
  ['demolition', /征地|拆迁|搬迁|征收|迁改/],
  ['land', /土地|用地|供地|摘牌/],
  ['funds', /资金|贷款|信贷|融资|拨付/],
  ['approval', /审批|手续|许可|批复|环评|备案|报批/],
  ['labour', /用工|招工|务工|工人/],
  ['utilities', /水|电|路|气/],
];

/** The category a dispatch text most likely belongs to; the clerk can change it before registering. */
export function suggestCategory(text: string): ProblemCategory {
  return CATEGORY_WORDS.find(([, words]) => words.test(text))?.[0] ?? 'other';
}

export const PROBLEM_STATUSES = ['pending', 'in_progress', 'closing_requested', 'closed', 'returned'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];
export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = {
  pending: '待交办',
  in_progress: '办理中',
  closing_requested: '申请销号',
  closed: '已销号',
  returned: '退回',
};

/** The 督办 steps a clerk takes; each moves a problem from one status to another. */
export const PROBLEM_ACTIONS = ['assign', 'requestClose', 'close', 'return', 'resume'] as const;
export type ProblemAction = (typeof PROBLEM_ACTIONS)[number];
export const PROBLEM_ACTION_LABELS: Record<ProblemAction, string> = {
  assign: '交办',
  requestClose: '申请销号',
  close: '审结销号',
  return: '退回',
  resume: '重新办理',
};

const TRANSITIONS: Record<ProblemAction, { from: readonly ProblemStatus[]; to: ProblemStatus }> = {
  assign: { from: ['pending'], to: 'in_progress' },
  requestClose: { from: ['in_progress'], to: 'closing_requested' },
  close: { from: ['closing_requested'], to: 'closed' },
  // a struck-off problem that comes back is reopened through 退回, never straight to 办理中
  return: { from: ['closing_requested', 'closed'], to: 'returned' },
  resume: { from: ['returned'], to: 'in_progress' },
};

export function actionsFrom(status: ProblemStatus): ProblemAction[] {
  return PROBLEM_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
}

export type TransitionResult = { ok: true; to: ProblemStatus } | { ok: false; message: string };

export function transition(status: ProblemStatus, action: ProblemAction): TransitionResult {
  const rule = TRANSITIONS[action];
  if (rule.from.includes(status)) return { ok: true, to: rule.to };
  const allowed = actionsFrom(status).map((a) => PROBLEM_ACTION_LABELS[a]);
  return {
    ok: false,
    message: `问题处于“${PROBLEM_STATUS_LABELS[status]}”，不能${PROBLEM_ACTION_LABELS[action]}${
      allowed.length ? `；可以：${allowed.join('、')}` : '；已销号的问题如需重新办理，请先退回'
    }`,
  };
}

export const OPEN_STATUSES: readonly ProblemStatus[] = ['pending', 'in_progress', 'closing_requested', 'returned'];

export function isOpen(status: ProblemStatus): boolean {
  return status !== 'closed';
}

/** 催办 presses the unit the problem was handed to, so there is nothing to chase before 交办. */
export function canChase(status: ProblemStatus): boolean {
  return isOpen(status) && status !== 'pending';
}
export const CHASE_BEFORE_ASSIGN = '问题尚未交办，不能催办；请先交办给责任单位';

export const DEADLINE_BEFORE_ASSIGNED = '办结时限不能早于交办日期';

/** WT-2026-0001: numbered per year of registration. */
export function problemCode(year: number, sequence: number): string {
  return `WT-${year}-${String(sequence).padStart(4, '0')}`;
}

export const PROBLEM_NOTE_KINDS = ['progress', 'chase', 'feedback', 'transition'] as const;
export type ProblemNoteKind = (typeof PROBLEM_NOTE_KINDS)[number];
export const PROBLEM_NOTE_KIND_LABELS: Record<ProblemNoteKind, string> = {
  progress: '进展',
  chase: '催办',
  feedback: '反馈',
  transition: '办理',
};

export interface ProblemNote {
  id: number;
  notedOn: string;
  kind: ProblemNoteKind;
  text: string;
  operator: string;
}

export interface Problem {
  id: number;
  code: string;
  projectId: number;
  projectCode: string;
  projectName: string;
  chainName: string;
  chainLead: string;
  sourceWeek: string | null;
  source: string;
  description: string;
  category: ProblemCategory;
  leadUnitId: number | null;
  leadUnitName: string | null;
  responsibleUnitIds: number[];
  responsibleUnitNames: string[];
  responsiblePerson: string;
  raisedOn: string;
  assignedOn: string | null;
  deadline: string | null;
  status: ProblemStatus;
  resolution: string;
  resolvedOn: string | null;
  /** raised by every change of the problem: its edit form sends back the one it read */
  version: number;
  /** derived from today: days since raised, and days past the deadline while open (0 when not overdue) */
  daysOpen: number;
  daysOverdue: number;
  notes: ProblemNote[];
}

export type ProblemListRow = Omit<Problem, 'notes'>;

/** 办理天数 (to today, or to 销号 once struck off) and 超期天数 (only while open). */
export function problemAges(
  p: { raisedOn: string; deadline: string | null; status: ProblemStatus; resolvedOn: string | null },
  today: string,
): { daysOpen: number; daysOverdue: number } {
  const end = p.status === 'closed' && p.resolvedOn ? p.resolvedOn : today;
  const daysOverdue =
    isOpen(p.status) && p.deadline && p.deadline < today ? dayNumber(today) - dayNumber(p.deadline) : 0;
  return { daysOpen: Math.max(0, dayNumber(end) - dayNumber(p.raisedOn)), daysOverdue };
}

export interface ProblemCount {
  key: string;
  label: string;
  open: number;
  overdue: number;
  closed: number;
}

/** The printed 问题清单. */
export interface ProblemPrint {
  title: string;
  cityName: string;
  groups: { key: string; title: string; problems: ProblemListRow[] }[];
  operatorName: string;
  printedOn: string;
}

export interface SupervisionItem {
  projectId: number;
  code: string;
  name: string;
  chainName: string;
  chainLead: string;
  lightReasons: string[];
  /** the first week of the current unbroken run of red weekly snapshots, and how many weeks that is */
  redSinceWeek: string | null;
  weeksRed: number;
  problems: ProblemListRow[];
  lateMilestones: { name: string; plannedDate: string; daysLate: number; unitName: string | null }[];
}

import { dayNumber, yearOf } from './dates';
import type { Light } from './lights';

// 领导批示 (issue #17 item 4): what a leader wrote on a project and the office must chase until it is 办结.
// An open 批示 past its 办理时限 lights the project: yellow from the first day overdue, red once it is more than
// the office's 批示红灯天数 (a setting beside the other thresholds, 7 by default) overdue. One not yet due does not
// light: a leader's 批示 is pressed from the day it is late, as the office's 督办 does.

export const INSTRUCTION_STATUSES = ['open', 'closed'] as const;
export type InstructionStatus = (typeof INSTRUCTION_STATUSES)[number];
export const INSTRUCTION_STATUS_LABELS: Record<InstructionStatus, string> = { open: '办理中', closed: '已办结' };

/** What the office writes of a 批示. */
export interface InstructionFields {
  projectId: number;
  /** 批示日期 */
  issuedOn: string;
  /** the leader as written: one of the 包挂领导 list, or any other (书记, 市长…) */
  leaderName: string;
  /** 批示内容 */
  content: string;
  /** 办理时限; null: none set, never overdue */
  deadline: string | null;
  /** 办理情况 */
  progress: string;
}

export interface Instruction extends InstructionFields {
  id: number;
  /** the 包挂领导 of that name when the list has one */
  leaderId: number | null;
  status: InstructionStatus;
  /** 办结日期 */
  closedOn: string | null;
  /** the problem it was turned into (转为问题), once */
  problemId: number | null;
  problemCode: string | null;
  version: number;
}

/** A 批示 in a list: with its project, the project's 包挂领导, and how late it is today. */
export interface InstructionRow extends Instruction {
  projectCode: string;
  projectName: string;
  contactLeaderId: number | null;
  contactLeaderName: string | null;
  /** days past 办理时限 while open; 0 when not late, closed or without a deadline */
  daysOverdue: number;
}

/** An open 批示 with a deadline, as the lights read it. */
export interface OpenInstruction {
  leaderName: string;
  issuedOn: string;
  deadline: string;
}

/** Days an open 批示 is past its 办理时限 on `today` (0 when it is not late, or has none). */
export function instructionDaysOverdue(
  i: { status: InstructionStatus; deadline: string | null },
  today: string,
): number {
  if (i.status !== 'open' || !i.deadline) return 0;
  return Math.max(0, dayNumber(today) - dayNumber(i.deadline));
}

/** 11月3日, or 2025年11月3日 when not of this year: how a 批示 is named in a reason. */
export function instructionDateText(issuedOn: string, today: string): string {
  const [year, month, day] = issuedOn.split('-').map(Number);
  return yearOf(today) === year ? `${month}月${day}日` : `${year}年${month}月${day}日`;
}

/** 领导批示（张三 11月3日）: a 批示 as the clerk names it. */
export function instructionTitle(i: { leaderName: string; issuedOn: string }, today: string): string {
  return `领导批示（${i.leaderName} ${instructionDateText(i.issuedOn, today)}）`;
}

/** The lights of a project's open 批示 that are overdue today; `redDays`: more than this many days overdue is red. */
export function instructionLights(open: readonly OpenInstruction[], today: string, redDays: number): Light[] {
  const lights: Light[] = [];
  for (const instruction of open) {
    const late = dayNumber(today) - dayNumber(instruction.deadline);
    if (late <= 0) continue;
    lights.push({
      kind: 'instruction',
      level: late > redDays ? 'red' : 'yellow',
      reason: `${instructionTitle(instruction, today)}超期${late}天未办结`,
    });
  }
  return lights;
}

/** A red or yellow project on a 包挂领导's card, with every reason. */
export interface FlaggedProject {
  id: number;
  code: string;
  name: string;
  light: 'red' | 'yellow';
  reasons: string[];
}

/** One 包挂领导's card in 包挂领导视图 (leaderId null: 未设包挂领导, the key projects no leader looks after yet). */
export interface ContactLeaderCard {
  leaderId: number | null;
  name: string;
  title: string;
  retired: boolean;
  projectCount: number;
  totalInvestmentYuan: number;
  byLight: { red: number; yellow: number; green: number };
  /** red first, then yellow, each by 项目编号 */
  flagged: FlaggedProject[];
  /** open 批示 on the leader's projects or issued by the leader, the most overdue first */
  openInstructions: InstructionRow[];
  overdueInstructions: number;
}

export interface ContactLeaderOverview {
  today: string;
  cards: ContactLeaderCard[];
  /** 批示红灯天数: an open 批示 more than this many days overdue is red */
  instructionRedDays: number;
}

/** The card's 批示: the most overdue first, then those due soonest, then those without a deadline. */
export function byUrgency(a: InstructionRow, b: InstructionRow): number {
  if (a.daysOverdue !== b.daysOverdue) return b.daysOverdue - a.daysOverdue;
  if (a.deadline !== b.deadline) {
    if (a.deadline === null) return 1;
    if (b.deadline === null) return -1;
    return a.deadline < b.deadline ? -1 : 1;
  }
  return a.id - b.id;
}

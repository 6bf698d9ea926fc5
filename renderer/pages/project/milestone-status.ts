import { differenceInCalendarDays, parseISO } from 'date-fns';

export type MilestoneState = 'done' | 'late' | 'due' | 'pending' | 'unscheduled';

export interface MilestoneStatus {
  state: MilestoneState;
  /** what the clerk reads in the 状态 column */
  label: string;
}

/** Whole days from `from` to `to` (both ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/**
 * A node's state today, by the same rule as the milestone light: done once it has an actual date,
 * late past its planned date, due within `dueDays` (临期), otherwise not yet due.
 */
export function milestoneStatus(
  node: { plannedDate: string | null; actualDate: string | null },
  today: string,
  dueDays: number,
): MilestoneStatus {
  if (node.actualDate) return { state: 'done', label: '已完成' };
  if (!node.plannedDate) return { state: 'unscheduled', label: '未排期' };
  const left = daysBetween(today, node.plannedDate);
  if (left < 0) return { state: 'late', label: `逾期${-left}天` };
  if (left === 0) return { state: 'due', label: '今天到期' };
  if (left <= dueDays) return { state: 'due', label: `${left}天后到期` };
  return { state: 'pending', label: '未到期' };
}

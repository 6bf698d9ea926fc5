import { yearOf } from './dates';
import type { Stage } from './stages';

// The year's targets, defined once (DOMAIN.md “Targets and statistics”) for the 工作台, the 链长 view and its
// ranking. 开工率 counts the year's 新开工 list, not today's 新开工 tab: a project that was 新开工 this year stays
// on the list after it moves on to 续建, so a start never lowers the rate.

export interface TargetInput {
  stage: Stage;
  plannedStartDate: string | null;
  actualStartDate: string | null;
  actualCompletionDate: string | null;
}

/**
 * On year Y's 新开工 list: 新开工 now, or 新开工 at some time (its stage history says so) with its 计划开工日期 in Y.
 * A project moved back to 前期 with a new 计划开工日期 in another year has left the list.
 */
export function onNewStartList(p: TargetInput, wasNewStart: boolean, year: number): boolean {
  if (p.stage === 'new_start') return true;
  return wasNewStart && p.plannedStartDate !== null && yearOf(p.plannedStartDate) === year;
}

export function startedInYear(p: TargetInput, year: number): boolean {
  return p.actualStartDate !== null && yearOf(p.actualStartDate) === year;
}

/** 建成一批: completed in the year, whichever way through the stages it came. */
export function completedInYear(p: TargetInput, year: number): boolean {
  return p.actualCompletionDate !== null && yearOf(p.actualCompletionDate) === year;
}

import type { GroupFigures } from './stat-figures';
import type { StatsGroupRef } from './stat-grouping';

/**
 * The office's 考核 order, best first, written once for every ranking (统计排名, 链长, 月度通报's 红榜/黑榜):
 *   1. the larger gap of 投资完成率 to 序时进度 (unrounded; a group without 本年计划 after those with one);
 *   2. fewer red lights, 3. fewer yellow lights;
 *   4. the higher 开工率 (a group with nothing on the 新开工 list after those with);
 *   5. then the name, by code point, and the key: ties never share a place, and the order is the same on
 *      every engine and machine.
 */
export function byAssessment<T extends { figures: GroupFigures; group: StatsGroupRef }>(a: T, b: T): number {
  return (
    descendingOrNullLast(a.figures.gapPoints, b.figures.gapPoints) ||
    (a.figures.red ?? 0) - (b.figures.red ?? 0) ||
    (a.figures.yellow ?? 0) - (b.figures.yellow ?? 0) ||
    descendingOrNullLast(a.figures.startRate.value, b.figures.startRate.value) ||
    byCodePoint(a.group.name, b.group.name) ||
    byCodePoint(a.group.key, b.group.key)
  );
}

function descendingOrNullLast(a: number | null, b: number | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return b - a;
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Places 1, 2, 3… in 考核 order; every item gets its own. */
export function rankedByAssessment<T extends { figures: GroupFigures; group: StatsGroupRef }>(
  items: readonly T[],
): (T & { rank: number })[] {
  return [...items].sort(byAssessment).map((item, i) => ({ ...item, rank: i + 1 }));
}

import { useApi } from './use-api';

/**
 * The months the 工作台's and 链长视图's statistics are read at: `month`, the plan year's latest closed month
 * (序时进度's 1—N月), or the current month while none is closed; `currentMonth`, whose lights are today's.
 * Undefined until the closings are read.
 */
export function useRankingMonth(): { year: number; month: number; currentMonth: number } | undefined {
  const months = useApi('investment.months', {});
  if (!months.data) return undefined;
  const { year, closedThrough, currentMonth } = months.data;
  return { year, month: Math.max(1, closedThrough || currentMonth), currentMonth: Math.max(1, currentMonth) };
}

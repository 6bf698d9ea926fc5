import { parseWeek, shiftWeek } from '../../../db/model/weeks';
import type { SupervisionItem } from '../../../db/model/problems';

/** 连续红灯6周（自第43周）; the year is named only when the run began in an earlier one. */
export function redRunText(item: Pick<SupervisionItem, 'weeksRed' | 'redSinceWeek'>): string {
  const since = item.redSinceWeek ? parseWeek(item.redSinceWeek) : null;
  if (!since || item.weeksRed <= 1) return '本周亮红灯';
  const now = shiftWeek(since.key, item.weeksRed - 1);
  const week = since.year === now.year ? `第${since.week}周` : `${since.year}年第${since.week}周`;
  return `连续红灯${item.weeksRed}周（自${week}）`;
}

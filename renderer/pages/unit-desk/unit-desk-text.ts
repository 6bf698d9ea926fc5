import { format, parseISO } from 'date-fns';
import type { Deadline } from '../../../db/model/unit-desk';

// The wording of 责任单位填报, in one place.

/** 12月11日 周五 */
export const deadlineText = (deadline: Deadline) => `${format(parseISO(deadline.date), 'M月d日')} ${deadline.weekday}`;

/** 10:42, or 12月9日 10:42 when not today */
export function savedTime(iso: string, today: string): string {
  const at = parseISO(iso);
  return format(at, 'yyyy-MM-dd') === today ? format(at, 'HH:mm') : format(at, 'M月d日 HH:mm');
}

/** 1—11月, or 1月 */
export const throughMonthLabel = (month: number) => (month === 1 ? '1月' : `1—${month}月`);

export const NOT_STARTED = '未开工项目不填报完成投资';

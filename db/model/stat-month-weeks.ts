import { weekOf, type DispatchWeek } from './weeks';
import { monthEndDate } from './stat-month-end';

const THURSDAY = 4;

function dayOf(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The 周调度 weeks of a month: those whose Thursday falls in it (the ISO rule that gives a week to one year
 * gives it to one month too), so each week's snapshot belongs to exactly one month.
 */
export function weeksOfMonth(year: number, month: number): { first: DispatchWeek; last: DispatchWeek } {
  const lastDay = Number(monthEndDate(year, month).slice(8));
  const weekday = (day: number) => new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  let firstThursday = 1;
  while (weekday(firstThursday) !== THURSDAY) firstThursday += 1;
  let lastThursday = lastDay;
  while (weekday(lastThursday) !== THURSDAY) lastThursday -= 1;
  return { first: weekOf(dayOf(year, month, firstThursday)), last: weekOf(dayOf(year, month, lastThursday)) };
}

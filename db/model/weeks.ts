import {
  addWeeks,
  endOfISOWeek,
  format,
  getISOWeek,
  getISOWeekYear,
  getISOWeeksInYear,
  parseISO,
  setISOWeek,
  startOfISOWeek,
} from 'date-fns';
import { toIsoDate } from './dates';

/** A dispatch week as stored: ISO week `2026-W48`. */
export type WeekKey = string;

const WEEK_KEY = /^(\d{4})-W(\d{2})$/;

export interface DispatchWeek {
  key: WeekKey;
  year: number;
  week: number;
  /** Monday */
  start: string;
  /** Sunday */
  end: string;
}

export function weekOf(isoDate: string): DispatchWeek {
  const date = parseISO(isoDate);
  return describeWeek(getISOWeekYear(date), getISOWeek(date));
}

// a week's dates are worked out once: every save and screen asks for this week and the weeks around it
const described = new Map<number, DispatchWeek>();

function describeWeek(year: number, week: number): DispatchWeek {
  const id = year * 100 + week;
  let known = described.get(id);
  if (!known) {
    // the 4th of January is always in week 1 of its ISO year
    const monday = startOfISOWeek(setISOWeek(new Date(year, 0, 4), week));
    known = {
      key: `${year}-W${String(week).padStart(2, '0')}`,
      year,
      week,
      start: toIsoDate(monday),
      end: toIsoDate(endOfISOWeek(monday)),
    };
    if (described.size >= 5_000) described.clear();
    described.set(id, known);
  }
  // a copy: a caller may keep or change its week
  return { ...known };
}

/** The week a key names, or null when the key is malformed or the week does not exist (2026-W53). */
export function parseWeek(key: string): DispatchWeek | null {
  const match = WEEK_KEY.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (week < 1 || week > getISOWeeksInYear(new Date(year, 0, 4))) return null;
  return describeWeek(year, week);
}

export function shiftWeek(key: WeekKey, weeks: number): DispatchWeek {
  const week = parseWeek(key);
  if (!week) throw new Error(`not a week: ${key}`);
  return weekOf(toIsoDate(addWeeks(parseISO(week.start), weeks)));
}

/** 2026年第48周（11月23日—11月29日） */
export function weekLabel(week: DispatchWeek): string {
  return `${week.year}年第${week.week}周（${weekSpan(week)}）`;
}

/** 11月23日—11月29日 */
export function weekSpan(week: DispatchWeek): string {
  const md = (iso: string) => format(parseISO(iso), 'M月d日');
  return `${md(week.start)}—${md(week.end)}`;
}

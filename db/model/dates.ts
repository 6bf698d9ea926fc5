import { isValid, parseISO, format } from 'date-fns';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = parseISO(text);
  return isValid(date) && format(date, 'yyyy-MM-dd') === text;
}

export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

export function monthOf(isoDate: string): number {
  return Number(isoDate.slice(5, 7));
}

export function toIsoDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** 2026-03-01 → 2026年3月1日 */
export function formatChineseDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

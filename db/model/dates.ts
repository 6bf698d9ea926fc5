const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD (no 2026-02-30). Checked by arithmetic: it runs for every date cell. */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (year === 0) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

export function monthOf(isoDate: string): number {
  return Number(isoDate.slice(5, 7));
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * A local day written YYYY-MM-DD, exactly as date-fns's format(date, 'yyyy-MM-dd') writes it (an invalid date
 * throws the same RangeError, a year before 1 is written as its year BC), by arithmetic: weeks, horizons and
 * dates of every save and screen pass through here, and format() costs several microseconds a call.
 */
export function toIsoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid time value');
  const signedYear = date.getFullYear();
  const year = signedYear > 0 ? signedYear : 1 - signedYear;
  return `${String(year).padStart(4, '0')}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
}

/** 2026-03-01 → 2026年3月1日 */
export function formatChineseDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

const MS_PER_DAY = 86_400_000;
// Dates repeat across projects and nodes (month ends, template offsets): parse each once.
const dayNumbers = new Map<string, number>();

/** Whole days since 1970-01-01 of an ISO date: plain arithmetic for rules that run over every row. */
export function dayNumber(iso: string): number {
  let day = dayNumbers.get(iso);
  if (day === undefined) {
    day = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
    if (dayNumbers.size > 20_000) dayNumbers.clear();
    dayNumbers.set(iso, day);
  }
  return day;
}

/** Whole calendar days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

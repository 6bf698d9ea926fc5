import { toIsoDate } from './dates';

const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * When a change was made, as the office reads it: 10:42 today, 3月5日 10:42 another day. Local time, as the
 * app dates every save (toIsoDate, the office's `today`).
 */
export function changedWhen(at: Date, today: string): string {
  const time = `${twoDigits(at.getHours())}:${twoDigits(at.getMinutes())}`;
  return toIsoDate(at) === today ? time : `${at.getMonth() + 1}月${at.getDate()}日 ${time}`;
}

/** What a clerk whose save was refused is told: who changed the record since they opened it, and when. */
export function conflictMessage(change: { by: string; at: Date } | null, today: string): string {
  if (!change) return '已被他人修改，请刷新后再改';
  return `已被 ${change.by} 于 ${changedWhen(change.at, today)} 修改，请刷新后再改`;
}

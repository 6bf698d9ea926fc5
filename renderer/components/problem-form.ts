import dayjs, { type Dayjs } from 'dayjs';
import type { Unit } from '../../db/model/reference';

/** What the clerk may type into a date box: 2026-11-20, 20261120, 2026/11/20, 2026.11.20. */
export const DATE_FORMATS = ['YYYY-MM-DD', 'YYYYMMDD', 'YYYY/M/D', 'YYYY.M.D'];

export const isoOf = (date: Dayjs | null | undefined): string | null => (date ? date.format('YYYY-MM-DD') : null);
export const dayOf = (iso: string | null | undefined): Dayjs | null => (iso ? dayjs(iso) : null);

export const DEADLINE_BEFORE_RAISED = '办结时限不能早于登记日期';

/**
 * Units to choose from: those in use, plus any retired one the problem already names, so an old
 * record still shows its unit by name.
 */
export function unitOptions(units: readonly Unit[], keep: readonly (number | null | undefined)[] = []) {
  return units
    .filter((u) => !u.retired || keep.includes(u.id))
    .map((u) => ({ value: u.id, label: u.retired ? `${u.name}（已停用）` : u.name }));
}

/** The unit a text names (the longest name wins: 市自然资源局 over 自然资源局), if any. */
export function unitNamedIn(text: string, units: readonly Unit[]): Unit | undefined {
  return units
    .filter((u) => !u.retired && u.name && text.includes(u.name))
    .sort((a, b) => b.name.length - a.name.length)[0];
}

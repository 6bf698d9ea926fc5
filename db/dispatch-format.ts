import type { LightLevel } from './model/lights';
import type { Stage } from './model/stages';
import type { WeekKey } from './model/weeks';

// How migration 0090 stores 周调度 entries, shared by the migration and the queries. Everything here is part of
// the file format: codes written into every data file must never change (the view in 0090 spells them out).

const STORED_WEEK = /^(\d{4})-W(\d{2})$/;

/** `2026-W48` is stored as 202648: an integer that sorts as the key does, in 3 bytes instead of 8. */
export function weekCode(key: WeekKey): number {
  const match = STORED_WEEK.exec(key);
  if (!match) throw new Error(`not a week: ${key}`);
  return Number(match[1]) * 100 + Number(match[2]);
}

export function weekKeyOf(code: number): WeekKey {
  return `${String(Math.floor(code / 100)).padStart(4, '0')}-W${String(code % 100).padStart(2, '0')}`;
}

/** Small codes cost nothing in a row: SQLite stores the integers 0 and 1 in the record header alone. */
export const STAGE_CODES: Record<Stage, number> = {
  reserve: 0,
  preliminary: 1,
  new_start: 2,
  continuing: 3,
  completed: 4,
};
export const STAGES_BY_CODE: readonly Stage[] = ['reserve', 'preliminary', 'new_start', 'continuing', 'completed'];

export const LIGHT_CODES: Record<LightLevel, number> = { green: 0, yellow: 1, red: 2 };
export const LIGHTS_BY_CODE: readonly LightLevel[] = ['green', 'yellow', 'red'];

/** Most snapshots have no reasons: those store no text (NULL), as an empty dispatch text does. */
export const NO_REASONS = '[]';

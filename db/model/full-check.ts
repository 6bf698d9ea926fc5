/**
 * The background full check of the open data file: waiting (not run on this file yet), checking, passed (and
 * when it last did), or damaged (then AppStatus.damage says what was found and nothing more is written).
 */
export interface FullCheckStatus {
  state: 'waiting' | 'checking' | 'passed' | 'damaged';
  lastPassedAt: string | null;
}

export const FULL_CHECK_WAITING: FullCheckStatus = { state: 'waiting', lastPassedAt: null };

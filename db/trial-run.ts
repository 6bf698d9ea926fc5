import type { Db } from './connection';
import { rehearsing } from './queries/audit';
import { inTransaction } from './transaction';

class Rollback extends Error {}

/**
 * Runs `work` in one transaction and keeps it only when `keep` is true: a preview is the same run rolled back,
 * so what the clerk confirms is exactly what the rules allowed. `finish` runs only when kept (the audit line).
 */
export function trialRun<T>(db: Db, keep: boolean, work: () => T, finish?: (result: T) => void): T {
  let result: { value: T } | undefined;
  try {
    inTransaction(db, () => {
      if (!keep) {
        result = { value: rehearsing(db, work) };
        throw new Rollback();
      }
      result = { value: work() };
      finish?.(result.value);
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  if (!result) throw new Error('trial run produced no result');
  return result.value;
}

import { rehearsing } from './queries/audit';
import type { Store } from './store/store';

class Rollback extends Error {}

/**
 * Runs `work` in one transaction and keeps it only when `keep` is true: a preview is the same run rolled back,
 * so what the clerk confirms is exactly what the rules allowed. `finish` runs only when kept (the audit line).
 */
export async function trialRun<T>(
  store: Store,
  keep: boolean,
  work: () => Promise<T>,
  finish?: (result: T) => Promise<void>,
): Promise<T> {
  let result: { value: T } | undefined;
  try {
    await store.transaction(async () => {
      if (!keep) {
        result = { value: await rehearsing(store, work) };
        throw new Rollback();
      }
      result = { value: await work() };
      await finish?.(result.value);
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  if (!result) throw new Error('trial run produced no result');
  return result.value;
}

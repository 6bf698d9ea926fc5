import { useSyncExternalStore } from 'react';

// Which problems get a 交办单: the ones the clerk ticked in the 问题清单, or the one just raised. Kept for this
// window's session and shared by the list and the print tab, so going back and forth keeps the same choice.

const KEY = 'zdxm.problems.slips';
const listeners = new Set<() => void>();
let cached: { text: string | null; ids: readonly number[] } = { text: null, ids: [] };

function read(): readonly number[] {
  let text: string | null = null;
  try {
    text = sessionStorage.getItem(KEY);
  } catch {
    // storage disabled: nothing was kept
  }
  if (text === cached.text) return cached.ids;
  let ids: number[] = [];
  try {
    const parsed: unknown = JSON.parse(text ?? '[]');
    if (Array.isArray(parsed)) ids = parsed.filter((id): id is number => Number.isInteger(id) && id > 0);
  } catch {
    // a damaged entry is an empty choice
  }
  cached = { text, ids };
  return ids;
}

export function slipChoice(): readonly number[] {
  return read();
}

export function chooseSlips(ids: Iterable<number>): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify([...new Set(ids)]));
  } catch {
    // storage disabled: the choice lasts only while this page is open
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The problems chosen for 交办单, followed as the list or the print tab changes them. */
export function useSlipChoice(): readonly number[] {
  return useSyncExternalStore(subscribe, read);
}

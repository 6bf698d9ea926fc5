import { NO_FILTERS, type BoardFilters } from './board-model';

/** What the clerk was looking at, kept for this window's session: opening a card and coming back keeps the filters. */
export interface BoardSession {
  filters: BoardFilters;
  completedCollapsed: boolean;
}

const KEY = 'zdxm.board.view';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const numbers = (value: unknown): number[] =>
  Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function loadBoardSession(): BoardSession {
  const fresh = { filters: NO_FILTERS, completedCollapsed: true };
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (!isRecord(stored) || !isRecord(stored.filters)) return fresh;
    const { search, chainIds, leads, alertsOnly } = stored.filters;
    return {
      filters: {
        search: typeof search === 'string' ? search : '',
        chainIds: numbers(chainIds),
        leads: strings(leads),
        alertsOnly: alertsOnly === true,
      },
      completedCollapsed: stored.completedCollapsed !== false,
    };
  } catch {
    return fresh;
  }
}

export function saveBoardSession(session: BoardSession): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(session));
  } catch {
    // storage full or disabled: the board simply starts unfiltered next time
  }
}

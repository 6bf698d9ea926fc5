import type { ColumnFiltersState, SortingState } from '@tanstack/react-table';
import { FILTER_COLUMNS, isStage } from './library-filters';

/**
 * What the clerk was looking at, kept for this window's session: opening a project and coming back
 * returns to the same tab, filters, sort and row instead of the top of an unfiltered list.
 */
export interface LibrarySession {
  sorting: SortingState;
  columnFilters: ColumnFiltersState;
  search: string;
  focusedId: string | null;
  /** the link (?stage=, ?light=, ?lead=) already applied, so an old query does not override the clerk's later choice */
  linkedQuery: string | null;
}

const KEY = 'zdxm.library.view';
const FILTER_IDS: readonly string[] = Object.values(FILTER_COLUMNS);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function validFilter(filter: unknown): filter is ColumnFiltersState[number] {
  if (!isRecord(filter) || typeof filter.id !== 'string' || !FILTER_IDS.includes(filter.id)) return false;
  if (filter.id === FILTER_COLUMNS.stage) return isStage(filter.value);
  return Array.isArray(filter.value) && filter.value.every((v) => typeof v === 'number' || typeof v === 'string');
}

function validSort(sort: unknown): sort is SortingState[number] {
  return isRecord(sort) && typeof sort.id === 'string' && typeof sort.desc === 'boolean';
}

export function loadLibrarySession(): LibrarySession | null {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (!isRecord(stored)) return null;
    const { sorting, columnFilters, search, focusedId, linkedQuery } = stored;
    if (!Array.isArray(sorting) || !Array.isArray(columnFilters)) return null;
    return {
      sorting: sorting.filter(validSort),
      columnFilters: columnFilters.filter(validFilter),
      search: typeof search === 'string' ? search : '',
      focusedId: typeof focusedId === 'string' ? focusedId : null,
      linkedQuery: typeof linkedQuery === 'string' ? linkedQuery : null,
    };
  } catch {
    return null;
  }
}

export function saveLibrarySession(session: LibrarySession): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(session));
  } catch {
    // storage full or disabled: the view simply starts fresh next time
  }
}

import type { ProjectListRow } from '../../../db/model/project-list';
import { useApi } from '../../hooks/use-api';

/** More than the tallest window shows at once: the 项目库's first screen. */
const FIRST_ROWS = 80;

export interface LibraryRows {
  /** every project, or until they come, the first ones in the library's order */
  rows: ProjectListRow[] | undefined;
  /** false while only the first rows are here: counts and totals wait for the rest */
  complete: boolean;
  error: Error | undefined;
  reload(): Promise<void>;
}

/**
 * The 项目库's projects. A view that starts in the library's own order (by 项目编号, nothing filtered) asks for its
 * first screen of rows before the whole library and draws it at once; the whole library replaces it on arrival.
 */
export function useLibraryRows(firstAhead: boolean): LibraryRows {
  const first = useApi('projects.list', { first: FIRST_ROWS }, { enabled: firstAhead });
  // asked once the first rows are in: asked together, the host may take up the whole library first
  const firstDone = first.data !== undefined || first.error !== undefined;
  const all = useApi('projects.list', {}, { enabled: !firstAhead || firstDone });
  return {
    rows: all.data ?? first.data,
    complete: all.data !== undefined,
    // the first rows failing is no error of the page: the whole library is asked for all the same
    error: all.error,
    reload: all.reload,
  };
}

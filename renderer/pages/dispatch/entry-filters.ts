import type { DispatchRow } from '../../../db/model/dispatch';
import { STAGES, STAGE_LABELS, type Stage } from '../../../db/model/stages';
import {
  hasCommonFilters,
  leadKeyOf,
  matchesCommon,
  matchesWords,
  type CommonFilters,
} from '../../ui/filters/filter-model';

export interface EntryFilters extends Pick<CommonFilters, 'search' | 'leads' | 'chainIds' | 'stages'> {
  units: string[];
  /**
   * 只看未报送: the projects unreported when the clerk asked. Rows reported meanwhile stay in the list, so a
   * row does not vanish under the clerk's hands the moment it saves.
   */
  unreported: ReadonlySet<number> | null;
}

export const NO_FILTERS: EntryFilters = {
  search: '',
  leads: [],
  chainIds: [],
  stages: [],
  units: [],
  unreported: null,
};

export function hasFilters(filters: EntryFilters): boolean {
  return hasCommonFilters(filters) || filters.units.length > 0 || filters.unreported !== null;
}

/** The search box looks in the number, name, chain and units. */
const matchesSearch = (row: DispatchRow, search: string) =>
  matchesWords(`${row.code} ${row.name} ${row.chainName} ${row.responsibleUnitNames.join(' ')}`, search);

export function filterRows(rows: readonly DispatchRow[], filters: EntryFilters): DispatchRow[] {
  const units = new Set(filters.units);
  return rows.filter((row) => {
    if (filters.unreported && !filters.unreported.has(row.projectId)) return false;
    if (units.size && !row.responsibleUnitNames.some((u) => units.has(u)) && !units.has(row.leadUnitName ?? ''))
      return false;
    return matchesCommon(row, filters, matchesSearch);
  });
}

export interface Option<V> {
  value: V;
  label: string;
}

const collator = new Intl.Collator('zh-Hans-CN');

/** Choices that occur in the week's rows, so no filter can come up empty by construction. */
export function filterOptions(rows: readonly DispatchRow[]) {
  const leads = new Set<string>();
  const chains = new Map<number, string>();
  const stages = new Set<Stage>();
  const units = new Set<string>();
  for (const row of rows) {
    leads.add(leadKeyOf(row));
    chains.set(row.chainId, row.chainName);
    stages.add(row.stage);
    for (const unit of row.responsibleUnitNames) units.add(unit);
  }
  const sorted = (values: Iterable<string>) => [...values].sort(collator.compare);
  return {
    leads: sorted(leads).map((lead): Option<string> => ({ value: lead, label: lead })),
    chains: [...chains]
      .sort((a, b) => collator.compare(a[1], b[1]))
      .map(([value, label]): Option<number> => ({ value, label })),
    stages: STAGES.filter((s) => stages.has(s)).map((s): Option<Stage> => ({ value: s, label: STAGE_LABELS[s] })),
    units: sorted(units).map((unit): Option<string> => ({ value: unit, label: unit })),
  };
}

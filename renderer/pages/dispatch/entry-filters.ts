import type { DispatchRow } from '../../../db/model/dispatch';
import { STAGES, STAGE_LABELS, type Stage } from '../../../db/model/stages';

export interface EntryFilters {
  search: string;
  leads: string[];
  chainIds: number[];
  stages: Stage[];
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

export const NO_LEAD = '（未设链长）';

export function hasFilters(filters: EntryFilters): boolean {
  return (
    filters.search.trim() !== '' ||
    filters.leads.length > 0 ||
    filters.chainIds.length > 0 ||
    filters.stages.length > 0 ||
    filters.units.length > 0 ||
    filters.unreported !== null
  );
}

const leadOf = (row: DispatchRow) => row.chainLead || NO_LEAD;

export function filterRows(rows: readonly DispatchRow[], filters: EntryFilters): DispatchRow[] {
  const words = filters.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const leads = new Set(filters.leads);
  const chains = new Set(filters.chainIds);
  const stages = new Set(filters.stages);
  const units = new Set(filters.units);
  return rows.filter((row) => {
    if (filters.unreported && !filters.unreported.has(row.projectId)) return false;
    if (leads.size && !leads.has(leadOf(row))) return false;
    if (chains.size && !chains.has(row.chainId)) return false;
    if (stages.size && !stages.has(row.stage)) return false;
    if (units.size && !row.responsibleUnitNames.some((u) => units.has(u)) && !units.has(row.leadUnitName ?? ''))
      return false;
    if (words.length) {
      const haystack = `${row.code} ${row.name} ${row.chainName} ${row.responsibleUnitNames.join(' ')}`.toLowerCase();
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
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
    leads.add(leadOf(row));
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

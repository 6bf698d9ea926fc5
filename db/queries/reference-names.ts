import type { Store } from '../store/store';
import { sql } from '../sql';

/**
 * The names a project's row shows for its chain (with its 链长), park, units, 乡镇 and levels. These lists are
 * short, so a read of many projects takes their ids and looks the names up here: one string per name, not one
 * per row.
 */
export interface ReferenceNames {
  chains: Map<number, { name: string; lead: string }>;
  parks: Map<number, string>;
  units: Map<number, string>;
  townships: Map<number, string>;
  /** in the order of the list of levels, which is the order a project's levels are named in */
  levels: Map<number, string>;
  contactLeaders: Map<number, string>;
}

/** which list a row is from: written into the SQL as literals (a bound value's type PostgreSQL would guess) */
const CHAIN = 0;
const LEVEL = 4;

/**
 * The six lists in one statement: a search that finds a few rows spends more on each statement it runs than on
 * the rows (a profile of 3,000 searches put about a tenth of their time in these reads when they were one a list).
 */
export async function referenceNames(store: Store): Promise<ReferenceNames> {
  const rows = await store.allRaw<[kind: number, id: number, name: string, lead: string, sortOrder: number]>(sql`
        SELECT 0, id, name, chain_lead, 0 FROM chains
        UNION ALL SELECT 1, id, name, '', 0 FROM parks
        UNION ALL SELECT 2, id, name, '', 0 FROM units
        UNION ALL SELECT 3, id, name, '', 0 FROM townships
        UNION ALL SELECT 4, id, name, '', sort_order FROM project_levels
        UNION ALL SELECT 5, id, name, '', 0 FROM contact_leaders`);
  const names: ReferenceNames = {
    chains: new Map(),
    parks: new Map(),
    units: new Map(),
    townships: new Map(),
    levels: new Map(),
    contactLeaders: new Map(),
  };
  const byKind = [names.chains, names.parks, names.units, names.townships, null, names.contactLeaders];
  const levels: { id: number; name: string; sortOrder: number }[] = [];
  // no ORDER BY: sorting the union cost more than the reads; each table's rows come in id order
  for (const [kind, id, name, lead, sortOrder] of rows) {
    if (kind === CHAIN) names.chains.set(id, { name, lead });
    else if (kind === LEVEL) levels.push({ id, name, sortOrder });
    else (byKind[kind] as Map<number, string>).set(id, name);
  }
  levels.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  for (const level of levels) names.levels.set(level.id, level.name);
  return names;
}

import type { Store } from '../store/store';
import { sql } from '../sql';

/**
 * The names a project's row shows for its chain (with its 链长), park and units. These lists are short, so a read
 * of many projects takes their ids and looks the names up here: one string per name, not one per row.
 */
export interface ReferenceNames {
  chains: Map<number, { name: string; lead: string }>;
  parks: Map<number, string>;
  units: Map<number, string>;
  townships: Map<number, string>;
  /** in the order of the list of levels, which is the order a project's levels are named in */
  levels: Map<number, string>;
}

export async function referenceNames(store: Store): Promise<ReferenceNames> {
  return {
    chains: new Map(
      (await store.allRaw<[number, string, string]>(sql`SELECT id, name, chain_lead FROM chains`)).map(
        ([id, name, lead]) => [id, { name, lead }],
      ),
    ),
    parks: new Map(await store.allRaw<[number, string]>(sql`SELECT id, name FROM parks`)),
    units: new Map(await store.allRaw<[number, string]>(sql`SELECT id, name FROM units`)),
    townships: new Map(await store.allRaw<[number, string]>(sql`SELECT id, name FROM townships`)),
    levels: new Map(
      await store.allRaw<[number, string]>(sql`SELECT id, name FROM project_levels ORDER BY sort_order, id`),
    ),
  };
}

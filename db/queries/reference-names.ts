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
  };
}

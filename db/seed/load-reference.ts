import type { Store } from '../store/store';
import { YUAN_PER_WAN } from '../model/money';
import { allSettings, setSetting } from '../queries/settings';
import { sql } from '../sql';
import planData from './chains.json';

export type PlanData = typeof planData;
const YUAN_PER_YI = YUAN_PER_WAN * 10_000;

function yiToYuan(yi: number | null): number | null {
  return yi === null ? null : Math.round(yi * YUAN_PER_YI);
}

/** The plan's chains and parks on a new file; a file that already has them is left alone. */
export async function loadPlanReference(store: Store, data: PlanData = planData): Promise<boolean> {
  // looked at inside the transaction: of two servers starting on one new database, one loads the plan
  return store.transaction(
    async () => {
      if ((await allSettings(store)).cityName !== undefined) return false;
      for (const [index, chain] of data.chains.entries()) {
        await store.run(sql`INSERT INTO chains (code, name, industry_group, target_2025_yuan, base_2020_yuan,
                                                anchor_companies, keywords, sort_order)
                            VALUES (${chain.code}, ${chain.name}, ${chain.group}, ${yiToYuan(chain.target2025)},
                                    ${yiToYuan(chain.base2020)}, ${JSON.stringify(chain.anchorCompanies)},
                                    ${JSON.stringify(chain.keywords)}, ${index + 1})`);
      }
      for (const [index, park] of data.parks.entries()) {
        const focus = ('focus' in park ? park.focus : undefined) ?? '';
        await store.run(sql`INSERT INTO parks (name, area, focus, sort_order)
                            VALUES (${park.name}, ${park.area}, ${focus}, ${index + 1})`);
      }
      await setSetting(store, 'cityName', data.city);
      return true;
    },
    { idempotent: true },
  );
}

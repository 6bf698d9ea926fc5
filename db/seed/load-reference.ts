import type { Db } from '../connection';
import { YUAN_PER_WAN } from '../model/money';
import { allSettings, setSetting } from '../queries/settings';
import { run, sql } from '../sql';
import planData from './chains.json';
import { inTransaction } from '../transaction';

export type PlanData = typeof planData;
const YUAN_PER_YI = YUAN_PER_WAN * 10_000;

function yiToYuan(yi: number | null): number | null {
  return yi === null ? null : Math.round(yi * YUAN_PER_YI);
}

/** The plan's chains and parks on a new file; a file that already has them is left alone. */
export function loadPlanReference(db: Db, data: PlanData = planData): boolean {
  if (allSettings(db).cityName !== undefined) return false;
  inTransaction(db, () => {
    data.chains.forEach((chain, index) => {
      run(
        db,
        sql`INSERT INTO chains (code, name, industry_group, target_2025_yuan, base_2020_yuan,
                                anchor_companies, keywords, sort_order)
            VALUES (${chain.code}, ${chain.name}, ${chain.group}, ${yiToYuan(chain.target2025)},
                    ${yiToYuan(chain.base2020)}, ${JSON.stringify(chain.anchorCompanies)},
                    ${JSON.stringify(chain.keywords)}, ${index + 1})`,
      );
    });
    data.parks.forEach((park, index) => {
      const focus = ('focus' in park ? park.focus : undefined) ?? '';
      run(
        db,
        sql`INSERT INTO parks (name, area, focus, sort_order)
            VALUES (${park.name}, ${park.area}, ${focus}, ${index + 1})`,
      );
    });
    setSetting(db, 'cityName', data.city);
  });
  return true;
}

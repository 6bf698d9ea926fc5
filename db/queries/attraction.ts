import type { AttractionChain, AttractionProject } from '../model/attraction';
import { sql } from '../sql';
import type { Store } from '../store/store';

/** The 招商引资 projects signed in the year (the cohort of db/model/attraction.ts), in id order. */
export function attractionCohort(store: Store, year: number): Promise<AttractionProject[]> {
  return store.all<AttractionProject>(sql`
    SELECT p.chain_id AS "chainId", COALESCE(NULLIF(p.chain_lead_override, ''), c.chain_lead) AS "chainLead",
           p.signing_date AS "signingDate", p.registration_date AS "registrationDate",
           p.actual_start_date AS "actualStartDate", p.production_date AS "productionDate",
           p.start_within_months AS "startWithinMonths",
           p.contract_investment_yuan AS "contractInvestmentYuan", p.funds_in_place_yuan AS "fundsInPlaceYuan"
    FROM projects p JOIN chains c ON c.id = p.chain_id
    WHERE p.is_investment_promotion = 1
      AND p.signing_date >= ${`${year}-01-01`} AND p.signing_date <= ${`${year}-12-31`}
    ORDER BY p.id`);
}

/** Every chain as the 招商 table lists them, in the office's order (reference.ts's list also counts projects). */
export async function attractionChains(store: Store): Promise<AttractionChain[]> {
  const rows = await store.all<Omit<AttractionChain, 'retired'> & { retired: number }>(sql`
    SELECT id, name, chain_lead AS "chainLead", retired FROM chains ORDER BY retired, sort_order, id`);
  return rows.map((r) => ({ ...r, retired: r.retired === 1 }));
}

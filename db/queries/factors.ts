import type {
  EnergyFactors,
  FactorProject,
  FundFigures,
  LandFactors,
  RaisedProblem,
  StoredFactors,
  StoredFunds,
} from '../model/factors';
import { sql, sqlFragment } from '../sql';
import type { Store } from '../store/store';

interface FactorRow {
  projectId: number;
  landDemand: number | null;
  landSupplied: number | null;
  landStatus: LandFactors['status'];
  energyNeeded: number | null;
  energyGranted: number | null;
  version: number;
}

const SELECT_FACTORS = sqlFragment`SELECT project_id AS "projectId", land_demand_hundredths AS "landDemand",
       land_supplied_hundredths AS "landSupplied", land_status AS "landStatus",
       energy_needed_hundredths AS "energyNeeded", energy_granted_hundredths AS "energyGranted", version
  FROM project_factors`;

function storedOf(row: FactorRow): StoredFactors & { version: number } {
  return {
    projectId: row.projectId,
    land: { demandHundredths: row.landDemand, suppliedHundredths: row.landSupplied, status: row.landStatus },
    energy: { neededHundredths: row.energyNeeded, grantedHundredths: row.energyGranted },
    version: row.version,
  };
}

/** A project's land and energy figures and the sheet's version; undefined before its first save. */
export async function factorsOf(
  store: Store,
  projectId: number,
): Promise<(StoredFactors & { version: number }) | undefined> {
  const row = await store.get<FactorRow>(sql`${SELECT_FACTORS} WHERE project_id = ${projectId}`);
  return row && storedOf(row);
}

/** Every project's land and energy figures. */
export async function allFactors(store: Store): Promise<StoredFactors[]> {
  return (await store.all<FactorRow>(sql`${SELECT_FACTORS} ORDER BY project_id`)).map(storedOf);
}

/** One project's funds of a year, by source. */
export function fundsOf(store: Store, projectId: number, year: number): Promise<FundFigures[]> {
  return store.all<FundFigures>(sql`SELECT source, planned_yuan AS "plannedYuan", in_place_yuan AS "inPlaceYuan"
        FROM project_funds WHERE project_id = ${projectId} AND year = ${year} ORDER BY source`);
}

/** The years a project has funds recorded for, newest first. */
export async function fundYearsOf(store: Store, projectId: number): Promise<number[]> {
  const rows = await store.all<{ year: number }>(
    sql`SELECT DISTINCT year FROM project_funds WHERE project_id = ${projectId} ORDER BY year DESC`,
  );
  return rows.map((r) => r.year);
}

/** Every project's funds of a year. */
export function fundsOfYear(store: Store, year: number): Promise<StoredFunds[]> {
  return store.all<StoredFunds>(sql`SELECT project_id AS "projectId", source, planned_yuan AS "plannedYuan",
               in_place_yuan AS "inPlaceYuan"
        FROM project_funds WHERE year = ${year} ORDER BY project_id, source`);
}

/** Every project as the shortfall lists name it. */
export function factorProjects(store: Store): Promise<FactorProject[]> {
  return store.all<FactorProject>(sql`SELECT p.id AS "projectId", p.code, p.name, p.stage, c.name AS "chainName",
               COALESCE(NULLIF(p.chain_lead_override, ''), c.chain_lead) AS "chainLead",
               p.lead_unit_id AS "leadUnitId", u.name AS "leadUnitName"
        FROM projects p JOIN chains c ON c.id = p.chain_id LEFT JOIN units u ON u.id = p.lead_unit_id
        ORDER BY p.id`);
}

/** Open problems whose source is one of 要素保障's (the shortfall lists name them beside their rows). */
export function raisedFactorProblems(store: Store): Promise<RaisedProblem[]> {
  return store.all<RaisedProblem>(sql`SELECT project_id AS "projectId", id, code, source FROM problems
        WHERE status <> 'closed' AND substr(source, 1, 5) = ${'要素保障·'} ORDER BY code`);
}

/** Writes the project's land and energy figures, raising the sheet's version (creating it at 1). */
export async function writeFactors(
  store: Store,
  projectId: number,
  land: LandFactors,
  energy: EnergyFactors,
  now: string,
): Promise<void> {
  const changed = await store.run(sql`UPDATE project_factors SET land_demand_hundredths = ${land.demandHundredths},
          land_supplied_hundredths = ${land.suppliedHundredths}, land_status = ${land.status},
          energy_needed_hundredths = ${energy.neededHundredths}, energy_granted_hundredths = ${energy.grantedHundredths},
          updated_at = ${now}, version = version + 1
        WHERE project_id = ${projectId}`);
  if (changed) return;
  await store.run(sql`INSERT INTO project_factors (project_id, land_demand_hundredths, land_supplied_hundredths,
          land_status, energy_needed_hundredths, energy_granted_hundredths, updated_at)
        VALUES (${projectId}, ${land.demandHundredths}, ${land.suppliedHundredths}, ${land.status},
                ${energy.neededHundredths}, ${energy.grantedHundredths}, ${now})`);
}

/** Replaces a project's funds of a year: a source with nothing planned and nothing in place keeps no row. */
export async function writeFunds(
  store: Store,
  projectId: number,
  year: number,
  funds: readonly FundFigures[],
): Promise<void> {
  await store.run(sql`DELETE FROM project_funds WHERE project_id = ${projectId} AND year = ${year}`);
  for (const f of funds) {
    if (!f.plannedYuan && !f.inPlaceYuan) continue;
    await store.run(sql`INSERT INTO project_funds (project_id, year, source, planned_yuan, in_place_yuan)
          VALUES (${projectId}, ${year}, ${f.source}, ${f.plannedYuan}, ${f.inPlaceYuan})`);
  }
}

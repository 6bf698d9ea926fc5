import type { Store } from '../store/store';
import type { Nature } from '../model/project';
import type { ProjectListRow } from '../model/project-list';
import type { Stage } from '../model/stages';
import { sql } from '../sql';
import { onlyProjects } from './only-projects';
import { enteredAndUnitIds, levelIdsColumn, levelIdsOf, unitNamesOf, yearCompletedJoin } from './project-row-parts';
import { referenceNames, type ReferenceNames } from './reference-names';

/** A list row before its lights, with the three fields only the lights read. */
export type ListRowSource = Omit<ProjectListRow, 'light' | 'lights' | 'missingFields'> & {
  actualCompletionDate: string | null;
  investedBeforeYearYuan: number;
  enteredOn: string | null;
};

type RawListRow = [
  id: number,
  code: string,
  name: string,
  isDemo: number,
  stage: Stage,
  chainId: number,
  chainLeadOverride: string | null,
  owner: string,
  location: string,
  parkId: number | null,
  leadUnitId: number | null,
  nature: Nature | null,
  startYear: number | null,
  endYear: number | null,
  plannedStartDate: string | null,
  actualStartDate: string | null,
  plannedCompletionDate: string | null,
  actualCompletionDate: string | null,
  totalInvestmentYuan: number,
  investedBeforeYearYuan: number,
  annualPlanYuan: number,
  yearCompletedYuan: number,
  progressText: string,
  inStatistics: number,
  updatedAt: string,
  townshipId: number | null,
  levelIds: string | null,
  enteredOn: string | null,
  unitIds: string | null,
  isInvestmentPromotion: number,
  contactLeaderId: number | null,
];

/**
 * A row's level ids and names from its joined ids (“1,3”). An office has a handful of combinations of lists, so
 * rows with the same one share its two arrays (two fresh arrays a row put the collector's time up by half).
 */
function levelsOfRows(names: ReferenceNames) {
  const none = { levelIds: [] as number[], levelNames: [] as string[] };
  const seen = new Map<string, typeof none>();
  return (joined: string | null) => {
    if (joined === null) return none;
    let levels = seen.get(joined);
    if (!levels) {
      const levelIds = levelIdsOf(joined);
      const levelNames = [...names.levels].filter(([id]) => levelIds.includes(id)).map(([, name]) => name);
      levels = { levelIds, levelNames };
      seen.set(joined, levels);
    }
    return levels;
  };
}

/**
 * The library's rows in 项目编号 order, for every project or only `ids`: exactly the list's columns and what the
 * lights read, as arrays (building thousands of row objects is most of what a list costs).
 */
export async function listRowSources(
  store: Store,
  planYear: number,
  ids?: readonly number[],
): Promise<ListRowSource[]> {
  const extras = enteredAndUnitIds(store.dialect, ids);
  const levels = levelIdsColumn(store.dialect, ids);
  const raws =
    await store.allRaw<RawListRow>(sql`SELECT p.id, p.code, p.name, p.is_demo, p.stage, p.chain_id, p.chain_lead_override, p.owner, p.location,
               p.park_id, p.lead_unit_id, p.nature, p.start_year, p.end_year,
               p.planned_start_date, p.actual_start_date, p.planned_completion_date, p.actual_completion_date,
               p.total_investment_yuan, p.invested_before_year_yuan, p.annual_plan_yuan, COALESCE(m.completed, 0),
               p.progress_text, p.in_statistics, p.updated_at, p.township_id, ${levels.column},
               ${extras.columns}, p.is_investment_promotion, p.contact_leader_id
        FROM projects p
        JOIN chains c ON c.id = p.chain_id
        ${yearCompletedJoin(store.dialect, planYear, ids)}
        ${extras.joins}
        ${levels.join}
        WHERE TRUE ${onlyProjects(store.dialect, 'p.id', ids)}
        ORDER BY p.code`);
  const names = await referenceNames(store);
  const levelsOf = levelsOfRows(names);
  // every row's chain is in the list: the join above keeps only projects whose chain exists, as it always has
  const noChain = { name: '', lead: '' };
  return raws.map((r) => {
    const chain = names.chains.get(r[5]) ?? noChain;
    const { levelIds, levelNames } = levelsOf(r[26]);
    return {
      id: r[0],
      code: r[1],
      name: r[2],
      isDemo: r[3] === 1,
      stage: r[4],
      chainId: r[5],
      chainName: chain.name,
      chainLead: r[6] || chain.lead,
      owner: r[7],
      location: r[8],
      parkId: r[9],
      parkName: r[9] === null ? null : (names.parks.get(r[9]) ?? null),
      leadUnitName: r[10] === null ? null : (names.units.get(r[10]) ?? null),
      townshipId: r[25],
      townshipName: r[25] === null ? null : (names.townships.get(r[25]) ?? null),
      levelIds,
      levelNames,
      contactLeaderId: r[30],
      contactLeaderName: r[30] === null ? null : (names.contactLeaders.get(r[30]) ?? null),
      responsibleUnitNames: unitNamesOf(r[28], names),
      nature: r[11],
      startYear: r[12],
      endYear: r[13],
      plannedStartDate: r[14],
      actualStartDate: r[15],
      plannedCompletionDate: r[16],
      actualCompletionDate: r[17],
      totalInvestmentYuan: r[18],
      investedBeforeYearYuan: r[19],
      annualPlanYuan: r[20],
      yearCompletedYuan: r[21],
      sinceStartCompletedYuan: r[19] + r[21],
      progressText: r[22],
      inStatistics: r[23] === 1,
      updatedAt: r[24],
      enteredOn: r[27],
      isInvestmentPromotion: r[29] === 1,
    };
  });
}

/** Every project's id and 项目编号: enough to find the library's first rows without reading the others. */
export async function projectCodes(store: Store): Promise<[id: number, code: string][]> {
  return await store.allRaw<[number, string]>(sql`SELECT id, code FROM projects`);
}

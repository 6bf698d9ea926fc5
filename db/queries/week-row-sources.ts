import type { Store } from '../store/store';
import type { Stage } from '../model/stages';
import { sql } from '../sql';
import { onlyProjects } from './only-projects';
import type { ListRowSource } from './project-list';
import { enteredAndUnitIds, unitNamesOf, yearCompletedJoin } from './project-row-parts';
import { referenceNames } from './reference-names';

/** What a dispatch week's row shows of its project (and what its snapshot records). */
export type WeekRowField =
  | 'id'
  | 'code'
  | 'name'
  | 'stage'
  | 'chainId'
  | 'chainName'
  | 'chainLead'
  | 'leadUnitName'
  | 'responsibleUnitNames'
  | 'parkName'
  | 'totalInvestmentYuan'
  | 'annualPlanYuan'
  | 'yearCompletedYuan';

/** A week's row source: what the row shows of its project, and what its lights read. */
export type WeekRowSource = Pick<
  ListRowSource,
  | WeekRowField
  | 'plannedStartDate'
  | 'actualStartDate'
  | 'actualCompletionDate'
  | 'investedBeforeYearYuan'
  | 'inStatistics'
  | 'enteredOn'
>;

type RawWeekRow = [
  id: number,
  code: string,
  name: string,
  stage: Stage,
  chainId: number,
  chainLeadOverride: string | null,
  parkId: number | null,
  leadUnitId: number | null,
  plannedStartDate: string | null,
  actualStartDate: string | null,
  actualCompletionDate: string | null,
  totalInvestmentYuan: number,
  investedBeforeYearYuan: number,
  annualPlanYuan: number,
  yearCompletedYuan: number,
  inStatistics: number,
  enteredOn: string | null,
  unitIds: string | null,
];

/**
 * The projects of a week's rows in 项目编号 order, every one or only `ids`: the library's rows without the columns a
 * week does not show (a week reads all five thousand, so each column left out is five thousand values not made).
 */
export async function weekRowSources(
  store: Store,
  planYear: number,
  ids?: readonly number[],
): Promise<WeekRowSource[]> {
  const extras = enteredAndUnitIds(store.dialect, ids);
  const raws =
    await store.allRaw<RawWeekRow>(sql`SELECT p.id, p.code, p.name, p.stage, p.chain_id, p.chain_lead_override, p.park_id, p.lead_unit_id,
               p.planned_start_date, p.actual_start_date, p.actual_completion_date, p.total_investment_yuan,
               p.invested_before_year_yuan, p.annual_plan_yuan, COALESCE(m.completed, 0), p.in_statistics,
               ${extras.columns}
        FROM projects p
        JOIN chains c ON c.id = p.chain_id
        ${yearCompletedJoin(store.dialect, planYear, ids)}
        ${extras.joins}
        WHERE TRUE ${onlyProjects(store.dialect, 'p.id', ids)}
        ORDER BY p.code`);
  const names = await referenceNames(store);
  // the join above keeps only projects whose chain exists, as the library's rows do
  const noChain = { name: '', lead: '' };
  return raws.map((r) => {
    const chain = names.chains.get(r[4]) ?? noChain;
    return {
      id: r[0],
      code: r[1],
      name: r[2],
      stage: r[3],
      chainId: r[4],
      chainName: chain.name,
      chainLead: r[5] || chain.lead,
      parkName: r[6] === null ? null : (names.parks.get(r[6]) ?? null),
      leadUnitName: r[7] === null ? null : (names.units.get(r[7]) ?? null),
      responsibleUnitNames: unitNamesOf(r[17], names),
      plannedStartDate: r[8],
      actualStartDate: r[9],
      actualCompletionDate: r[10],
      totalInvestmentYuan: r[11],
      investedBeforeYearYuan: r[12],
      annualPlanYuan: r[13],
      yearCompletedYuan: r[14],
      inStatistics: r[15] === 1,
      enteredOn: r[16],
    };
  });
}

import type { Store } from '../store/store';
import type { Stage } from '../model/stages';
import type { GroupedProject } from '../model/stat-grouping';
import { sql } from '../sql';
import { ENTERED_ON } from './project-row-parts';

/**
 * What the 工作台's figures and the statistics read of a project: the fields its lights read, its 总投资, its
 * year's money (the whole year, and months 1 to N) and what it is grouped by.
 */
export interface CountedProjectSource extends GroupedProject {
  stage: Stage;
  investedBeforeYearYuan: number;
  /** every reported month of the year: what its light reads */
  yearCompletedYuan: number;
  enteredOn: string | null;
}

type RawCountedProject = [
  id: number,
  stage: Stage,
  plannedStartDate: string | null,
  actualStartDate: string | null,
  plannedCompletionDate: string | null,
  actualCompletionDate: string | null,
  totalInvestmentYuan: number,
  investedBeforeYearYuan: number,
  annualPlanYuan: number,
  yearCompletedYuan: number,
  completedThroughMonthYuan: number,
  inStatistics: number,
  enteredOn: string | null,
  leadUnitId: number | null,
  parkId: number | null,
  chainId: number,
  chainLead: string | null,
  townshipId: number | null,
];

/** Projects read at a time: each batch is done with before the next is read, so the rows die young. */
const BATCH = 1_000;

/**
 * Every project, only as far as the 工作台 and the statistics count and sum it, to `visit` in id order: none of
 * the list's texts, names or sorting, and never the whole office in memory at once (twenty thousand rows kept
 * until the last is read would be copied by every young-generation GC on the way). `throughMonth` is the N of
 * 1—N月完成 (12: the whole year).
 */
export async function forEachCountedProject(
  store: Store,
  year: number,
  visit: (project: CountedProjectSource) => void,
  throughMonth = 12,
): Promise<void> {
  // ids start at 1 on both engines; PostgreSQL's integer id refuses a bound value below its range
  for (let after = 0; ;) {
    // chain_id is NOT NULL REFERENCES chains: these are the same projects as the library's list joined to chains
    const raws =
      await store.allRaw<RawCountedProject>(sql`SELECT p.id, p.stage, p.planned_start_date, p.actual_start_date,
                 p.planned_completion_date, p.actual_completion_date,
                 p.total_investment_yuan, p.invested_before_year_yuan, p.annual_plan_yuan,
                 COALESCE((SELECT SUM(mi.amount_yuan) FROM monthly_investments mi
                           WHERE mi.project_id = p.id AND mi.year = ${year}), 0),
                 COALESCE((SELECT SUM(mi.amount_yuan) FROM monthly_investments mi
                           WHERE mi.project_id = p.id AND mi.year = ${year} AND mi.month <= ${throughMonth}), 0),
                 p.in_statistics, ${ENTERED_ON},
                 p.lead_unit_id, p.park_id, p.chain_id, COALESCE(NULLIF(p.chain_lead_override, ''), c.chain_lead),
                 p.township_id
          FROM projects p
          JOIN chains c ON c.id = p.chain_id
          WHERE p.id > ${after}
          ORDER BY p.id
          LIMIT ${BATCH}`);
    for (const r of raws) {
      visit({
        id: r[0],
        stage: r[1],
        plannedStartDate: r[2],
        actualStartDate: r[3],
        plannedCompletionDate: r[4],
        actualCompletionDate: r[5],
        totalInvestmentYuan: r[6],
        investedBeforeYearYuan: r[7],
        annualPlanYuan: r[8],
        yearCompletedYuan: r[9],
        completedThroughMonthYuan: r[10],
        inStatistics: r[11] === 1,
        enteredOn: r[12],
        leadUnitId: r[13],
        parkId: r[14],
        chainId: r[15],
        chainLead: r[16] ?? '',
        townshipId: r[17],
      });
    }
    if (raws.length < BATCH) return;
    after = raws[raws.length - 1][0];
  }
}

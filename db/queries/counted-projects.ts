import type { Store } from '../store/store';
import type { Stage } from '../model/stages';
import { sql } from '../sql';
import { ENTERED_ON } from './project-row-parts';

/** What the 工作台's figures read of a project: the fields its lights read, its 总投资 and its year's money. */
export interface CountedProjectSource {
  id: number;
  stage: Stage;
  plannedStartDate: string | null;
  actualStartDate: string | null;
  actualCompletionDate: string | null;
  totalInvestmentYuan: number;
  investedBeforeYearYuan: number;
  annualPlanYuan: number;
  yearCompletedYuan: number;
  inStatistics: boolean;
  enteredOn: string | null;
}

type RawCountedProject = [
  id: number,
  stage: Stage,
  plannedStartDate: string | null,
  actualStartDate: string | null,
  actualCompletionDate: string | null,
  totalInvestmentYuan: number,
  investedBeforeYearYuan: number,
  annualPlanYuan: number,
  yearCompletedYuan: number,
  inStatistics: number,
  enteredOn: string | null,
];

/** Projects read at a time: each batch is done with before the next is read, so the rows die young. */
const BATCH = 1_000;

/**
 * Every project, only as far as the 工作台 counts and sums it, to `visit` in id order: none of the list's texts,
 * names or sorting, and never the whole office in memory at once (twenty thousand rows kept until the last is
 * read would be copied by every young-generation GC on the way).
 */
export async function forEachCountedProject(
  store: Store,
  planYear: number,
  visit: (project: CountedProjectSource) => void,
): Promise<void> {
  // ids start at 1 on both engines; PostgreSQL's integer id refuses a bound value below its range
  for (let after = 0; ;) {
    // chain_id is NOT NULL REFERENCES chains: these are the same projects as the library's list joined to chains
    const raws =
      await store.allRaw<RawCountedProject>(sql`SELECT p.id, p.stage, p.planned_start_date, p.actual_start_date, p.actual_completion_date,
                 p.total_investment_yuan, p.invested_before_year_yuan, p.annual_plan_yuan,
                 COALESCE((SELECT SUM(mi.amount_yuan) FROM monthly_investments mi
                           WHERE mi.project_id = p.id AND mi.year = ${planYear}), 0),
                 p.in_statistics, ${ENTERED_ON}
          FROM projects p
          WHERE p.id > ${after}
          ORDER BY p.id
          LIMIT ${BATCH}`);
    for (const r of raws) {
      visit({
        id: r[0],
        stage: r[1],
        plannedStartDate: r[2],
        actualStartDate: r[3],
        actualCompletionDate: r[4],
        totalInvestmentYuan: r[5],
        investedBeforeYearYuan: r[6],
        annualPlanYuan: r[7],
        yearCompletedYuan: r[8],
        inStatistics: r[9] === 1,
        enteredOn: r[10],
      });
    }
    if (raws.length < BATCH) return;
    after = raws[raws.length - 1][0];
  }
}

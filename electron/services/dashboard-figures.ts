import { completedInYear } from '../../db/model/annual-targets';
import { computeLights } from '../../db/model/lights';
import { stageCounter, type DashboardSummary, type YearContext } from '../../db/model/overview';
import { forEachCountedProject } from '../../db/queries/counted-projects';
import type { Store } from '../../db/store/store';
import { lightInputsOf } from './project-lights';

/** The 工作台's figures of the whole office: counts by stage and light, 建成一批, 资料待补 and the year's money. */
export type DashboardFigures = Pick<
  DashboardSummary,
  'counts' | 'completedThisYear' | 'missingDataCount' | 'annualPlanYuan' | 'yearCompletedYuan'
>;

/** Every project lit and counted as it is read; none is kept, since the 工作台 shows only the sums. */
export async function dashboardFigures(store: Store, year: YearContext, today: string): Promise<DashboardFigures> {
  const inputs = await lightInputsOf(store, year.planYear, today);
  const counter = stageCounter(year);
  let completedThisYear = 0;
  let missingDataCount = 0;
  let annualPlanYuan = 0;
  let yearCompletedYuan = 0;
  await forEachCountedProject(store, year.planYear, (project) => {
    const { light, missingFields } = computeLights(inputs.of(project), inputs.context);
    counter.add(project, light);
    if (completedInYear(project, year.planYear)) completedThisYear += 1;
    if (missingFields.length > 0) missingDataCount += 1;
    annualPlanYuan += project.annualPlanYuan;
    yearCompletedYuan += project.yearCompletedYuan;
  });
  return { counts: counter.counts(), completedThisYear, missingDataCount, annualPlanYuan, yearCompletedYuan };
}

import { completedInYear } from '../../db/model/annual-targets';
import { computeLights, countedLight } from '../../db/model/lights';
import { stageCounter, type DashboardSummary, type YearContext } from '../../db/model/overview';
import { figuresCounter } from '../../db/model/stat-figures';
import { forEachCountedProject } from '../../db/queries/counted-projects';
import type { Store } from '../../db/store/store';
import { lightInputsOf } from './project-lights';
import { currentStatsMonth, figuresContextOf } from './stats-ranking';

/** The 工作台's figures of the whole office: counts by stage and light, 建成一批, 资料待补 and the year's money. */
export type DashboardFigures = Pick<
  DashboardSummary,
  | 'counts'
  | 'completedThisYear'
  | 'missingDataCount'
  | 'annualPlanYuan'
  | 'yearCompletedYuan'
  | 'statsMonth'
  | 'figures'
>;

/**
 * Every project lit and counted as it is read; none is kept, since the 工作台 shows only the sums. The money and
 * the rates are the statistics' own (stat-figures.ts) at the current month, so the 工作台 and 统计排名 agree.
 */
export async function dashboardFigures(store: Store, year: YearContext, today: string): Promise<DashboardFigures> {
  const inputs = await lightInputsOf(store, year.planYear, today);
  const statsMonth = currentStatsMonth(year.planYear, today);
  // a plan year not yet begun has no month to count at: its year-end, where nothing is reported or started yet
  const month = statsMonth ?? 12;
  const figures = figuresCounter(await figuresContextOf(store, year.planYear, month, true, year.wasNewStart));
  const counter = stageCounter(year);
  let completedThisYear = 0;
  let missingDataCount = 0;
  await forEachCountedProject(
    store,
    year.planYear,
    (project) => {
      const lit = computeLights(inputs.of(project), inputs.context);
      const { missingFields } = lit;
      // 停建/缓建: counted as projects, in no light
      const light = countedLight(lit);
      counter.add(project, light);
      figures.add(project, light);
      if (completedInYear(project, year.planYear)) completedThisYear += 1;
      if (missingFields.length > 0) missingDataCount += 1;
    },
    month,
  );
  const office = figures.figures();
  return {
    counts: counter.counts(),
    completedThisYear,
    missingDataCount,
    annualPlanYuan: office.annualPlanYuan,
    yearCompletedYuan: office.completedYuan,
    statsMonth,
    figures: office,
  };
}

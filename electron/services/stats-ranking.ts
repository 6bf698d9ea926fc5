import { AppError } from '../../db/errors';
import { monthOf, yearOf } from '../../db/model/dates';
import { computeLights, type LightLevel } from '../../db/model/lights';
import { GROUPINGS, type GroupedProject, type StatsBy } from '../../db/model/stat-grouping';
import { monthEndDate } from '../../db/model/stat-month-end';
import { rankingCollector, type LightsSource, type StatsRanking } from '../../db/model/stat-ranking';
import { timeProgressAtMonth } from '../../db/model/time-progress';
import { forEachCountedProject, type CountedProjectSource } from '../../db/queries/counted-projects';
import { lastSnapshotLightsOf } from '../../db/queries/month-lights';
import { everNewStartIds } from '../../db/queries/projects-read';
import { referenceNames } from '../../db/queries/reference-names';
import type { Store } from '../../db/store/store';
import { lightInputsOf, statisticsThresholdOf, timeProgressModeOf } from './project-lights';

export interface RankingQuestion {
  year: number;
  month: number;
  by: StatsBy;
}

/** Which month may be asked: the plan year's (its 本年计划 is the only one kept), up to the current month. */
function checkMonth(question: RankingQuestion, planYear: number, today: string): void {
  if (question.year !== planYear) {
    throw new AppError('invalid_input', `只能统计计划年度（${planYear}年）：本年计划只保存当年的`, 'year');
  }
  const thisYear = yearOf(today);
  if (question.year > thisYear || (question.year === thisYear && question.month > monthOf(today))) {
    throw new AppError('invalid_input', `${question.year}年${question.month}月尚未到来，还没有可统计的数字`, 'month');
  }
}

/** Each project's red/yellow for the month: today's lights now, else the month's last weekly snapshot. */
async function monthLightsOf(
  store: Store,
  question: RankingQuestion,
  today: string,
): Promise<{ source: LightsSource; lightOf: (p: CountedProjectSource) => LightLevel | null }> {
  if (question.year === yearOf(today) && question.month === monthOf(today)) {
    const inputs = await lightInputsOf(store, question.year, today);
    return {
      source: { kind: 'today', date: today },
      lightOf: (p) => computeLights(inputs.of(p), inputs.context).light,
    };
  }
  const snapshot = await lastSnapshotLightsOf(store, question.year, question.month);
  if (!snapshot) return { source: { kind: 'none' }, lightOf: () => null };
  return { source: { kind: 'week', week: snapshot.week }, lightOf: (p) => snapshot.lights.get(p.id) ?? null };
}

/**
 * `stats.ranking`: every project streamed once and added to its group's sums (db/model/stat-*.ts), in a fixed
 * number of statements whatever the office's size. Call it inside one snapshot.
 */
export async function statsRanking(
  store: Store,
  question: RankingQuestion,
  planYear: number,
  today: string,
): Promise<StatsRanking> {
  checkMonth(question, planYear, today);
  const { year, month, by } = question;
  const grouping = GROUPINGS[by](await referenceNames(store));
  if ('refused' in grouping) throw new AppError('invalid_input', grouping.refused, 'by');
  const mode = await timeProgressModeOf(store);
  const statisticsThresholdYuan = await statisticsThresholdOf(store);
  const timeProgress = timeProgressAtMonth(mode, year, month);
  const lights = await monthLightsOf(store, question, today);
  const collector = rankingCollector(
    {
      at: { year, month, monthEnd: monthEndDate(year, month) },
      timeProgress,
      statisticsThresholdYuan,
      wasNewStart: await everNewStartIds(store),
      lightsKnown: lights.source.kind !== 'none',
    },
    grouping,
  );
  await forEachCountedProject(
    store,
    year,
    (project: GroupedProject & CountedProjectSource) => collector.add(project, lights.lightOf(project)),
    month,
  );
  return {
    year,
    month,
    by,
    timeProgress,
    timeProgressMode: mode,
    statisticsThresholdYuan,
    lightsFrom: lights.source,
    rows: collector.rows(),
    total: collector.total(),
  };
}

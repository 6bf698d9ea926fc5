import { AppError } from '../../db/errors';
import { monthOf, yearOf } from '../../db/model/dates';
import { computeLights, countedLight, type LightLevel } from '../../db/model/lights';
import { figuresCounter, type FiguresContext, type GroupFigures } from '../../db/model/stat-figures';
import { GROUPINGS, type GroupNames, type Grouping, type StatsBy } from '../../db/model/stat-grouping';
import { monthEndDate } from '../../db/model/stat-month-end';
import { rankingCollector, type LightsSource, type StatsRanking } from '../../db/model/stat-ranking';
import { timeProgressAtMonth, type TimeProgressMode } from '../../db/model/time-progress';
import { forEachCountedProject, type CountedProjectSource } from '../../db/queries/counted-projects';
import { lastSnapshotLightsOf } from '../../db/queries/month-lights';
import { everNewStartIds } from '../../db/queries/projects-read';
import { levelIdsByProject } from '../../db/queries/level-memberships';
import { referenceNames } from '../../db/queries/reference-names';
import type { Store } from '../../db/store/store';
import { lightInputsOf, statisticsThresholdOf, timeProgressModeOf } from './project-lights';

export interface RankingQuestion {
  year: number;
  month: number;
  by: StatsBy;
}

/**
 * The month the 工作台 and the 链长 view count at: the current month in the plan year, December of a past plan
 * year; null when the plan year has not begun (an office that has rolled over early).
 */
export function currentStatsMonth(planYear: number, today: string): number | null {
  if (planYear < yearOf(today)) return 12;
  return planYear === yearOf(today) ? monthOf(today) : null;
}

/** The current month of today's year: its red and yellow are today's lights. */
export function isCurrentMonth(year: number, month: number, today: string): boolean {
  return year === yearOf(today) && month === monthOf(today);
}

/** Which month may be asked: the plan year's (its 本年计划 is the only one kept), up to the current month. */
function checkMonth(question: Omit<RankingQuestion, 'by'>, planYear: number, today: string): void {
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
  year: number,
  month: number,
  today: string,
): Promise<{ source: LightsSource; lightOf: (p: CountedProjectSource) => LightLevel | null }> {
  if (isCurrentMonth(year, month, today)) {
    const inputs = await lightInputsOf(store, year, today);
    return {
      source: { kind: 'today', date: today },
      lightOf: (p) => countedLight(computeLights(inputs.of(p), inputs.context)),
    };
  }
  const snapshot = await lastSnapshotLightsOf(store, year, month);
  if (!snapshot) return { source: { kind: 'none' }, lightOf: () => null };
  return { source: { kind: 'week', week: snapshot.week }, lightOf: (p) => snapshot.lights.get(p.id) ?? null };
}

/** The office's figures at the end of month N, and each asked grouping's ranked rows. */
export interface StatsAtMonth {
  year: number;
  month: number;
  timeProgress: number;
  context: Omit<StatsRanking, 'by' | 'rows' | 'total'>;
  total: GroupFigures;
  rankings: Partial<Record<StatsBy, StatsRanking>>;
}

/** What every group's figures at the end of month N are read against (stat-figures.ts), from the settings. */
export async function figuresContextOf(
  store: Store,
  year: number,
  month: number,
  lightsKnown: boolean,
  wasNewStart?: ReadonlySet<number>,
): Promise<FiguresContext & { timeProgressMode: TimeProgressMode }> {
  const timeProgressMode = await timeProgressModeOf(store);
  return {
    at: { year, month, monthEnd: monthEndDate(year, month) },
    timeProgress: timeProgressAtMonth(timeProgressMode, year, month),
    timeProgressMode,
    statisticsThresholdYuan: await statisticsThresholdOf(store),
    wasNewStart: wasNewStart ?? (await everNewStartIds(store)),
    lightsKnown,
  };
}

function groupingOf(by: StatsBy, names: GroupNames): Grouping {
  const grouping = GROUPINGS[by](names);
  if ('refused' in grouping) throw new AppError('invalid_input', grouping.refused, 'by');
  return grouping;
}

/**
 * Every project streamed once and added to the office's sums and to its group's in each grouping asked
 * (db/model/stat-*.ts), in a fixed number of statements whatever the office's size. Call it inside one snapshot.
 */
export async function statsAtMonth(
  store: Store,
  year: number,
  month: number,
  today: string,
  bys: readonly StatsBy[],
  /** also shown each project with its light, as it streams by (the 链长 view's cards count in the same pass) */
  visit?: (project: CountedProjectSource, light: LightLevel | null) => void,
): Promise<StatsAtMonth> {
  // the lists each project is on at the end of the month (调入/调出 have dates), read only when a ranking by level is
  // asked; no move is dated after today, so the current month's end reads today's lists
  const projectLevels = bys.includes('level')
    ? await levelIdsByProject(store, undefined, monthEndDate(year, month))
    : new Map<number, number[]>();
  const names = bys.length ? { ...(await referenceNames(store)), projectLevels } : undefined;
  const groupings = bys.map((by) => ({ by, grouping: groupingOf(by, names!) }));
  const lights = await monthLightsOf(store, year, month, today);
  const ctx = await figuresContextOf(store, year, month, lights.source.kind !== 'none');
  const all = figuresCounter(ctx);
  const collectors = groupings.map(({ by, grouping }) => ({ by, collector: rankingCollector(ctx, grouping) }));
  await forEachCountedProject(
    store,
    year,
    (project) => {
      const light = lights.lightOf(project);
      all.add(project, light);
      for (const { collector } of collectors) collector.add(project, light);
      visit?.(project, light);
    },
    month,
  );
  const { timeProgress } = ctx;
  const context = {
    year,
    month,
    timeProgress,
    timeProgressMode: ctx.timeProgressMode,
    statisticsThresholdYuan: ctx.statisticsThresholdYuan,
    lightsFrom: lights.source,
  };
  const total = all.figures();
  return {
    year,
    month,
    timeProgress,
    context,
    total,
    rankings: Object.fromEntries(
      collectors.map(({ by, collector }) => [by, { ...context, by, rows: collector.rows(), total }]),
    ),
  };
}

/** `stats.ranking`: one grouping's rows at the end of the month asked. Call it inside one snapshot. */
export async function statsRanking(
  store: Store,
  question: RankingQuestion,
  planYear: number,
  today: string,
): Promise<StatsRanking> {
  return (await statsRankings(store, question, [question.by], planYear, today))[question.by];
}

/** Several groupings' rankings of one month, counted in one pass (the 月度通报 ranks by unit and by area). */
export async function statsRankings<B extends StatsBy>(
  store: Store,
  question: Omit<RankingQuestion, 'by'>,
  bys: readonly B[],
  planYear: number,
  today: string,
): Promise<Record<B, StatsRanking>> {
  checkMonth(question, planYear, today);
  const stats = await statsAtMonth(store, question.year, question.month, today, bys);
  return stats.rankings as Record<B, StatsRanking>;
}

import type { LightLevel } from './lights';
import type { TimeProgressMode } from './time-progress';
import type { WeekKey } from './weeks';
import { rankedByAssessment } from './stat-assessment';
import { figuresCounter, type FiguresContext, type FiguresCounter, type GroupFigures } from './stat-figures';
import { UNFILLED_GROUP, type GroupedProject, type Grouping, type StatsBy, type StatsGroupRef } from './stat-grouping';

/** Where the red and yellow counts come from. */
export type LightsSource =
  /** the current month: today's lights */
  | { kind: 'today'; date: string }
  /** a past month: the last weekly snapshot in it */
  | { kind: 'week'; week: WeekKey }
  /** a past month without any weekly snapshot: 无记录 */
  | { kind: 'none' };

export interface StatsRow {
  group: StatsGroupRef;
  /** 考核 place (assessment.ts); null for 未填写, which is listed last and never ranked */
  rank: number | null;
  figures: GroupFigures;
}

/** `stats.ranking`: each group's figures at the end of month N, in 考核 order, and the office's in all. */
export interface StatsRanking {
  year: number;
  month: number;
  by: StatsBy;
  /** 序时进度 at the end of month N, and how it is counted */
  timeProgress: number;
  timeProgressMode: TimeProgressMode;
  statisticsThresholdYuan: number;
  lightsFrom: LightsSource;
  rows: StatsRow[];
  /** every project once (a project in two levels counts once here) */
  total: GroupFigures;
}

/** Groups projects as they stream by, keeping only each group's running sums. */
export interface RankingCollector {
  add(project: GroupedProject, light: LightLevel | null): void;
  rows(): StatsRow[];
}

export function rankingCollector(ctx: FiguresContext, grouping: Grouping): RankingCollector {
  const groups = new Map<string, { group: StatsGroupRef; counter: FiguresCounter }>();
  const counterOf = (group: StatsGroupRef) => {
    let entry = groups.get(group.key);
    if (!entry) {
      entry = { group, counter: figuresCounter(ctx) };
      groups.set(group.key, entry);
    }
    return entry.counter;
  };
  return {
    add(project, light) {
      const refs = grouping(project);
      if (refs.length === 0) counterOf(UNFILLED_GROUP).add(project, light);
      for (const ref of refs) counterOf(ref).add(project, light);
    },
    rows() {
      const named: { group: StatsGroupRef; figures: GroupFigures }[] = [];
      let unfilled: StatsRow | undefined;
      for (const { group, counter } of groups.values()) {
        if (group.key === UNFILLED_GROUP.key) unfilled = { group, rank: null, figures: counter.figures() };
        else named.push({ group, figures: counter.figures() });
      }
      const ranked: StatsRow[] = rankedByAssessment(named);
      return unfilled ? [...ranked, unfilled] : ranked;
    },
  };
}

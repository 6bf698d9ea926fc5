import { onNewStartList, startedInYear, type TargetInput } from './annual-targets';
import { countedLight, type LightLevel, type ProjectLights } from './lights';
import type { Milestone } from './milestones';
import type { ProjectDetail, ProjectRow } from './project';
import { STAGES, type Stage } from './stages';
import type { GroupFigures } from './stat-figures';
import type { OfficeTimeProgress } from './time-progress';

/** What the year's counts read of a project besides its light: its stage and dates and its 总投资. */
export type CountedProject = TargetInput & Pick<ProjectRow, 'id' | 'totalInvestmentYuan'>;

/** One project as its page shows it: the record, its lights, and the office's 时序进度 to read its rate against. */
export type ProjectView = ProjectDetail & ProjectLights & { timeProgress: OfficeTimeProgress };

export interface DueMilestone extends Omit<Milestone, 'version'> {
  projectCode: string;
  projectName: string;
  chainName: string;
  chainLead: string;
}

export interface StageCounts {
  byStage: Record<Stage, number>;
  byLight: Record<LightLevel, number>;
  /** 停建/缓建 now: counted as projects, in no light (issue #17) */
  suspended?: number;
  projectCount: number;
  totalInvestmentYuan: number;
  /** on this year's 新开工 list (see annual-targets), and those of them started in the year */
  newStartListed: number;
  newStartStarted: number;
  /** 开工率 as a fraction, null with nothing on the list */
  startRate: number | null;
}

/** What the year's figures need besides the rows: the plan year, and who has ever been 新开工. */
export interface YearContext {
  planYear: number;
  wasNewStart: ReadonlySet<number>;
}

/** Counts taken one project at a time, so that a caller reading thousands need not keep them. */
export interface StageCounter {
  /** `light` null: 停建/缓建, in no light */
  add(row: CountedProject, light: LightLevel | null): void;
  counts(): StageCounts;
}

export function stageCounter(year: YearContext): StageCounter {
  const byStage = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  const byLight: Record<LightLevel, number> = { red: 0, yellow: 0, green: 0 };
  let projectCount = 0;
  let suspended = 0;
  let totalInvestmentYuan = 0;
  let newStartListed = 0;
  let newStartStarted = 0;
  return {
    add(row, light) {
      projectCount += 1;
      byStage[row.stage] += 1;
      if (light === null) suspended += 1;
      else byLight[light] += 1;
      totalInvestmentYuan += row.totalInvestmentYuan;
      if (onNewStartList(row, year.wasNewStart.has(row.id), year.planYear)) {
        newStartListed += 1;
        if (startedInYear(row, year.planYear)) newStartStarted += 1;
      }
    },
    counts: () => ({
      byStage,
      byLight,
      ...(suspended ? { suspended } : {}),
      projectCount,
      totalInvestmentYuan,
      newStartListed,
      newStartStarted,
      startRate: newStartListed ? newStartStarted / newStartListed : null,
    }),
  };
}

export function countProjects(
  rows: readonly (CountedProject & Pick<ProjectLights, 'light' | 'suspended'>)[],
  year: YearContext,
): StageCounts {
  const counter = stageCounter(year);
  for (const row of rows) counter.add(row, countedLight(row));
  return counter.counts();
}

export interface DashboardSummary {
  planYear: number;
  today: string;
  counts: StageCounts;
  /** 建成一批: projects with an 实际竣工日期 in the plan year */
  completedThisYear: number;
  /** projects marked 资料待补 */
  missingDataCount: number;
  annualPlanYuan: number;
  /** 1—N月完成 with N the current month (stat-figures.ts) */
  yearCompletedYuan: number;
  /** the month the figures are counted at (null: the plan year has not begun, counted at its end) */
  statsMonth: number | null;
  /** the office's statistics at that month, as 统计排名's 合计 shows them */
  figures: GroupFigures;
  timeProgress: number;
  /** open nodes due from today to the end of this ISO week */
  /** the earliest DASHBOARD_NODES of them, and how many there are */
  dueThisWeek: DueMilestone[];
  dueThisWeekCount: number;
  overdue: DueMilestone[];
  overdueCount: number;
}

/**
 * How many nodes of each list the 工作台 carries: a five-year office has thousands overdue, which no one reads
 * on a dashboard (each 链长's card in 链长视图 lists theirs in full).
 */
export const DASHBOARD_NODES = 100;

/** A group's place and figures in 统计排名 at the current month (stat-ranking.ts); null when it is not ranked. */
export interface Assessed {
  rank: number | null;
  figures: GroupFigures | null;
}

export interface ChainLeadSummary extends StageCounts, Assessed {
  chainLead: string;
  chains: { id: number; name: string }[];
  dueSoon: DueMilestone[];
  overdue: DueMilestone[];
}

export interface ChainSummary extends StageCounts, Assessed {
  chainId: number;
  chainName: string;
  chainLead: string;
  target2025Yuan: number | null;
}

export interface ChainLeadOverview {
  today: string;
  /** the month the ranking is counted at (null: the plan year has not begun, nothing is ranked) */
  statsMonth: number | null;
  dueWithinDays: number;
  leads: ChainLeadSummary[];
  chains: ChainSummary[];
}

/** Ranked groups first, in 考核 order (stat-assessment.ts); the unranked after them, as they came. */
export function byRank<T extends Assessed>(a: T, b: T): number {
  if (a.rank === null || b.rank === null) return (a.rank === null ? 1 : 0) - (b.rank === null ? 1 : 0);
  return a.rank - b.rank;
}

export const UNASSIGNED_LEAD = '未设链长';

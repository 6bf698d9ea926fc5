import {
  DEFAULT_LIGHT_THRESHOLDS,
  computeLights,
  type LightContext,
  type LightInput,
  type LightThresholds,
  type ProjectLights,
} from '../../db/model/lights';
import type { ProjectDetail, ProjectRow } from '../../db/model/project';
import {
  officeTimeProgress,
  timeProgress,
  TIME_PROGRESS_MODES,
  type OfficeTimeProgress,
  type TimeProgressMode,
} from '../../db/model/time-progress';
import { DEFAULT_STATISTICS_THRESHOLD_YUAN } from '../../db/model/stat-measures';
import { shiftWeek, weekOf } from '../../db/model/weeks';
import { dispatchInUseSince, reportedProjectIds } from '../../db/queries/dispatch';
import { openMilestonesByProject } from '../../db/queries/milestones';
import { openApprovalsByProject } from '../../db/queries/approvals';
import type { OnlyProjects } from '../../db/queries/only-projects';
import { openProblemsByProject } from '../../db/queries/problems';
import { overdueInstructionsByProject } from '../../db/queries/instructions';
import { closedThroughMonth } from '../../db/queries/month-closings';
import { getProject } from '../../db/queries/projects-read';
import { getSetting } from '../../db/queries/settings';
import { currentSuspensions } from '../../db/queries/suspensions';
import { addDays, parseISO } from 'date-fns';
import type { Store } from '../../db/store/store';
import { toIsoDate } from '../../db/model/dates';

export async function lightThresholdsOf(store: Store): Promise<LightThresholds> {
  try {
    const stored = await getSetting(store, 'lightThresholds');
    return { ...DEFAULT_LIGHT_THRESHOLDS, ...(stored ? (JSON.parse(stored) as Partial<LightThresholds>) : {}) };
  } catch {
    return DEFAULT_LIGHT_THRESHOLDS;
  }
}

export async function timeProgressModeOf(store: Store): Promise<TimeProgressMode> {
  const stored = await getSetting(store, 'timeProgressMode');
  return (TIME_PROGRESS_MODES as readonly string[]).includes(stored ?? '')
    ? (stored as TimeProgressMode)
    : 'reported_months';
}

/** 纳统率's threshold of 总投资, 500万元 unless the office has set another. */
export async function statisticsThresholdOf(store: Store): Promise<number> {
  const stored = await getSetting(store, 'statisticsThresholdYuan');
  const yuan = stored === null ? NaN : Number(stored);
  return Number.isSafeInteger(yuan) && yuan >= 0 ? yuan : DEFAULT_STATISTICS_THRESHOLD_YUAN;
}

/** 时序进度 with what it is counted from, for a project page. */
export async function officeTimeProgressOf(store: Store, planYear: number, today: string): Promise<OfficeTimeProgress> {
  const mode = await timeProgressModeOf(store);
  const closed = await closedThroughMonth(store, planYear);
  return officeTimeProgress(mode, timeProgress(mode, planYear, today, closed), closed);
}

export async function lightContextOf(store: Store, planYear: number, today: string): Promise<LightContext> {
  const thresholds = await lightThresholdsOf(store);
  const mode = await timeProgressModeOf(store);
  return {
    today,
    thresholds,
    timeProgress: timeProgress(mode, planYear, today, await closedThroughMonth(store, planYear)),
  };
}

function dueHorizon(today: string, dueDays: number): string {
  return toIsoDate(addDays(parseISO(today), dueDays));
}

const DISPATCH_IN_USE_WEEKS = 4;

/**
 * Who has reported this week. An office that has not kept weekly dispatch in the last four weeks (a new
 * install, or one that does not use it) gets no 报送 lights rather than every project turning yellow.
 */
async function reportingOf(store: Store, today: string, only: OnlyProjects): Promise<(projectId: number) => boolean> {
  const week = weekOf(today);
  if (!(await dispatchInUseSince(store, shiftWeek(week.key, -DISPATCH_IN_USE_WEEKS).key))) return () => true;
  const reported = await reportedProjectIds(store, week.key, only);
  return (projectId) => reported.has(projectId);
}

type StoredLightInput = Omit<
  LightInput,
  'openMilestones' | 'reportedThisWeek' | 'openProblems' | 'openApprovals' | 'suspension' | 'overdueInstructions'
> & { id: number };

export interface LightInputs {
  context: LightContext;
  /** a row's stored fields with its nodes, report and problems: what computeLights reads */
  of(row: StoredLightInput): LightInput;
  /** the same inputs with who has reported this week read again: all that saving a week's entry changes */
  withReportsReread(): Promise<LightInputs>;
}

/** What the lights of the projects in `only` (default: all) read besides their own fields, in one query each. */
export async function lightInputsOf(
  store: Store,
  planYear: number,
  today: string,
  only?: OnlyProjects,
): Promise<LightInputs> {
  const context = await lightContextOf(store, planYear, today);
  const open = await openMilestonesByProject(store, dueHorizon(today, context.thresholds.milestoneDueDays), only);
  const problems = await openProblemsByProject(store, dueHorizon(today, context.thresholds.problemDueDays), only);
  // 前期手续 items light as nodes do, with the nodes' threshold
  const approvals = await openApprovalsByProject(store, dueHorizon(today, context.thresholds.milestoneDueDays), only);
  // 停建/缓建 projects have no light (issue #17): a short list, read with the rest
  const suspended = await currentSuspensions(store, only);
  const instructions = await overdueInstructionsByProject(store, today, only);
  const none: never[] = [];
  const inputsWith = (reported: (projectId: number) => boolean): LightInputs => ({
    context,
    of: (row) => ({
      stage: row.stage,
      plannedStartDate: row.plannedStartDate,
      actualStartDate: row.actualStartDate,
      actualCompletionDate: row.actualCompletionDate,
      annualPlanYuan: row.annualPlanYuan,
      investedBeforeYearYuan: row.investedBeforeYearYuan,
      yearCompletedYuan: row.yearCompletedYuan,
      inStatistics: row.inStatistics,
      enteredOn: row.enteredOn,
      openMilestones: open.get(row.id) ?? none,
      reportedThisWeek: reported(row.id),
      openProblems: problems.get(row.id) ?? none,
      openApprovals: approvals.get(row.id) ?? none,
      suspension: suspended.get(row.id) ?? null,
      overdueInstructions: instructions.get(row.id) ?? none,
    }),
    withReportsReread: async () => inputsWith(await reportingOf(store, today, only)),
  });
  return inputsWith(await reportingOf(store, today, only));
}

export type LitRow<T extends ProjectRow = ProjectRow> = T & ProjectLights;

/** Lights describe now: computed on every read from the data and today, never stored. */
export async function withLights<T extends ProjectRow>(
  store: Store,
  rows: T[],
  planYear: number,
  today: string,
): Promise<LitRow<T>[]> {
  // one project (its page, a save) reads only its own nodes, reports and problems, not the library's
  const inputs = await lightInputsOf(store, planYear, today, rows.length === 1 ? rows[0].id : undefined);
  return rows.map((row) => ({ ...row, ...computeLights(inputs.of(row), inputs.context) }));
}

/** One project with its lights, as its page and a week's row show it; undefined when there is no such project. */
export async function litProject(
  store: Store,
  id: number,
  planYear: number,
  today: string,
): Promise<LitRow<ProjectDetail> | undefined> {
  const project = await getProject(store, id, planYear);
  return project && (await withLights(store, [project], planYear, today))[0];
}

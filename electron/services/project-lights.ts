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
import { shiftWeek, weekOf } from '../../db/model/weeks';
import { dispatchInUseSince, reportedProjectIds } from '../../db/queries/dispatch';
import { openMilestonesByProject } from '../../db/queries/milestones';
import type { OnlyProjects } from '../../db/queries/only-projects';
import { openProblemsByProject } from '../../db/queries/problems';
import { closedThroughMonth } from '../../db/queries/month-closings';
import { getProject } from '../../db/queries/projects-read';
import { getSetting } from '../../db/queries/settings';
import { addDays, parseISO } from 'date-fns';
import type { Db } from '../../db/connection';
import { toIsoDate } from '../../db/model/dates';

export function lightThresholdsOf(db: Db): LightThresholds {
  try {
    const stored = getSetting(db, 'lightThresholds');
    return { ...DEFAULT_LIGHT_THRESHOLDS, ...(stored ? (JSON.parse(stored) as Partial<LightThresholds>) : {}) };
  } catch {
    return DEFAULT_LIGHT_THRESHOLDS;
  }
}

export function timeProgressModeOf(db: Db): TimeProgressMode {
  const stored = getSetting(db, 'timeProgressMode');
  return (TIME_PROGRESS_MODES as readonly string[]).includes(stored ?? '')
    ? (stored as TimeProgressMode)
    : 'reported_months';
}

/** 时序进度 with what it is counted from, for a project page. */
export function officeTimeProgressOf(db: Db, planYear: number, today: string): OfficeTimeProgress {
  const mode = timeProgressModeOf(db);
  const closed = closedThroughMonth(db, planYear);
  return officeTimeProgress(mode, timeProgress(mode, planYear, today, closed), closed);
}

export function lightContextOf(db: Db, planYear: number, today: string): LightContext {
  return {
    today,
    thresholds: lightThresholdsOf(db),
    timeProgress: timeProgress(timeProgressModeOf(db), planYear, today, closedThroughMonth(db, planYear)),
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
function reportingOf(db: Db, today: string, only: OnlyProjects): (projectId: number) => boolean {
  const week = weekOf(today);
  if (!dispatchInUseSince(db, shiftWeek(week.key, -DISPATCH_IN_USE_WEEKS).key)) return () => true;
  const reported = reportedProjectIds(db, week.key, only);
  return (projectId) => reported.has(projectId);
}

type StoredLightInput = Omit<LightInput, 'openMilestones' | 'reportedThisWeek' | 'openProblems'> & { id: number };

export interface LightInputs {
  context: LightContext;
  /** a row's stored fields with its nodes, report and problems: what computeLights reads */
  of(row: StoredLightInput): LightInput;
  /** the same inputs with who has reported this week read again: all that saving a week's entry changes */
  withReportsReread(): LightInputs;
}

/** What the lights of the projects in `only` (default: all) read besides their own fields, in one query each. */
export function lightInputsOf(db: Db, planYear: number, today: string, only?: OnlyProjects): LightInputs {
  const context = lightContextOf(db, planYear, today);
  const open = openMilestonesByProject(db, dueHorizon(today, context.thresholds.milestoneDueDays), only);
  const problems = openProblemsByProject(db, dueHorizon(today, context.thresholds.problemDueDays), only);
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
    }),
    withReportsReread: () => inputsWith(reportingOf(db, today, only)),
  });
  return inputsWith(reportingOf(db, today, only));
}

export type LitRow<T extends ProjectRow = ProjectRow> = T & ProjectLights;

/** Lights describe now: computed on every read from the data and today, never stored. */
export function withLights<T extends ProjectRow>(db: Db, rows: T[], planYear: number, today: string): LitRow<T>[] {
  // one project (its page, a save) reads only its own nodes, reports and problems, not the library's
  const inputs = lightInputsOf(db, planYear, today, rows.length === 1 ? rows[0].id : undefined);
  return rows.map((row) => ({ ...row, ...computeLights(inputs.of(row), inputs.context) }));
}

/** One project with its lights, as its page and a week's row show it; undefined when there is no such project. */
export function litProject(db: Db, id: number, planYear: number, today: string): LitRow<ProjectDetail> | undefined {
  const project = getProject(db, id, planYear);
  return project && withLights(db, [project], planYear, today)[0];
}

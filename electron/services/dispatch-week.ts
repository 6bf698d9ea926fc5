import {
  COPY_FORWARD_WEEKS,
  type DispatchEntry,
  type DispatchRow,
  type DispatchSnapshot,
  type DispatchWeekView,
} from '../../db/model/dispatch';
import { computeLights, type ProjectLights } from '../../db/model/lights';
import type { ProjectRow } from '../../db/model/project';
import { shiftWeek, weekLabel, weekOf, type DispatchWeek } from '../../db/model/weeks';
import {
  copiesForWeek,
  entriesOfWeek,
  entryOf,
  firstWeekProjectIds,
  latestEntryBetween,
} from '../../db/queries/dispatch';
import { approvalProgressByProject } from '../../db/queries/approvals';
import { problemsRaisedIn } from '../../db/queries/problems';
import { getProject } from '../../db/queries/projects-read';
import { weekRowSources, type WeekRowField } from '../../db/queries/week-row-sources';
import type { Store } from '../../db/store/store';
import { lightInputsOf } from './project-lights';

type WeekProject = Pick<ProjectRow, WeekRowField>;
type WeekLights = Pick<ProjectLights, 'light' | 'lights' | 'lightReasons' | 'suspended'>;

function toRow(
  project: WeekProject,
  lit: WeekLights,
  entry: DispatchEntry | undefined,
  copied: DispatchEntry | undefined,
  raisedProblems: DispatchRow['raisedProblems'] = [],
  approvalProgress = '',
): DispatchRow {
  const texts = entry ?? copied;
  return {
    projectId: project.id,
    code: project.code,
    name: project.name,
    stage: project.stage,
    chainId: project.chainId,
    chainName: project.chainName,
    chainLead: project.chainLead,
    leadUnitName: project.leadUnitName,
    responsibleUnitNames: project.responsibleUnitNames,
    parkName: project.parkName,
    light: lit.light,
    lightReasons: lit.lightReasons,
    approvalProgress,
    ...(lit.suspended ? { suspended: lit.suspended } : {}),
    totalInvestmentYuan: project.totalInvestmentYuan,
    annualPlanYuan: project.annualPlanYuan,
    yearCompletedYuan: project.yearCompletedYuan,
    progress: texts?.progress ?? '',
    problems: texts?.problems ?? '',
    coordination: texts?.coordination ?? '',
    nextPlan: texts?.nextPlan ?? '',
    entryId: entry?.id ?? null,
    entryVersion: entry?.version ?? 0,
    confirmed: entry?.confirmed ?? false,
    copiedFromWeek: entry ? null : (copied?.week ?? null),
    updatedAt: entry?.updatedAt ?? null,
    updatedBy: entry?.updatedBy ?? null,
    raisedProblems,
  };
}

/** A week's rows, and what a save of each would record (stage, lights without 报送, money): the server's own. */
export interface WeekRows {
  view: DispatchWeekView;
  snapshots: ReadonlyMap<number, DispatchSnapshot>;
}

/**
 * One dispatch week: every project still under way (and any project with an entry that week), each with
 * its entry or, until the clerk touches it, last reported text copied forward. Nothing is written by reading.
 */
export async function dispatchWeekRows(
  store: Store,
  week: DispatchWeek,
  planYear: number,
  today: string,
  only?: ReadonlySet<number>,
): Promise<WeekRows> {
  const ids = only && [...only];
  const entries = await entriesOfWeek(store, week.key, ids);
  const projects = (await weekRowSources(store, planYear, ids)).filter(
    (p) => (p.stage !== 'completed' || entries.has(p.id)) && (!only || only.has(p.id)),
  );
  // only a row without its own entry shows a copy: a week most have reported looks back for the few that have not
  const unreported = projects.filter((p) => !entries.has(p.id)).map((p) => p.id);
  const copies = unreported.length
    ? await copiesForWeek(store, shiftWeek(week.key, -COPY_FORWARD_WEEKS).key, week.key, unreported)
    : new Map<number, DispatchEntry>();
  const raised = await problemsRaisedIn(store, week.key);
  const inputs = await lightInputsOf(store, planYear, today, only && projects.map((p) => p.id));
  const approvals = await approvalProgressByProject(store, ids);
  const snapshots = new Map<number, DispatchSnapshot>();
  const rows = projects.map((p) => {
    const lit = computeLights(inputs.of(p), inputs.context);
    snapshots.set(p.id, snapshotOf(p, lit));
    return toRow(p, lit, entries.get(p.id), copies.get(p.id), raised.get(p.id), approvals.get(p.id)?.text);
  });
  const confirmed = rows.filter((r) => r.confirmed).length;
  return {
    view: {
      week,
      label: weekLabel(week),
      isCurrentWeek: weekOf(today).key === week.key,
      rows,
      counts: { active: rows.length, confirmed, unreported: rows.length - confirmed },
    },
    snapshots,
  };
}

/**
 * The first `count` rows of the week, read alone: what 本周调度 draws while the whole week is on its way. Its counts
 * are those of these rows only.
 */
export async function firstWeekRows(
  store: Store,
  week: DispatchWeek,
  planYear: number,
  today: string,
  count: number,
): Promise<DispatchWeekView> {
  // the whole answer of a request: which rows come first, and those rows, as of one moment
  return store.snapshot(async () =>
    dispatchWeekView(store, week, planYear, today, new Set(await firstWeekProjectIds(store, week.key, count))),
  );
}

/**
 * The week as the window shows it: the rows without the snapshots only a save needs. The whole answer of a
 * request, so its reads see one moment.
 */
export async function dispatchWeekView(
  store: Store,
  week: DispatchWeek,
  planYear: number,
  today: string,
  only?: ReadonlySet<number>,
): Promise<DispatchWeekView> {
  return (await store.snapshot(() => dispatchWeekRows(store, week, planYear, today, only))).view;
}

/** One project's row of a week, what a save of it records, and that row read again once the save is written. */
export interface ProjectWeekRow {
  row: DispatchRow;
  snapshot: DispatchSnapshot;
  /**
   * The row once its entry is saved. A save writes only the week's entry and its history: of what the row shows,
   * that changes the entry's own fields and the 报送 light, so only those are read again.
   */
  afterSave(): Promise<DispatchRow>;
}

/**
 * One project's row of a week, without reading the whole library: what a save starts from and answers with. A
 * caller that has the project already (a save reads it once for before and after) passes it in.
 */
export async function dispatchRowOf(
  store: Store,
  week: DispatchWeek,
  projectId: number,
  planYear: number,
  today: string,
  known?: ProjectRow,
): Promise<ProjectWeekRow | undefined> {
  const project = known ?? (await getProject(store, projectId, planYear));
  if (!project) return undefined;
  const inputs = await lightInputsOf(store, planYear, today, project.id);
  const raised = (await problemsRaisedIn(store, week.key, projectId)).get(projectId);
  const entry = await entryOf(store, projectId, week.key);
  const copied = entry
    ? undefined
    : await latestEntryBetween(store, projectId, shiftWeek(week.key, -COPY_FORWARD_WEEKS).key, week.key);
  const lit = computeLights(inputs.of(project), inputs.context);
  const approvals = (await approvalProgressByProject(store, projectId)).get(projectId)?.text;
  return {
    row: toRow(project, lit, entry, copied, raised, approvals),
    snapshot: snapshotOf(project, lit),
    afterSave: async () => {
      const reread = await inputs.withReportsReread();
      const saved = await entryOf(store, projectId, week.key);
      // a save always leaves an entry; the copy is what the row would show without one, as on the first read
      return toRow(
        project,
        computeLights(reread.of(project), reread.context),
        saved,
        saved ? undefined : copied,
        raised,
        approvals,
      );
    },
  };
}

/** What the project is now, as a week's entry records it; the entry itself is the report, so no 报送 light. */
export function snapshotOf(
  project: Pick<ProjectRow, 'stage' | 'yearCompletedYuan' | 'totalInvestmentYuan'>,
  lit: Pick<ProjectLights, 'lights'>,
): DispatchSnapshot {
  const lights = lit.lights.filter((l) => l.kind !== 'reporting');
  const light = lights.some((l) => l.level === 'red') ? 'red' : lights.length ? 'yellow' : 'green';
  return {
    stage: project.stage,
    light,
    lightReasons: lights.map((l) => l.reason),
    yearCompletedYuan: project.yearCompletedYuan,
    totalInvestmentYuan: project.totalInvestmentYuan,
  };
}

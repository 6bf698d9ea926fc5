import type { Db } from '../connection';
import { DISPATCH_FIELDS, type DispatchEntry, type DispatchSnapshot, type DispatchTexts } from '../model/dispatch';
import type { LightLevel } from '../model/lights';
import type { Stage } from '../model/stages';
import { all, get, run, sql, sqlFragment } from '../sql';
import { writeAudit, type AuditChange } from './audit';
import { onlyProjects, type OnlyProjects } from './only-projects';
import type { WriteMeta } from './projects-write';

interface RawEntry extends DispatchTexts {
  id: number;
  projectId: number;
  week: string;
  confirmed: number;
  snapshotStage: Stage;
  snapshotLight: LightLevel;
  snapshotReasons: string;
  snapshotYearCompletedYuan: number;
  snapshotTotalInvestmentYuan: number;
  updatedAt: string;
  updatedBy: string;
}

const SELECT_ENTRY = sqlFragment`
  SELECT e.id, e.project_id AS projectId, e.week, e.progress, e.problems, e.coordination, e.next_plan AS nextPlan,
         e.confirmed, e.snapshot_stage AS snapshotStage, e.snapshot_light AS snapshotLight,
         e.snapshot_reasons AS snapshotReasons, e.snapshot_year_completed_yuan AS snapshotYearCompletedYuan,
         e.snapshot_total_investment_yuan AS snapshotTotalInvestmentYuan, e.updated_at AS updatedAt,
         e.updated_by AS updatedBy
  FROM dispatch_entries e`;

function toEntry(raw: RawEntry): DispatchEntry {
  return {
    id: raw.id,
    projectId: raw.projectId,
    week: raw.week,
    progress: raw.progress,
    problems: raw.problems,
    coordination: raw.coordination,
    nextPlan: raw.nextPlan,
    confirmed: raw.confirmed === 1,
    snapshot: {
      stage: raw.snapshotStage,
      light: raw.snapshotLight,
      lightReasons: JSON.parse(raw.snapshotReasons) as string[],
      yearCompletedYuan: raw.snapshotYearCompletedYuan,
      totalInvestmentYuan: raw.snapshotTotalInvestmentYuan,
    },
    updatedAt: raw.updatedAt,
    updatedBy: raw.updatedBy,
  };
}

export function entriesOfWeek(db: Db, week: string): Map<number, DispatchEntry> {
  const rows = all<RawEntry>(db, sql`${SELECT_ENTRY} WHERE e.week = ${week}`);
  return new Map(rows.map((r) => [r.projectId, toEntry(r)]));
}

export function entryOf(db: Db, projectId: number, week: string): DispatchEntry | undefined {
  const raw = get<RawEntry>(db, sql`${SELECT_ENTRY} WHERE e.project_id = ${projectId} AND e.week = ${week}`);
  return raw && toEntry(raw);
}

/**
 * Each project's latest entry in [from, before): the text a new week starts from. One step back from `before`
 * in each project's (project_id, week) index, rather than grouping every entry of the weeks in between.
 */
export function latestEntriesBetween(db: Db, from: string, before: string): Map<number, DispatchEntry> {
  const rows = all<RawEntry>(
    db,
    sql`${SELECT_ENTRY}
        WHERE e.id IN (SELECT (SELECT d.id FROM dispatch_entries d
                               WHERE d.project_id = p.id AND d.week >= ${from} AND d.week < ${before}
                               ORDER BY d.week DESC LIMIT 1)
                       FROM projects p)`,
  );
  return new Map(rows.map((r) => [r.projectId, toEntry(r)]));
}

/** One project's latest entry in [from, before). */
export function latestEntryBetween(db: Db, projectId: number, from: string, before: string): DispatchEntry | undefined {
  const raw = get<RawEntry>(
    db,
    sql`${SELECT_ENTRY} WHERE e.project_id = ${projectId} AND e.week >= ${from} AND e.week < ${before}
        ORDER BY e.week DESC LIMIT 1`,
  );
  return raw && toEntry(raw);
}

/** Whether the office keeps weekly dispatch at all: any entry since the given week. */
export function dispatchInUseSince(db: Db, week: string): boolean {
  return get(db, sql`SELECT 1 FROM dispatch_entries WHERE week >= ${week} LIMIT 1`) !== undefined;
}

/** Projects with a confirmed entry in the week: the ones that have reported. */
export function reportedProjectIds(db: Db, week: string, only?: OnlyProjects): Set<number> {
  const rows = all<{ projectId: number }>(
    db,
    sql`SELECT project_id AS projectId FROM dispatch_entries
        WHERE week = ${week} AND confirmed = 1 ${onlyProjects('project_id', only)}`,
  );
  return new Set(rows.map((r) => r.projectId));
}

/**
 * Writes a project's entry of one week (insert or update) with the project's snapshot, and one audit row
 * per changed text, so when two windows save the same cell the later wins and the earlier stays in history.
 */
export function saveEntry(
  db: Db,
  projectId: number,
  week: string,
  texts: DispatchTexts,
  snapshot: DispatchSnapshot,
  meta: WriteMeta,
  /** what the clerk saw before this save when the week had no entry yet: last week's text, copied forward */
  copied: DispatchTexts | null = null,
): void {
  const before = entryOf(db, projectId, week);
  const basis = before ?? copied;
  const reasons = JSON.stringify(snapshot.lightReasons);
  if (before) {
    run(
      db,
      sql`UPDATE dispatch_entries SET progress = ${texts.progress}, problems = ${texts.problems},
                 coordination = ${texts.coordination}, next_plan = ${texts.nextPlan}, confirmed = 1,
                 snapshot_stage = ${snapshot.stage}, snapshot_light = ${snapshot.light},
                 snapshot_reasons = ${reasons}, snapshot_year_completed_yuan = ${snapshot.yearCompletedYuan},
                 snapshot_total_investment_yuan = ${snapshot.totalInvestmentYuan},
                 updated_at = ${meta.now}, updated_by = ${meta.operator}
          WHERE id = ${before.id}`,
    );
  } else {
    run(
      db,
      sql`INSERT INTO dispatch_entries (project_id, week, progress, problems, coordination, next_plan, confirmed,
                                        snapshot_stage, snapshot_light, snapshot_reasons,
                                        snapshot_year_completed_yuan, snapshot_total_investment_yuan,
                                        updated_at, updated_by)
          VALUES (${projectId}, ${week}, ${texts.progress}, ${texts.problems}, ${texts.coordination},
                  ${texts.nextPlan}, 1, ${snapshot.stage}, ${snapshot.light}, ${reasons},
                  ${snapshot.yearCompletedYuan}, ${snapshot.totalInvestmentYuan}, ${meta.now}, ${meta.operator})`,
    );
  }
  const changes: AuditChange[] = DISPATCH_FIELDS.filter((f) => (basis?.[f] ?? '') !== texts[f]).map((f) => ({
    field: `dispatch:${week}:${f}`,
    oldValue: basis?.[f] || null,
    newValue: texts[f] || null,
  }));
  if (!before && !changes.length) {
    changes.push({ field: `dispatch:${week}:confirmed`, oldValue: null, newValue: '确认沿用上周内容' });
  }
  // every save is its own row, autosaves while the clerk types included: each text the server acknowledged
  // stays readable in the history, old → new, even one that a later save cut back or replaced
  if (changes.length) {
    writeAudit(
      db,
      { operator: meta.operator, entity: 'project', entityId: projectId, action: 'update', changes },
      meta.now,
    );
  }
}

/**
 * For each project, how many of `weeks` (consecutive ISO weeks, newest first) its snapshots show red without a
 * break: read newest first through the (project_id, week) index, and only as far as each run goes, so five
 * years of history cost what the runs are long.
 */
export function redSnapshotRuns(db: Db, projectIds: readonly number[], weeks: readonly string[]): Map<number, number> {
  const runs = new Map<number, number>();
  if (!weeks.length) return runs;
  const newestFirst = db
    .prepare(
      `SELECT week, snapshot_light FROM dispatch_entries
       WHERE project_id = ? AND week >= ? AND week <= ? ORDER BY week DESC`,
    )
    .raw();
  for (const id of projectIds) {
    let run = 0;
    for (const [week, light] of newestFirst.iterate(id, weeks[weeks.length - 1], weeks[0]) as Iterable<
      [string, LightLevel]
    >) {
      if (week !== weeks[run] || light !== 'red') break;
      run += 1;
    }
    runs.set(id, run);
  }
  return runs;
}

/**
 * Puts an imported ledger's 存在问题 into a week's entry: an existing entry gets the new text, a week without
 * one gets an unconfirmed draft (the week is not thereby reported), so the dispatch grid starts from it.
 */
export function saveImportedProblems(
  db: Db,
  projectId: number,
  week: string,
  problems: string,
  snapshot: DispatchSnapshot,
  meta: WriteMeta,
): boolean {
  const before = entryOf(db, projectId, week);
  if (before?.problems === problems) return false;
  if (before) {
    run(
      db,
      sql`UPDATE dispatch_entries SET problems = ${problems}, updated_at = ${meta.now}, updated_by = ${meta.operator}
          WHERE id = ${before.id}`,
    );
  } else {
    run(
      db,
      sql`INSERT INTO dispatch_entries (project_id, week, problems, confirmed, snapshot_stage, snapshot_light,
                                        snapshot_reasons, snapshot_year_completed_yuan,
                                        snapshot_total_investment_yuan, updated_at, updated_by)
          VALUES (${projectId}, ${week}, ${problems}, 0, ${snapshot.stage}, ${snapshot.light},
                  ${JSON.stringify(snapshot.lightReasons)}, ${snapshot.yearCompletedYuan},
                  ${snapshot.totalInvestmentYuan}, ${meta.now}, ${meta.operator})`,
    );
  }
  writeAudit(
    db,
    {
      operator: meta.operator,
      entity: 'project',
      entityId: projectId,
      action: 'update',
      changes: [{ field: `dispatch:${week}:problems`, oldValue: before?.problems || null, newValue: problems }],
    },
    meta.now,
  );
  return true;
}

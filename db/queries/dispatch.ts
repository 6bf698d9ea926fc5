import { auditMs } from '../audit-format';
import { AuditStore } from '../audit-store';
import type { Store } from '../store/store';
import {
  LIGHT_CODES,
  LIGHTS_BY_CODE,
  NO_REASONS,
  STAGE_CODES,
  STAGES_BY_CODE,
  weekCode,
  weekKeyOf,
} from '../dispatch-format';
import { DISPATCH_FIELDS, type DispatchEntry, type DispatchSnapshot, type DispatchTexts } from '../model/dispatch';
import { sql, sqlFragment, type SqlValue } from '../sql';
import { writeAudit, type AuditChange } from './audit';
import { idsOfJson } from '../dialect';
import { onlyProjects, type OnlyProjects } from './only-projects';
import type { WriteMeta } from './projects-write';

// Entries are stored compactly (migration 0090, db/dispatch-format.ts): texts and the reasons' JSON are ids into
// audit_texts (NULL for '' and '[]'), the operator an id into audit_names, the week year × 100 + week, stage
// and light codes, the time ms since 1970.

// read as arrays: a week is thousands of entries, and building a row object for each before its entry is most of
// what reading them costs
type RawEntry = [
  id: number,
  projectId: number,
  week: number,
  progress: string | null,
  problems: string | null,
  coordination: string | null,
  nextPlan: string | null,
  confirmed: number,
  stage: number,
  light: number,
  reasons: string | null,
  yearCompletedYuan: number,
  totalInvestmentYuan: number,
  updatedAt: number,
  updatedBy: string,
  version: number,
];

const SELECT_ENTRY = sqlFragment`
  SELECT e.id, e.project_id, e.week, t_progress.text, t_problems.text, t_coordination.text, t_next_plan.text,
         e.confirmed, e.stage, e.light, t_reasons.text, e.year_completed_yuan, e.total_investment_yuan,
         e.updated_at, u.name, e.version
  FROM dispatch_rows e
  JOIN audit_names u ON u.id = e.updated_by
  LEFT JOIN audit_texts t_progress ON t_progress.id = e.progress_text
  LEFT JOIN audit_texts t_problems ON t_problems.id = e.problems_text
  LEFT JOIN audit_texts t_coordination ON t_coordination.id = e.coordination_text
  LEFT JOIN audit_texts t_next_plan ON t_next_plan.id = e.next_plan_text
  LEFT JOIN audit_texts t_reasons ON t_reasons.id = e.reasons_text`;

function toEntry(raw: RawEntry): DispatchEntry {
  return {
    id: raw[0],
    projectId: raw[1],
    week: weekKeyOf(raw[2]),
    progress: raw[3] ?? '',
    problems: raw[4] ?? '',
    coordination: raw[5] ?? '',
    nextPlan: raw[6] ?? '',
    confirmed: raw[7] === 1,
    snapshot: {
      stage: STAGES_BY_CODE[raw[8]],
      light: LIGHTS_BY_CODE[raw[9]],
      lightReasons: JSON.parse(raw[10] ?? NO_REASONS) as string[],
      yearCompletedYuan: raw[11],
      totalInvestmentYuan: raw[12],
    },
    updatedAt: new Date(raw[13]).toISOString(),
    updatedBy: raw[14],
    version: raw[15],
  };
}

/** Entries by their project. */
const byProject = (rows: RawEntry[]) => new Map(rows.map((r) => [r[1], toEntry(r)]));

/** A snapshot as stored: stage and light codes, the reasons' JSON as a text id (NULL when none). */
async function storedSnapshot(audit: AuditStore, snapshot: DispatchSnapshot) {
  const reasons = JSON.stringify(snapshot.lightReasons);
  return {
    stage: STAGE_CODES[snapshot.stage],
    light: LIGHT_CODES[snapshot.light],
    reasons: reasons === NO_REASONS ? null : await audit.textId(reasons),
  };
}

/** Who saved and when, as stored: ms since 1970 and the operator's id in audit_names. */
const storedStamp = async (audit: AuditStore, meta: WriteMeta) => ({
  at: auditMs(meta.now),
  by: await audit.nameId(meta.operator),
});

/** A text as stored: its id in audit_texts, or NULL when empty. */
const storedText = async (audit: AuditStore, text: string): Promise<SqlValue> =>
  text === '' ? null : audit.textId(text);

export async function entriesOfWeek(
  store: Store,
  week: string,
  only?: OnlyProjects,
): Promise<Map<number, DispatchEntry>> {
  return byProject(
    await store.allRaw<RawEntry>(
      sql`${SELECT_ENTRY} WHERE e.week = ${weekCode(week)} ${onlyProjects(store.dialect, 'e.project_id', only)}`,
    ),
  );
}

export async function entryOf(store: Store, projectId: number, week: string): Promise<DispatchEntry | undefined> {
  const raw = await store.getRaw<RawEntry>(
    sql`${SELECT_ENTRY} WHERE e.project_id = ${projectId} AND e.week = ${weekCode(week)}`,
  );
  return raw && toEntry(raw);
}

/**
 * Each project's latest entry in weeks [first, end), of every project (or `only` some) or only those without an
 * entry in week `missing`. One step back from `end` in each project's (project_id, week) index, rather than
 * grouping every entry of the weeks in between.
 */
async function latestEntries(
  store: Store,
  first: number,
  end: number,
  missing?: number,
  only?: OnlyProjects,
): Promise<Map<number, DispatchEntry>> {
  const without =
    missing === undefined
      ? sqlFragment``
      : sqlFragment`AND NOT EXISTS (SELECT 1 FROM dispatch_rows w WHERE w.project_id = p.id AND w.week = ${missing})`;
  // MATERIALIZED: the ids are found first, then each entry by its key. Left to itself PostgreSQL joins an id it
  // has to compute (a subquery's) by hashing every entry of every week instead (50 ms against 20 for a week of
  // 4,000 copies); SQLite reads it the same either way.
  const rows = await store.allRaw<RawEntry>(sql`WITH latest AS MATERIALIZED (
          SELECT (SELECT d.id FROM dispatch_rows d
                  WHERE d.project_id = p.id AND d.week >= ${first} AND d.week < ${end}
                  ORDER BY d.week DESC LIMIT 1) AS id
          FROM projects p WHERE TRUE ${onlyProjects(store.dialect, 'p.id', only)} ${without})
        ${SELECT_ENTRY}
        WHERE e.id IN (SELECT id FROM latest)`);
  return byProject(rows);
}

/** Each project's latest entry in [from, before): the text a new week starts from. */
export async function latestEntriesBetween(
  store: Store,
  from: string,
  before: string,
): Promise<Map<number, DispatchEntry>> {
  return await latestEntries(store, weekCode(from), weekCode(before));
}

/**
 * What a week's rows copy forward: the latest entry in [from, week) of each project without an entry in `week`
 * (the others show their own), so a week most projects have reported costs little more than its own entries.
 */
export async function copiesForWeek(
  store: Store,
  from: string,
  week: string,
  only?: OnlyProjects,
): Promise<Map<number, DispatchEntry>> {
  const end = weekCode(week);
  return await latestEntries(store, weekCode(from), end, end, only);
}

/** The latest entry in [from, before) of each of `only`: what their week started from. */
export async function latestEntriesBefore(
  store: Store,
  from: string,
  before: string,
  only: readonly number[],
): Promise<Map<number, DispatchEntry>> {
  return await latestEntries(store, weekCode(from), weekCode(before), undefined, only);
}

/**
 * The first `count` projects of a week's rows, in their order (by 项目编号): every project still under way, and a
 * completed one only with an entry that week, as the week's rows take them.
 */
export async function firstWeekProjectIds(store: Store, week: string, count: number): Promise<number[]> {
  return (
    await store.all<{ id: number }>(
      sql`SELECT p.id FROM projects p
        WHERE p.stage <> 'completed'
           OR EXISTS (SELECT 1 FROM dispatch_rows d WHERE d.project_id = p.id AND d.week = ${weekCode(week)})
        ORDER BY p.code LIMIT ${count}`,
    )
  ).map((r) => r.id);
}

/** One project's latest entry in [from, before). */
export async function latestEntryBetween(
  store: Store,
  projectId: number,
  from: string,
  before: string,
): Promise<DispatchEntry | undefined> {
  const raw = await store.getRaw<RawEntry>(sql`${SELECT_ENTRY}
        WHERE e.project_id = ${projectId} AND e.week >= ${weekCode(from)} AND e.week < ${weekCode(before)}
        ORDER BY e.week DESC LIMIT 1`);
  return raw && toEntry(raw);
}

/** Whether the office keeps weekly dispatch at all: any entry since the given week. */
export async function dispatchInUseSince(store: Store, week: string): Promise<boolean> {
  return (await store.get(sql`SELECT 1 FROM dispatch_rows WHERE week >= ${weekCode(week)} LIMIT 1`)) !== undefined;
}

/** Projects with a confirmed entry in the week: the ones that have reported. */
export async function reportedProjectIds(store: Store, week: string, only?: OnlyProjects): Promise<Set<number>> {
  // For a list of projects (a search's matches) the week is read whole by its index (+ keeps SQLite off the
  // (project, week) one): a week's entries lie together, where a seek per project reads a page of the big
  // (project, week) index and of the table for each (on the five-year office: 0.5 ms against 0.7, cold 0.7 / 1.3).
  const narrowing = Array.isArray(only)
    ? sqlFragment`AND +project_id IN (${idsOfJson(store.dialect, only as readonly number[])})`
    : onlyProjects(store.dialect, 'project_id', only);
  const rows = await store.allRaw<[number]>(
    sql`SELECT project_id FROM dispatch_rows WHERE week = ${weekCode(week)} AND confirmed = 1 ${narrowing}`,
  );
  return new Set(rows.map((r) => r[0]));
}

/**
 * Writes a project's entry of one week (insert or update) with the project's snapshot, and one audit row
 * per changed text, so when two windows save the same cell the later wins and the earlier stays in history.
 */
export async function saveEntry(
  store: Store,
  projectId: number,
  week: string,
  texts: DispatchTexts,
  snapshot: DispatchSnapshot,
  meta: WriteMeta,
  /** what the clerk saw before this save when the week had no entry yet: last week's text, copied forward */
  copied: DispatchTexts | null = null,
): Promise<void> {
  const before = await entryOf(store, projectId, week);
  const basis = before ?? copied;
  const audit = new AuditStore(store);
  const stored = { ...(await storedSnapshot(audit, snapshot)), ...(await storedStamp(audit, meta)) };
  const storedTexts: SqlValue[] = [];
  for (const field of DISPATCH_FIELDS) storedTexts.push(await storedText(audit, texts[field]));
  const [progress, problems, coordination, nextPlan] = storedTexts;
  if (before) {
    await store.run(sql`UPDATE dispatch_rows SET progress_text = ${progress}, problems_text = ${problems},
                 coordination_text = ${coordination}, next_plan_text = ${nextPlan}, confirmed = 1,
                 stage = ${stored.stage}, light = ${stored.light}, reasons_text = ${stored.reasons},
                 year_completed_yuan = ${snapshot.yearCompletedYuan},
                 total_investment_yuan = ${snapshot.totalInvestmentYuan},
                 updated_at = ${stored.at}, updated_by = ${stored.by}, version = version + 1
          WHERE id = ${before.id}`);
  } else {
    await store.run(sql`INSERT INTO dispatch_rows (project_id, week, progress_text, problems_text, coordination_text,
                                     next_plan_text, confirmed, stage, light, reasons_text, year_completed_yuan,
                                     total_investment_yuan, updated_at, updated_by)
          VALUES (${projectId}, ${weekCode(week)}, ${progress}, ${problems}, ${coordination}, ${nextPlan}, 1,
                  ${stored.stage}, ${stored.light}, ${stored.reasons}, ${snapshot.yearCompletedYuan},
                  ${snapshot.totalInvestmentYuan}, ${stored.at}, ${stored.by})`);
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
    await writeAudit(
      store,
      { operator: meta.operator, entity: 'project', entityId: projectId, action: 'update', changes },
      meta.now,
    );
  }
}

/**
 * For each project, how many of `weeks` (consecutive ISO weeks, newest first) its snapshots show red without a
 * break: one read per week, newest first, each asking only about the projects still red, so the reads stop
 * where the longest run does and five years of history cost what the runs are long.
 */
export async function redSnapshotRuns(
  store: Store,
  projectIds: readonly number[],
  weeks: readonly string[],
): Promise<Map<number, number>> {
  const runs = new Map(projectIds.map((id) => [id, 0]));
  let stillRed: readonly number[] = projectIds;
  for (const [index, week] of weeks.entries()) {
    if (!stillRed.length) break;
    const red = await store.allRaw<[projectId: number]>(
      sql`SELECT project_id FROM dispatch_rows
          WHERE week = ${weekCode(week)} AND light = ${LIGHT_CODES.red}
          ${onlyProjects(store.dialect, 'project_id', stillRed)}`,
    );
    stillRed = red.map(([id]) => id);
    for (const id of stillRed) runs.set(id, index + 1);
  }
  return runs;
}

/**
 * Puts an imported ledger's 存在问题 into a week's entry: an existing entry gets the new text, a week without
 * one gets an unconfirmed draft (the week is not thereby reported), so the dispatch grid starts from it.
 */
export async function saveImportedProblems(
  store: Store,
  projectId: number,
  week: string,
  problems: string,
  snapshot: DispatchSnapshot,
  meta: WriteMeta,
): Promise<boolean> {
  const before = await entryOf(store, projectId, week);
  if (before?.problems === problems) return false;
  const audit = new AuditStore(store);
  const text = await storedText(audit, problems);
  const stamp = await storedStamp(audit, meta);
  if (before) {
    await store.run(sql`UPDATE dispatch_rows SET problems_text = ${text}, updated_at = ${stamp.at}, updated_by = ${stamp.by},
                 version = version + 1
          WHERE id = ${before.id}`);
  } else {
    const stored = await storedSnapshot(audit, snapshot);
    await store.run(sql`INSERT INTO dispatch_rows (project_id, week, problems_text, confirmed, stage, light, reasons_text,
                                     year_completed_yuan, total_investment_yuan, updated_at, updated_by)
          VALUES (${projectId}, ${weekCode(week)}, ${text}, 0, ${stored.stage}, ${stored.light}, ${stored.reasons},
                  ${snapshot.yearCompletedYuan}, ${snapshot.totalInvestmentYuan}, ${stamp.at}, ${stamp.by})`);
  }
  await writeAudit(
    store,
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

import type { Store } from '../store/store';
import type { Problem, ProblemCategory, ProblemNote, ProblemNoteKind, ProblemStatus } from '../model/problems';
import { sql, sqlFragment, type SqlFragment } from '../sql';
import { idsOfJson } from '../dialect';
import { writeAudit } from './audit';
import { onlyProjects, type OnlyProjects } from './only-projects';
import { unitAnswers } from './unit-scope';
import type { WriteMeta } from './projects-write';

type StoredProblem = Omit<
  Problem,
  'daysOpen' | 'daysOverdue' | 'notes' | 'responsibleUnitIds' | 'responsibleUnitNames'
>;

// read as arrays and built here: the problem ledger is thousands of rows of twenty fields
const SELECT_PROBLEMS = sqlFragment`
  SELECT q.id, q.code, q.project_id, p.code, p.name, c.name, COALESCE(NULLIF(p.chain_lead_override, ''), c.chain_lead),
         q.source_week, q.source, q.description, q.category, q.lead_unit_id, lu.name, q.responsible_person,
         q.raised_on, q.assigned_on, q.deadline, q.status, q.resolution, q.resolved_on, q.version
  FROM problems q
  JOIN projects p ON p.id = q.project_id
  JOIN chains c ON c.id = p.chain_id
  LEFT JOIN units lu ON lu.id = q.lead_unit_id`;

type RawProblem = [
  id: number,
  code: string,
  projectId: number,
  projectCode: string,
  projectName: string,
  chainName: string,
  chainLead: string,
  sourceWeek: string | null,
  source: string,
  description: string,
  category: ProblemCategory,
  leadUnitId: number | null,
  leadUnitName: string | null,
  responsiblePerson: string,
  raisedOn: string,
  assignedOn: string | null,
  deadline: string | null,
  status: ProblemStatus,
  resolution: string,
  resolvedOn: string | null,
  version: number,
];

export type StoredProblemWithUnits = StoredProblem & { responsibleUnitIds: number[]; responsibleUnitNames: string[] };

/** 责任单位 of every problem (or of one), in their order. */
async function unitsByProblem(
  store: Store,
  problemId?: number,
): Promise<Map<number, { ids: number[]; names: string[] }>> {
  const only = problemId === undefined ? sqlFragment`` : sqlFragment`WHERE pu.problem_id = ${problemId}`;
  const rows = await store.allRaw<
    [problemId: number, unitId: number, name: string]
  >(sql`SELECT pu.problem_id, pu.unit_id, u.name
        FROM problem_units pu JOIN units u ON u.id = pu.unit_id ${only} ORDER BY pu.problem_id, pu.position, pu.unit_id`);
  const byProblem = new Map<number, { ids: number[]; names: string[] }>();
  for (const [id, unitId, name] of rows) {
    const entry = byProblem.get(id);
    if (entry) {
      entry.ids.push(unitId);
      entry.names.push(name);
    } else byProblem.set(id, { ids: [unitId], names: [name] });
  }
  return byProblem;
}

async function readProblems(store: Store, where: SqlFragment, problemId?: number): Promise<StoredProblemWithUnits[]> {
  const raws = await store.allRaw<RawProblem>(sql`${SELECT_PROBLEMS} ${where}`);
  if (raws.length === 0) return [];
  const units = await unitsByProblem(store, problemId);
  return raws.map((r) => {
    const own = units.get(r[0]);
    return {
      id: r[0],
      code: r[1],
      projectId: r[2],
      projectCode: r[3],
      projectName: r[4],
      chainName: r[5],
      chainLead: r[6],
      sourceWeek: r[7],
      source: r[8],
      description: r[9],
      category: r[10],
      leadUnitId: r[11],
      leadUnitName: r[12],
      responsiblePerson: r[13],
      raisedOn: r[14],
      assignedOn: r[15],
      deadline: r[16],
      status: r[17],
      resolution: r[18],
      resolvedOn: r[19],
      version: r[20],
      responsibleUnitIds: own?.ids ?? [],
      responsibleUnitNames: own?.names ?? [],
    };
  });
}

export async function listStoredProblems(store: Store, projectId?: number): Promise<StoredProblemWithUnits[]> {
  const where = projectId === undefined ? sqlFragment`` : sqlFragment`WHERE q.project_id = ${projectId}`;
  return await readProblems(store, sqlFragment`${where} ORDER BY q.code`);
}

export async function getStoredProblem(store: Store, id: number): Promise<StoredProblemWithUnits | undefined> {
  return (await readProblems(store, sqlFragment`WHERE q.id = ${id}`, id))[0];
}

/** The problems a unit answers that are not yet struck off (销号), by deadline (none last), then number. */
export async function openProblemsOfUnit(store: Store, unitId: number): Promise<StoredProblemWithUnits[]> {
  return await readProblems(
    store,
    sqlFragment`WHERE q.status <> 'closed' AND ${unitAnswers(unitId)}
      ORDER BY CASE WHEN q.deadline IS NULL THEN 1 ELSE 0 END, q.deadline, q.code`,
  );
}

/** Each problem's latest `count` notes, oldest first, and how many it has in all. */
export async function latestNotesOf(
  store: Store,
  problemIds: readonly number[],
  count: number,
): Promise<Map<number, { notes: ProblemNote[]; total: number }>> {
  const byProblem = new Map<number, { notes: ProblemNote[]; total: number }>();
  if (!problemIds.length) return byProblem;
  const rows = await store.all<ProblemNote & { problemId: number }>(
    sql`SELECT problem_id AS "problemId", id, noted_on AS "notedOn", kind, text, operator FROM problem_notes
        WHERE problem_id IN (${idsOfJson(store.dialect, problemIds)}) ORDER BY problem_id, noted_on, id`,
  );
  for (const { problemId, ...note } of rows) {
    const entry = byProblem.get(problemId) ?? { notes: [], total: 0 };
    entry.notes.push(note);
    if (entry.notes.length > count) entry.notes.shift();
    entry.total += 1;
    byProblem.set(problemId, entry);
  }
  return byProblem;
}

export async function notesOf(store: Store, problemId: number): Promise<ProblemNote[]> {
  return await store.all(sql`SELECT id, noted_on AS "notedOn", kind, text, operator FROM problem_notes
        WHERE problem_id = ${problemId} ORDER BY noted_on, id`);
}

export async function nextProblemSequence(store: Store, year: number): Promise<number> {
  const prefix = `WT-${year}-`;
  const row = await store.get<{ code: string | null }>( // a range on the code index rather than LIKE, which SQLite's default collation cannot seek with
    sql`SELECT MAX(code) AS code FROM problems WHERE code >= ${prefix} AND code < ${`WT-${year}.`}`,
  );
  return row?.code ? Number(row.code.slice(prefix.length)) + 1 : 1;
}

export interface ProblemValues {
  projectId: number;
  sourceWeek: string | null;
  source: string;
  description: string;
  category: ProblemCategory;
  leadUnitId: number | null;
  responsibleUnitIds: number[];
  responsiblePerson: string;
  raisedOn: string;
  assignedOn: string | null;
  deadline: string | null;
  status: ProblemStatus;
  resolution: string;
  resolvedOn: string | null;
}

async function replaceUnits(store: Store, problemId: number, unitIds: readonly number[]): Promise<void> {
  await store.run(sql`DELETE FROM problem_units WHERE problem_id = ${problemId}`);
  for (const [position, unitId] of unitIds.entries()) {
    await store.run(
      sql`INSERT INTO problem_units (problem_id, unit_id, position) VALUES (${problemId}, ${unitId}, ${position})`,
    );
  }
}

/** A problem's step as a line in its project's change history, so the project page tells the whole story. */
export async function writeProblemHistory(
  store: Store,
  problem: { projectId: number; code: string },
  oldValue: string | null,
  newValue: string,
  meta: WriteMeta,
): Promise<void> {
  await writeAudit(
    store,
    {
      operator: meta.operator,
      entity: 'project',
      entityId: problem.projectId,
      action: 'update',
      changes: [{ field: `problem:${problem.code}`, oldValue, newValue }],
    },
    meta.now,
  );
}

/** Registers a problem (登记), with its line in the project's history. */
export async function insertProblem(store: Store, code: string, v: ProblemValues, meta: WriteMeta): Promise<number> {
  const now = meta.now;
  const id =
    await store.insert(sql`INSERT INTO problems (code, project_id, source_week, source, description, category, lead_unit_id,
                              responsible_person, raised_on, assigned_on, deadline, status, resolution, resolved_on,
                              created_at, updated_at)
        VALUES (${code}, ${v.projectId}, ${v.sourceWeek}, ${v.source}, ${v.description}, ${v.category},
                ${v.leadUnitId}, ${v.responsiblePerson}, ${v.raisedOn}, ${v.assignedOn}, ${v.deadline}, ${v.status},
                ${v.resolution}, ${v.resolvedOn}, ${now}, ${now})`);
  await replaceUnits(store, id, v.responsibleUnitIds);
  await writeProblemHistory(store, { projectId: v.projectId, code }, null, `登记问题：${v.description}`, meta);
  return id;
}

/** Writes a problem's new values and the step's line in the project's history (`history`: old → new, in words). */
export async function updateProblem(
  store: Store,
  problem: { id: number; code: string },
  v: ProblemValues,
  history: { oldValue: string | null; newValue: string },
  meta: WriteMeta,
): Promise<void> {
  const { id } = problem;
  const now = meta.now;
  await store.run(sql`UPDATE problems SET project_id = ${v.projectId}, source_week = ${v.sourceWeek}, source = ${v.source},
               description = ${v.description}, category = ${v.category}, lead_unit_id = ${v.leadUnitId},
               responsible_person = ${v.responsiblePerson}, raised_on = ${v.raisedOn}, assigned_on = ${v.assignedOn},
               deadline = ${v.deadline}, status = ${v.status}, resolution = ${v.resolution},
               resolved_on = ${v.resolvedOn}, updated_at = ${now}, version = version + 1
        WHERE id = ${id}`);
  await replaceUnits(store, id, v.responsibleUnitIds);
  await writeProblemHistory(
    store,
    { projectId: v.projectId, code: problem.code },
    history.oldValue,
    history.newValue,
    meta,
  );
}

export async function insertNote(
  store: Store,
  problemId: number,
  note: { notedOn: string; kind: ProblemNoteKind; text: string },
  operator: string,
  now: string,
): Promise<void> {
  await store.run(sql`INSERT INTO problem_notes (problem_id, noted_on, kind, text, operator, created_at)
        VALUES (${problemId}, ${note.notedOn}, ${note.kind}, ${note.text}, ${operator}, ${now})`);
}

/** Every project's open problems that have a deadline up to `until`, for the lights. */
export async function openProblemsByProject(
  store: Store,
  until: string,
  only?: OnlyProjects,
): Promise<Map<number, { code: string; deadline: string }[]>> {
  const rows = await store.all<{
    projectId: number;
    code: string;
    deadline: string;
  }>(sql`SELECT project_id AS "projectId", code, deadline FROM problems
        WHERE status <> 'closed' AND deadline IS NOT NULL AND deadline <= ${until} ${onlyProjects(store.dialect, 'project_id', only)}
        ORDER BY deadline, id`);
  const byProject = new Map<number, { code: string; deadline: string }[]>();
  for (const row of rows) {
    const list = byProject.get(row.projectId);
    if (list) list.push(row);
    else byProject.set(row.projectId, [row]);
  }
  return byProject;
}

/** The problems raised from one dispatch week, by project: what the entry grid shows as 已转问题. */
export async function problemsRaisedIn(
  store: Store,
  week: string,
  onlyProject?: number,
): Promise<Map<number, { id: number; code: string }[]>> {
  const one = onlyProject === undefined ? sqlFragment`` : sqlFragment`AND project_id = ${onlyProject}`;
  const rows = await store.all<{ projectId: number; id: number; code: string }>(
    sql`SELECT project_id AS "projectId", id, code FROM problems WHERE source_week = ${week} ${one} ORDER BY code`,
  );
  const byProject = new Map<number, { id: number; code: string }[]>();
  for (const { projectId, id, code } of rows) {
    const list = byProject.get(projectId);
    if (list) list.push({ id, code });
    else byProject.set(projectId, [{ id, code }]);
  }
  return byProject;
}

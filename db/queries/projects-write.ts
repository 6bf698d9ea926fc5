import type { Store } from '../store/store';
import { formatWan } from '../model/money';
import type { ProjectFields } from '../model/project';
import type { ReferenceKind } from '../model/reference';
import { projectChanges, type ProjectFieldChange } from '../model/project-changes';
import type { Stage } from '../model/stages';
import { sql, sqlFragment, sqlIdentifier, sqlJoin, type SqlValue } from '../sql';
import { writeAudit } from './audit';
import { replaceLevels } from './level-memberships';
import { completeStartNode } from './milestones';
import { COLUMN_FIELDS, COLUMNS, type ColumnField } from './project-columns';
import { referenceName } from './reference';

export interface WriteMeta {
  operator: string;
  now: string;
  isDemo?: boolean;
  /** the office's today (injectable): the date of a 调入/调出 the project form makes */
  today?: string;
  /** the reason such a 调入/调出 records when not the form's (an import names its file) */
  listReason?: string;
}

function toSqlValue(value: ProjectFields[ColumnField]): SqlValue {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

async function replaceUnits(store: Store, projectId: number, unitIds: number[]): Promise<void> {
  await store.run(sql`DELETE FROM project_units WHERE project_id = ${projectId}`);
  for (const [position, unitId] of unitIds.entries()) {
    await store.run(
      sql`INSERT INTO project_units (project_id, unit_id, position) VALUES (${projectId}, ${unitId}, ${position})`,
    );
  }
}

/**
 * The fields that differ, old → new as the history shows them: a first pass learns which chains, units and
 * parks the changed fields name, and only those are read.
 */
async function describedChanges(
  store: Store,
  before: ProjectFields,
  after: ProjectFields,
): Promise<ProjectFieldChange[]> {
  const wanted: [ReferenceKind, number][] = [];
  projectChanges(before, after, (kind, ref) => {
    wanted.push([kind, ref]);
    return undefined;
  });
  if (!wanted.length) return projectChanges(before, after, () => undefined);
  const names = new Map<string, string | undefined>();
  for (const [kind, ref] of wanted) {
    const key = `${kind}:${ref}`;
    if (!names.has(key)) names.set(key, await referenceName(store, kind, ref));
  }
  return projectChanges(before, after, (kind, ref) => names.get(`${kind}:${ref}`));
}

/** Inserts a validated project with its units and audit entry; the caller owns the transaction. */
export async function insertProject(store: Store, fields: ProjectFields, meta: WriteMeta): Promise<number> {
  const columns = sqlJoin(COLUMN_FIELDS.map((f) => sqlIdentifier(COLUMNS[f])));
  const values = sqlJoin(COLUMN_FIELDS.map((f) => toSqlValue(fields[f])));
  const id = await store.insert(sql`INSERT INTO projects (${columns}, is_demo, created_at, updated_at)
        VALUES (${values}, ${meta.isDemo ? 1 : 0}, ${meta.now}, ${meta.now})`);
  await replaceUnits(store, id, fields.responsibleUnitIds);
  // a new project's lists carry no date: it was on them before it was entered here (“建档时已列入”)
  if (fields.levelIds.length) await replaceLevels(store, id, fields.levelIds, null);
  await writeAudit(
    store,
    {
      operator: meta.operator,
      entity: 'project',
      entityId: id,
      action: 'create',
      changes: [{ field: null, oldValue: null, newValue: `${fields.code} ${fields.name}` }],
    },
    meta.now,
  );
  return id;
}

/** Writes the fields that differ and one audit row per changed field; returns those changes. */
export async function updateProject(
  store: Store,
  id: number,
  before: ProjectFields,
  after: ProjectFields,
  meta: WriteMeta,
): Promise<ProjectFieldChange[]> {
  const changes = await describedChanges(store, before, after);
  if (!changes.length) return [];
  const changedColumns = COLUMN_FIELDS.filter((f) => changes.some((c) => c.field === f));
  const unitsChanged = changes.some((c) => c.field === 'responsibleUnitIds');
  const assignments = changedColumns.map((f) => sqlFragment`${sqlIdentifier(COLUMNS[f])} = ${toSqlValue(after[f])}`);
  await store.run(
    sql`UPDATE projects SET ${sqlJoin([...assignments, sqlFragment`updated_at = ${meta.now}`, sqlFragment`version = version + 1`])}
        WHERE id = ${id}`,
  );
  if (unitsChanged) await replaceUnits(store, id, after.responsibleUnitIds);
  if (changes.some((c) => c.field === 'levelIds'))
    await replaceLevels(store, id, after.levelIds, meta.today ?? meta.now.slice(0, 10), meta.listReason);
  const started = after.actualStartDate && after.actualStartDate !== before.actualStartDate;
  const nodeChanges = started ? await completeStartNode(store, id, after.actualStartDate as string) : [];
  await writeAudit(
    store,
    {
      operator: meta.operator,
      entity: 'project',
      entityId: id,
      action: 'update',
      changes: [...changes, ...nodeChanges],
    },
    meta.now,
  );
  return changes;
}

export async function recordStageChange(
  store: Store,
  projectId: number,
  change: { fromStage: Stage | null; toStage: Stage; changedOn: string; reason: string },
  meta: WriteMeta,
): Promise<void> {
  await store.run(sql`INSERT INTO stage_changes (project_id, from_stage, to_stage, changed_on, operator, reason, created_at)
        VALUES (${projectId}, ${change.fromStage}, ${change.toStage}, ${change.changedOn}, ${meta.operator},
                ${change.reason}, ${meta.now})`);
}

/** Sets (or with null clears) one month's figure; returns the previous amount. */
/** The figure a month holds now with its row's version; a month never filled or cleared holds none. */
export async function monthlyFigureOf(
  store: Store,
  projectId: number,
  year: number,
  month: number,
): Promise<{ amountYuan: number | null; version: number }> {
  const row = await store.get<{ amountYuan: number; version: number }>(sql`SELECT amount_yuan AS "amountYuan", version
        FROM monthly_investments WHERE project_id = ${projectId} AND year = ${year} AND month = ${month}`);
  return row ?? { amountYuan: null, version: 0 };
}

export async function setMonthlyInvestment(
  store: Store,
  projectId: number,
  year: number,
  month: number,
  amountYuan: number | null,
  meta: WriteMeta,
): Promise<void> {
  const previous = await store.get<{ amount: number }>(sql`SELECT amount_yuan AS amount FROM monthly_investments
        WHERE project_id = ${projectId} AND year = ${year} AND month = ${month}`);
  if ((previous?.amount ?? null) === amountYuan) return;
  if (amountYuan === null) {
    await store.run(
      sql`DELETE FROM monthly_investments WHERE project_id = ${projectId} AND year = ${year} AND month = ${month}`,
    );
  } else {
    await store.run(sql`INSERT INTO monthly_investments (project_id, year, month, amount_yuan)
          VALUES (${projectId}, ${year}, ${month}, ${amountYuan})
          ON CONFLICT (project_id, year, month)
          DO UPDATE SET amount_yuan = excluded.amount_yuan, version = monthly_investments.version + 1`);
  }
  await store.run(sql`UPDATE projects SET updated_at = ${meta.now} WHERE id = ${projectId}`);
  const describe = (v: number | null | undefined) => (v === null || v === undefined ? null : `${formatWan(v)}万元`);
  await writeAudit(
    store,
    {
      operator: meta.operator,
      entity: 'project',
      entityId: projectId,
      action: 'update',
      changes: [
        { field: `monthly:${year}-${month}`, oldValue: describe(previous?.amount), newValue: describe(amountYuan) },
      ],
    },
    meta.now,
  );
}

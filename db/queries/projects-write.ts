import type { Db } from '../connection';
import { formatWan } from '../model/money';
import type { ProjectFields } from '../model/project';
import { projectChanges, type ProjectFieldChange } from '../model/project-changes';
import type { Stage } from '../model/stages';
import { get, run, sql, sqlFragment, sqlIdentifier, sqlJoin, type SqlValue } from '../sql';
import { writeAudit } from './audit';
import { completeStartNode } from './milestones';
import { COLUMN_FIELDS, COLUMNS, type ColumnField } from './project-columns';
import { referenceName } from './reference';

export interface WriteMeta {
  operator: string;
  now: string;
  isDemo?: boolean;
}

function toSqlValue(value: ProjectFields[ColumnField]): SqlValue {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

function replaceUnits(db: Db, projectId: number, unitIds: number[]): void {
  run(db, sql`DELETE FROM project_units WHERE project_id = ${projectId}`);
  unitIds.forEach((unitId, position) => {
    run(
      db,
      sql`INSERT INTO project_units (project_id, unit_id, position) VALUES (${projectId}, ${unitId}, ${position})`,
    );
  });
}

/** Inserts a validated project with its units and audit entry; the caller owns the transaction. */
export function insertProject(db: Db, fields: ProjectFields, meta: WriteMeta): number {
  const columns = sqlJoin(COLUMN_FIELDS.map((f) => sqlIdentifier(COLUMNS[f])));
  const values = sqlJoin(COLUMN_FIELDS.map((f) => toSqlValue(fields[f])));
  const id = run(
    db,
    sql`INSERT INTO projects (${columns}, is_demo, created_at, updated_at)
        VALUES (${values}, ${meta.isDemo ? 1 : 0}, ${meta.now}, ${meta.now})`,
  ).lastInsertRowid;
  replaceUnits(db, id, fields.responsibleUnitIds);
  writeAudit(
    db,
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
export function updateProject(
  db: Db,
  id: number,
  before: ProjectFields,
  after: ProjectFields,
  meta: WriteMeta,
): ProjectFieldChange[] {
  const changes = projectChanges(before, after, (kind, ref) => referenceName(db, kind, ref));
  if (!changes.length) return [];
  const changedColumns = COLUMN_FIELDS.filter((f) => changes.some((c) => c.field === f));
  const unitsChanged = changes.some((c) => c.field === 'responsibleUnitIds');
  const assignments = changedColumns.map((f) => sqlFragment`${sqlIdentifier(COLUMNS[f])} = ${toSqlValue(after[f])}`);
  run(
    db,
    sql`UPDATE projects SET ${sqlJoin([...assignments, sqlFragment`updated_at = ${meta.now}`])} WHERE id = ${id}`,
  );
  if (unitsChanged) replaceUnits(db, id, after.responsibleUnitIds);
  const started = after.actualStartDate && after.actualStartDate !== before.actualStartDate;
  const nodeChanges = started ? completeStartNode(db, id, after.actualStartDate as string) : [];
  writeAudit(
    db,
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

export function recordStageChange(
  db: Db,
  projectId: number,
  change: { fromStage: Stage | null; toStage: Stage; changedOn: string; reason: string },
  meta: WriteMeta,
): void {
  run(
    db,
    sql`INSERT INTO stage_changes (project_id, from_stage, to_stage, changed_on, operator, reason, created_at)
        VALUES (${projectId}, ${change.fromStage}, ${change.toStage}, ${change.changedOn}, ${meta.operator},
                ${change.reason}, ${meta.now})`,
  );
}

/** Sets (or with null clears) one month's figure; returns the previous amount. */
export function setMonthlyInvestment(
  db: Db,
  projectId: number,
  year: number,
  month: number,
  amountYuan: number | null,
  meta: WriteMeta,
): void {
  const previous = get<{ amount: number }>(
    db,
    sql`SELECT amount_yuan AS amount FROM monthly_investments
        WHERE project_id = ${projectId} AND year = ${year} AND month = ${month}`,
  );
  if ((previous?.amount ?? null) === amountYuan) return;
  if (amountYuan === null) {
    run(
      db,
      sql`DELETE FROM monthly_investments WHERE project_id = ${projectId} AND year = ${year} AND month = ${month}`,
    );
  } else {
    run(
      db,
      sql`INSERT INTO monthly_investments (project_id, year, month, amount_yuan)
          VALUES (${projectId}, ${year}, ${month}, ${amountYuan})
          ON CONFLICT (project_id, year, month) DO UPDATE SET amount_yuan = excluded.amount_yuan`,
    );
  }
  run(db, sql`UPDATE projects SET updated_at = ${meta.now} WHERE id = ${projectId}`);
  const describe = (v: number | null | undefined) => (v === null || v === undefined ? null : `${formatWan(v)}万元`);
  writeAudit(
    db,
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

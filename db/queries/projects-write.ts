import type { Db } from '../connection';
import { formatWan } from '../model/money';
import { CATEGORY_LABELS, NATURE_LABELS, type ProjectFields } from '../model/project';
import { STAGE_LABELS, type Stage } from '../model/stages';
import { get, run, sql, sqlFragment, sqlIdentifier, sqlJoin, type SqlValue } from '../sql';
import { writeAudit, type AuditChange } from './audit';
import { completeStartNode } from './milestones';
import { referenceName } from './reference';

export interface WriteMeta {
  operator: string;
  now: string;
  isDemo?: boolean;
}

const COLUMNS: Record<Exclude<keyof ProjectFields, 'responsibleUnitIds'>, string> = {
  code: 'code',
  name: 'name',
  category: 'category',
  isInvestmentPromotion: 'is_investment_promotion',
  chainId: 'chain_id',
  chainLeadOverride: 'chain_lead_override',
  leadUnitId: 'lead_unit_id',
  responsiblePerson: 'responsible_person',
  contactPerson: 'contact_person',
  contactPhone: 'contact_phone',
  owner: 'owner',
  location: 'location',
  parkId: 'park_id',
  content: 'content',
  nature: 'nature',
  startYear: 'start_year',
  endYear: 'end_year',
  plannedStartDate: 'planned_start_date',
  actualStartDate: 'actual_start_date',
  plannedCompletionDate: 'planned_completion_date',
  actualCompletionDate: 'actual_completion_date',
  signingDate: 'signing_date',
  totalInvestmentYuan: 'total_investment_yuan',
  investedBeforeYearYuan: 'invested_before_year_yuan',
  annualPlanYuan: 'annual_plan_yuan',
  stage: 'stage',
  progressText: 'progress_text',
  inStatistics: 'in_statistics',
  note: 'note',
};
type ColumnField = keyof typeof COLUMNS;
const COLUMN_FIELDS = Object.keys(COLUMNS) as ColumnField[];

function toSqlValue(value: ProjectFields[ColumnField]): SqlValue {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** What the clerk reads in the change history: names, 万元, 是/否, not ids and yuan. */
export function describeValue(db: Db, field: keyof ProjectFields, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (field) {
    case 'chainId':
      return referenceName(db, 'chain', value as number) ?? String(value);
    case 'leadUnitId':
      return referenceName(db, 'unit', value as number) ?? String(value);
    case 'parkId':
      return referenceName(db, 'park', value as number) ?? String(value);
    case 'responsibleUnitIds':
      return (value as number[]).map((id) => referenceName(db, 'unit', id) ?? String(id)).join('、') || null;
    case 'totalInvestmentYuan':
    case 'investedBeforeYearYuan':
    case 'annualPlanYuan':
      return `${formatWan(value as number)}万元`;
    case 'isInvestmentPromotion':
    case 'inStatistics':
      return value ? '是' : '否';
    case 'stage':
      return STAGE_LABELS[value as Stage];
    case 'category':
      return CATEGORY_LABELS[value as ProjectFields['category']];
    case 'nature':
      return NATURE_LABELS[value as NonNullable<ProjectFields['nature']>];
    default:
      return String(value);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
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
): AuditChange[] {
  const changedColumns = COLUMN_FIELDS.filter((f) => !sameValue(before[f], after[f]));
  const unitsChanged = !sameValue(before.responsibleUnitIds, after.responsibleUnitIds);
  const changes: AuditChange[] = [...changedColumns, ...(unitsChanged ? ['responsibleUnitIds' as const] : [])].map(
    (field) => ({
      field,
      oldValue: describeValue(db, field, before[field]),
      newValue: describeValue(db, field, after[field]),
    }),
  );
  if (!changes.length) return [];
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

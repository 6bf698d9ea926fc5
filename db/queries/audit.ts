import type { Db } from '../connection';
import type { AuditKind } from '../model/audit-kinds';
import type { AuditEntry } from '../model/project';
import { all, get, run, sql, sqlFragment, sqlJoin, type SqlFragment } from '../sql';
import type { WriteMeta } from './projects-write';

export interface AuditChange {
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

export interface AuditRecord {
  operator: string;
  entity: string;
  entityId: number;
  action: AuditEntry['action'];
  changes: AuditChange[];
}

// A rehearsal is a run that is certain to be rolled back (an import's preview): its history would be thrown away
// with it, and nothing in a run reads the history back, so it is not written at all.
const rehearsals = new WeakSet<Db>();

/** Runs `work`, which the caller rolls back whatever happens, without writing history. */
export function rehearsing<T>(db: Db, work: () => T): T {
  rehearsals.add(db);
  try {
    return work();
  } finally {
    rehearsals.delete(db);
  }
}

export function writeAudit(db: Db, record: AuditRecord, at = new Date().toISOString()): void {
  if (rehearsals.has(db)) return;
  const changes = record.changes.length ? record.changes : [{ field: null, oldValue: null, newValue: null }];
  for (const change of changes) {
    run(
      db,
      sql`INSERT INTO audit_log (at, operator, entity, entity_id, action, field, old_value, new_value)
          VALUES (${at}, ${record.operator}, ${record.entity}, ${record.entityId}, ${record.action},
                  ${change.field}, ${change.oldValue}, ${change.newValue})`,
    );
  }
}

/**
 * A line for what changes no single record: an import, a fill-in read, a backup copied elsewhere, the data
 * moved or restored. The entity says which (变更记录's 导入/备份 kind); the text says what was done.
 */
export function writeOperationNote(
  db: Db,
  note: { entity: 'import' | 'fillin' | 'backup'; action: 'create' | 'update'; text: string },
  meta: Pick<WriteMeta, 'operator' | 'now'>,
): void {
  writeAudit(
    db,
    {
      operator: meta.operator,
      entity: note.entity,
      entityId: 0,
      action: note.action,
      changes: [{ field: null, oldValue: null, newValue: note.text }],
    },
    meta.now,
  );
}

export function auditOf(db: Db, entity: string, entityId: number): Omit<AuditEntry, 'fieldLabel'>[] {
  return all(
    db,
    sql`SELECT id, at, operator, entity, entity_id AS entityId, action, field,
               old_value AS oldValue, new_value AS newValue
        FROM audit_log WHERE entity = ${entity} AND entity_id = ${entityId}
        ORDER BY id DESC`,
  );
}

export interface AuditFilter {
  projectId?: number;
  operator?: string;
  /** ISO dates, inclusive, in the office's local days */
  from?: string;
  to?: string;
  kind?: AuditKind;
  /** keyset paging: only rows older than this id (rows are listed newest first, by id) */
  before?: number;
  limit: number;
  offset: number;
}

export interface AuditListRow extends Omit<AuditEntry, 'fieldLabel'> {
  projectCode: string | null;
  projectName: string | null;
}

/** Rows counted at most: beyond this the screen says “more than” rather than counting millions on each click. */
export const AUDIT_COUNT_CAP = 10_000;

export interface AuditListPage {
  /** matching rows, counted up to AUDIT_COUNT_CAP */
  total: number;
  /** there are more than `total` */
  totalCapped: boolean;
  rows: AuditListRow[];
  /** the `before` of the page after this one; null when this page reaches the oldest matching row */
  nextBefore: number | null;
}

/**
 * Every filter is one an index serves in id order ((entity, entity_id), operator, the virtual column kind),
 * so a page reads its rows and no more; dates narrow what those indexes give.
 */
export function listAudit(db: Db, filter: AuditFilter): AuditListPage {
  const where: SqlFragment[] = [];
  if (filter.projectId !== undefined)
    where.push(sqlFragment`a.entity = 'project' AND a.entity_id = ${filter.projectId}`);
  if (filter.operator) where.push(sqlFragment`a.operator = ${filter.operator}`);
  // `at` is UTC; local days are compared through SQLite's localtime conversion
  if (filter.from) where.push(sqlFragment`date(a.at, 'localtime') >= ${filter.from}`);
  if (filter.to) where.push(sqlFragment`date(a.at, 'localtime') <= ${filter.to}`);
  if (filter.kind) where.push(sqlFragment`a.kind = ${filter.kind}`);
  if (filter.before !== undefined) where.push(sqlFragment`a.id < ${filter.before}`);
  const clause = where.length
    ? sqlFragment`WHERE ${sqlJoin(
        where.map((w) => sqlFragment`(${w})`),
        ' AND ',
      )}`
    : sqlFragment``;
  const counted =
    get<{ n: number }>(
      db,
      sql`SELECT COUNT(*) AS n FROM (SELECT 1 FROM audit_log a ${clause} LIMIT ${AUDIT_COUNT_CAP + 1})`,
    )?.n ?? 0;
  const fetched = all<AuditListRow>(
    db,
    sql`SELECT a.id, a.at, a.operator, a.entity, a.entity_id AS entityId, a.action, a.field,
               a.old_value AS oldValue, a.new_value AS newValue,
               p.code AS projectCode, p.name AS projectName
        FROM audit_log a LEFT JOIN projects p ON a.entity = 'project' AND p.id = a.entity_id
        ${clause} ORDER BY a.id DESC LIMIT ${filter.limit + 1} OFFSET ${filter.offset}`,
  );
  const rows = fetched.slice(0, filter.limit);
  return {
    total: Math.min(counted, AUDIT_COUNT_CAP),
    totalCapped: counted > AUDIT_COUNT_CAP,
    rows,
    nextBefore: fetched.length > filter.limit ? rows[rows.length - 1].id : null,
  };
}

/** Everyone who has changed anything: one seek per name down the operator index, not a scan of the log. */
export function auditOperators(db: Db): string[] {
  return all<{ operator: string }>(
    db,
    sql`WITH RECURSIVE names(operator) AS (
          SELECT MIN(operator) FROM audit_log
          UNION ALL
          SELECT (SELECT MIN(operator) FROM audit_log WHERE operator > names.operator)
          FROM names WHERE names.operator IS NOT NULL
        )
        SELECT operator FROM names WHERE operator IS NOT NULL ORDER BY operator`,
  ).map((r) => r.operator);
}

import type { Db } from '../connection';
import type { AuditEntry } from '../model/project';
import { all, run, sql } from '../sql';

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

export function writeAudit(db: Db, record: AuditRecord, at = new Date().toISOString()): void {
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

export function auditOf(db: Db, entity: string, entityId: number): Omit<AuditEntry, 'fieldLabel'>[] {
  return all(
    db,
    sql`SELECT id, at, operator, entity, entity_id AS entityId, action, field,
               old_value AS oldValue, new_value AS newValue
        FROM audit_log WHERE entity = ${entity} AND entity_id = ${entityId}
        ORDER BY id DESC`,
  );
}

/**
 * Like writeAudit, but a change that merely continues the same operator's typing in the same field within the
 * last `minutes` (the new text extends or trims the last saved one) updates that row's new value instead of
 * adding one. Any other change — another text, as from a second window — gets its own row, so no text is lost.
 */
export function writeAuditMerging(db: Db, record: AuditRecord, at: string, minutes: number): void {
  const since = new Date(Date.parse(at) - minutes * 60_000).toISOString();
  const fresh: AuditChange[] = [];
  for (const change of record.changes) {
    const last = db
      .prepare(
        `SELECT id, operator, at, new_value AS newValue FROM audit_log
         WHERE entity = ? AND entity_id = ? AND field IS ? ORDER BY id DESC LIMIT 1`,
      )
      .get(record.entity, record.entityId, change.field) as
      { id: number; operator: string; at: string; newValue: string | null } | undefined;
    const before = last?.newValue ?? '';
    const after = change.newValue ?? '';
    const continues = after.startsWith(before) || before.startsWith(after);
    if (last && last.operator === record.operator && last.at >= since && continues) {
      run(db, sql`UPDATE audit_log SET new_value = ${change.newValue}, at = ${at} WHERE id = ${last.id}`);
    } else {
      fresh.push(change);
    }
  }
  if (fresh.length) writeAudit(db, { ...record, changes: fresh }, at);
}

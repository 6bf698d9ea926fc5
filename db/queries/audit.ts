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

import { auditMs } from './audit-format';
import type { AuditLine } from './audit-file-store';
import type { AuditEntry } from './model/project';

export interface AuditChange {
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

/** One change as the code describes it: who changed what, with every field's old → new. */
export interface AuditRecord {
  operator: string;
  entity: string;
  entityId: number;
  action: AuditEntry['action'];
  changes: AuditChange[];
}

/** The record's lines of 变更记录, one per changed field (one blank line for a record without fields). */
export function auditLinesOf(record: AuditRecord, at: string): AuditLine[] {
  const changes = record.changes.length ? record.changes : [{ field: null, oldValue: null, newValue: null }];
  const ms = auditMs(at);
  return changes.map((change) => ({
    at: ms,
    operator: record.operator,
    entity: record.entity,
    entityId: record.entityId,
    action: record.action,
    field: change.field,
    oldValue: change.oldValue,
    newValue: change.newValue,
  }));
}

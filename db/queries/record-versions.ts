import { KIND_CODES } from '../audit-format';
import type { AuditKind } from '../model/audit-kinds';
import type { Store } from '../store/store';
import { sql, sqlFragment } from '../sql';

/** Whose changes of 变更记录 make up one record's versions: its lines, of one kind or one field's prefix. */
export interface AuditSubject {
  entity: string;
  entityId: number;
  kind?: AuditKind;
  /** e.g. `dispatch:2026-W48:` for one week's entry of a project */
  fieldPrefix?: string;
  /** e.g. `problem:WT-2026-001` for one problem's steps in its project's history */
  field?: string;
}

/** Who made the record's last change in 变更记录 and when; null when the history holds none. */
export async function lastChangeOf(store: Store, subject: AuditSubject): Promise<{ by: string; at: Date } | null> {
  const kind = subject.kind === undefined ? sqlFragment`` : sqlFragment`AND a.kind = ${KIND_CODES[subject.kind]}`;
  const prefix = subject.fieldPrefix;
  const field =
    subject.field !== undefined
      ? sqlFragment`AND a.field = (SELECT id FROM audit_names WHERE name = ${subject.field})`
      : prefix !== undefined
        ? sqlFragment`AND EXISTS (SELECT 1 FROM audit_names f
                                  WHERE f.id = a.field AND substr(f.name, 1, ${prefix.length}) = ${prefix})`
        : sqlFragment``;
  // down the (entity, entity_id) index, newest first: a refused save is rare, and one record's lines are few
  const line = await store.get<{ at: number; who: string }>(sql`SELECT a.at, o.name AS who
        FROM audit_entries a JOIN audit_names o ON o.id = a.operator
        WHERE a.entity = (SELECT id FROM audit_names WHERE name = ${subject.entity})
          AND a.entity_id = ${subject.entityId} ${kind} ${field}
        ORDER BY a.id DESC LIMIT 1`);
  return line ? { by: line.who, at: new Date(line.at) } : null;
}

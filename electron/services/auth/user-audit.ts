import { writeAudit, type AuditChange } from '../../../db/queries/audit';
import type { StoredUser } from '../../../db/queries/users';
import type { WriteMeta } from '../../../db/queries/projects-write';
import type { Store } from '../../../db/store/store';

// Every change to an account goes into 变更记录 as any other change does: who, when, field, old → new. A
// password is never written, hashed or not: only that it was set (设置 / 重设 / 修改).

type Shown = Partial<
  Record<'login' | 'displayName' | 'role' | 'unitId' | 'disabled' | 'mustChangePassword' | 'lockedUntil', unknown>
>;

const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : typeof value === 'boolean' ? (value ? '是' : '否') : String(value);

export function shownOf(user: StoredUser): Shown {
  return {
    login: user.login,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
    lockedUntil: user.lockedUntil === null ? null : new Date(user.lockedUntil).toISOString(),
  };
}

export async function auditUser(
  store: Store,
  userId: number,
  before: Shown | null,
  after: Shown,
  meta: WriteMeta,
  password?: '设置' | '重设' | '修改',
): Promise<void> {
  const changes: AuditChange[] = [];
  for (const key of Object.keys(after) as (keyof Shown)[]) {
    const oldValue = before ? text(before[key]) : null;
    const newValue = text(after[key]);
    if (oldValue !== newValue) changes.push({ field: key, oldValue, newValue });
  }
  if (password) changes.push({ field: 'password', oldValue: null, newValue: `（已${password}）` });
  if (!changes.length) return;
  await writeAudit(
    store,
    { operator: meta.operator, entity: 'user', entityId: userId, action: before ? 'update' : 'create', changes },
    meta.now,
  );
}

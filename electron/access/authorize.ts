import { AppError } from '../../db/errors';
import { ROLE_LABELS } from '../../db/model/roles';
import type { AttachmentOwnerKind } from '../../db/model/attachments';
import { attachmentOwner, getStoredAttachment } from '../../db/queries/attachments';
import { problemInUnit, projectsOutsideUnit } from '../../db/queries/unit-scope';
import type { Store } from '../../db/store/store';
import type { MethodName } from '../api-spec';
import type { RequestCaller } from '../services/auth/caller';
import { POLICY, type Rule } from './policy';

// The policy applied to one call, before and after its input is read. A single PC (no caller) passes.

const forbidden = (message: string) => new AppError('forbidden', message);
const UNIT_SCOPE = '责任单位账户只能查看和填报本单位的项目';

/** Before the input is read: is the caller logged in, and may the role call the method at all? */
export function checkRole(method: MethodName, caller: RequestCaller | undefined): void {
  if (!caller) return;
  const rule = POLICY[method] as Rule<unknown>;
  if (rule.public) return;
  if (!caller.user) throw new AppError('unauthenticated', '请先登录');
  if (rule.signedIn) return;
  if (caller.user.mustChangePassword) throw forbidden('请先修改初始密码，再进行其他操作');
  if (!rule.roles?.includes(caller.user.role)) {
    throw forbidden(`${ROLE_LABELS[caller.user.role]}账户不能进行此操作`);
  }
}

/** After the input is read: for a unit user, whether it touches only their unit's projects and problems. */
export async function checkScope(store: Store, method: MethodName, input: unknown, caller: RequestCaller | undefined) {
  const user = caller?.user;
  if (!user || user.role !== 'unit') return;
  const rule = POLICY[method] as Rule<unknown>;
  if (rule.public || rule.signedIn) return;
  if (rule.unitMay && !rule.unitMay(input))
    throw forbidden('责任单位账户只能填报本单位项目的周调度、月度投资、形象进度和问题反馈');
  const scope = rule.unit;
  if (!scope || user.unitId === null) throw forbidden(UNIT_SCOPE);
  if ('unscoped' in scope) return;
  if ('ownUnit' in scope) {
    const asked = scope.ownUnit(input);
    if (asked !== undefined && asked !== user.unitId) throw forbidden(UNIT_SCOPE);
    return;
  }
  if ('problem' in scope) {
    if (!(await problemInUnit(store, scope.problem(input), user.unitId))) throw forbidden(UNIT_SCOPE);
    return;
  }
  if ('attachmentOwner' in scope || 'attachment' in scope) {
    if (!(await attachmentInUnit(store, scope, input, user.unitId))) throw forbidden(UNIT_SCOPE);
    return;
  }
  if ((await projectsOutsideUnit(store, scope.projects(input), user.unitId)).length) throw forbidden(UNIT_SCOPE);
}

/**
 * An attachment, or an attachment's owner, is the unit's when its problem is (a problem owns it) or else its
 * project is. An owner or attachment that is not there is not the unit's.
 */
async function attachmentInUnit(
  store: Store,
  scope:
    | { attachmentOwner: (input: unknown) => { kind: AttachmentOwnerKind; id: number } }
    | { attachment: (input: unknown) => number },
  input: unknown,
  unitId: number,
): Promise<boolean> {
  let owner: { kind: AttachmentOwnerKind; id: number; projectId: number } | undefined;
  if ('attachment' in scope) {
    const stored = await getStoredAttachment(store, scope.attachment(input));
    owner = stored && { kind: stored.ownerKind, id: stored.ownerId, projectId: stored.projectId };
  } else {
    const asked = scope.attachmentOwner(input);
    const found = await attachmentOwner(store, asked.kind, asked.id);
    owner = found && { ...asked, projectId: found.projectId };
  }
  if (!owner) return false;
  if (owner.kind === 'problem') return problemInUnit(store, owner.id, unitId);
  return (await projectsOutsideUnit(store, [owner.projectId], unitId)).length === 0;
}

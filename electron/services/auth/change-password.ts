import { AppError } from '../../../db/errors';
import { endSessionsOf } from '../../../db/queries/sessions';
import type { WriteMeta } from '../../../db/queries/projects-write';
import { updateUser, userById } from '../../../db/queries/users';
import type { Store } from '../../../db/store/store';
import type { Caller } from './caller';
import { checkNewPassword, hashPassword, verifyPassword } from './password';
import { auditUser, shownOf } from './user-audit';
import { userView, type UserView } from './user-view';

/**
 * The caller's own new password, given with the current one. The user's other sessions end (a password
 * changed because it leaked should shut out whoever used it); this one goes on.
 */
export async function changeOwnPassword(
  store: Store,
  caller: Caller,
  input: { oldPassword: string; newPassword: string },
  meta: WriteMeta,
): Promise<UserView> {
  const user = await userById(store, caller.user.id);
  if (!user) throw new AppError('unauthenticated', '登录已失效，请重新登录');
  if (!(await verifyPassword(input.oldPassword, { hash: user.passwordHash, salt: user.passwordSalt }))) {
    throw new AppError('invalid_input', '当前密码不正确', 'oldPassword');
  }
  checkNewPassword(user.login, input.newPassword);
  if (input.newPassword === input.oldPassword)
    throw new AppError('invalid_input', '新密码不能与当前密码相同', 'newPassword');
  const { hash, salt } = await hashPassword(input.newPassword);
  const now = Date.parse(meta.now);
  return store.transaction(
    async () => {
      await updateUser(store, user.id, { passwordHash: hash, passwordSalt: salt, mustChangePassword: false }, now);
      await endSessionsOf(store, user.id, 'password', now, caller.sessionId);
      const after = (await userById(store, user.id))!;
      await auditUser(store, user.id, shownOf(user), shownOf(after), meta, '修改');
      return userView(after, now);
    },
    { idempotent: true },
  );
}

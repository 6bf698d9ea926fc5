import { AppError } from '../../../db/errors';
import { countUsers, insertUser, userById } from '../../../db/queries/users';
import type { Store } from '../../../db/store/store';
import { checkNewPassword, hashPassword } from './password';
import { auditUser, shownOf } from './user-audit';
import { normalLogin, userView, type UserView } from './user-view';

/**
 * The server's first account, an admin, made only while the library has no account at all (`--init-admin`).
 * The password given must be changed at the first login, as any password someone else chose.
 */
export async function createFirstAdmin(
  store: Store,
  login: string,
  password: string,
  now = Date.now(),
): Promise<UserView> {
  const name = normalLogin(login);
  if (!name) throw new AppError('invalid_input', '请填写管理员的登录名', 'login');
  checkNewPassword(name, password);
  const { hash, salt } = await hashPassword(password);
  return store.transaction(
    async () => {
      if ((await countUsers(store)) > 0) {
        throw new AppError('users_exist', '已有账户，不能再建立初始管理员：请由管理员在“用户”中添加账户');
      }
      const id = await insertUser(
        store,
        {
          login: name,
          displayName: name,
          role: 'admin',
          unitId: null,
          passwordHash: hash,
          passwordSalt: salt,
          mustChangePassword: true,
        },
        now,
      );
      const user = (await userById(store, id))!;
      await auditUser(
        store,
        id,
        null,
        shownOf(user),
        { operator: `初始管理员 ${name}`, now: new Date(now).toISOString() },
        '设置',
      );
      return userView(user, now);
    },
    { idempotent: true },
  );
}

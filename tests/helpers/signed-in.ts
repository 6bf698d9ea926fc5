import type { Role } from '../../db/model/roles';
import type { Store } from '../../db/store/store';
import type { Caller } from '../../electron/services/auth/caller';
import { changeOwnPassword } from '../../electron/services/auth/change-password';
import { login } from '../../electron/services/auth/login';
import { authenticate } from '../../electron/services/auth/sessions';
import { createAccount } from '../../electron/services/auth/users-admin';

const PASSWORD = '初始密码-2026';
const META = { operator: '测试管理员', now: '2026-11-28T02:00:00.000Z' };

/** A user who has logged in and changed the initial password, as a transport would hand them to the contract. */
export async function signedIn(
  store: Store,
  account: { login: string; displayName: string; role: Role; unitId?: number | null },
  address = '192.168.1.23',
): Promise<Caller> {
  await createAccount(store, { unitId: null, ...account, password: PASSWORD }, META);
  const { token } = await login(store, { login: account.login, password: PASSWORD, address });
  const first = await authenticate(store, token, address);
  await changeOwnPassword(store, first, { oldPassword: PASSWORD, newPassword: `${account.login}的新密码123` }, META);
  return authenticate(store, token, address);
}

import type { Role } from '../../db/model/roles';
import { changeOwnPassword } from '../../electron/services/auth/change-password';
import { login } from '../../electron/services/auth/login';
import { authenticate, logout } from '../../electron/services/auth/sessions';
import { createAccount } from '../../electron/services/auth/users-admin';
import type { TempApp } from '../helpers/temp-app';

const META = { operator: '测试管理员', now: '2026-11-28T02:00:00.000Z' };

export interface ReadyAccount {
  id: number;
  login: string;
  password: string;
}

/**
 * An account whose owner has already changed the initial password (and logged out again), so a test can log in
 * straight to the app; `password` is the one it now has.
 */
export async function readyAccount(
  app: TempApp,
  account: { login: string; displayName: string; role: Role; unitId?: number | null },
): Promise<ReadyAccount> {
  const initial = '初始密码-2026';
  const password = `${account.login}-自己的密码`;
  const user = await createAccount(app.ctx.store, { unitId: null, ...account, password: initial }, META);
  const session = await login(app.ctx.store, { login: account.login, password: initial, address: '127.0.0.1' });
  const caller = await authenticate(app.ctx.store, session.token, '127.0.0.1');
  await changeOwnPassword(app.ctx.store, caller, { oldPassword: initial, newPassword: password }, META);
  await logout(app.ctx.store, session.sessionId);
  return { id: user.id, login: account.login, password };
}

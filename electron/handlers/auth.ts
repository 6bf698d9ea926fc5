import { AppError } from '../../db/errors';
import type { ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { currentAddress, currentCaller, type Caller } from '../services/auth/caller';
import { changeOwnPassword } from '../services/auth/change-password';
import { login } from '../services/auth/login';
import { logout } from '../services/auth/sessions';
import { handOutSessionToken } from '../services/auth/token-outbox';
import { writeMeta } from '../services/session';

/** The logged-in caller; a single PC has none, and these methods need one. */
export function callerOrRefuse(): Caller {
  const caller = currentCaller();
  if (!caller) throw new AppError('unauthenticated', '单机模式不需要登录；请连接办公室服务器后再使用账户');
  return caller;
}

export const authHandlers = {
  'auth.login': async (ctx: AppContext, input: ParsedInput<'auth.login'>) => {
    const { token, user } = await login(ctx.store, { ...input, address: currentAddress() });
    handOutSessionToken(token);
    return { user };
  },
  'auth.logout': async (ctx: AppContext) => {
    await logout(ctx.store, callerOrRefuse().sessionId);
    return null;
  },
  'auth.me': async () => callerOrRefuse().user,
  'auth.changePassword': async (ctx: AppContext, input: ParsedInput<'auth.changePassword'>) =>
    changeOwnPassword(ctx.store, callerOrRefuse(), input, await writeMeta(ctx)),
};

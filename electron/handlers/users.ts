import type { ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { recentLoginEvents } from '../../db/queries/login-events';
import { openSessions } from '../../db/queries/sessions';
import { endSessionByAdmin, endSessionsByAdmin } from '../services/auth/sessions';
import { normalLogin } from '../services/auth/user-view';
import {
  createAccount,
  resetAccountPassword,
  setAccountDisabled,
  updateAccount,
  usersList,
} from '../services/auth/users-admin';
import { writeMeta } from '../services/session';

export const usersHandlers = {
  'users.list': async (ctx: AppContext) => usersList(ctx.store),
  'users.create': async (ctx: AppContext, input: ParsedInput<'users.create'>) =>
    createAccount(ctx.store, input, await writeMeta(ctx)),
  'users.update': async (ctx: AppContext, input: ParsedInput<'users.update'>) =>
    updateAccount(ctx.store, input, await writeMeta(ctx)),
  'users.resetPassword': async (ctx: AppContext, input: ParsedInput<'users.resetPassword'>) =>
    resetAccountPassword(ctx.store, input.id, input.password, await writeMeta(ctx)),
  'users.disable': async (ctx: AppContext, input: ParsedInput<'users.disable'>) =>
    setAccountDisabled(ctx.store, input.id, input.disabled, await writeMeta(ctx)),
  'users.endSessions': async (ctx: AppContext, input: ParsedInput<'users.endSessions'>) => ({
    ended: await endSessionsByAdmin(ctx.store, input.id, await writeMeta(ctx)),
  }),
  'users.sessions': async (ctx: AppContext) => openSessions(ctx.store),
  'users.endSession': async (ctx: AppContext, input: ParsedInput<'users.endSession'>) => ({
    ended: await endSessionByAdmin(ctx.store, input.sessionId, await writeMeta(ctx)),
  }),
  'users.loginEvents': async (ctx: AppContext, input: ParsedInput<'users.loginEvents'>) =>
    // no login holds a NUL, and PostgreSQL refuses one in a parameter: such a filter finds nothing
    input.login.includes('\u0000') ? [] : recentLoginEvents(ctx.store, { ...input, login: normalLogin(input.login) }),
};

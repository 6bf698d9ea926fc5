import { AppError } from '../../db/errors';
import { POLICY } from '../../electron/access/policy';
import type { ApiResult, MethodName } from '../../electron/api-spec';
import { dispatch } from '../../electron/contract';
import type { RequestCaller } from '../../electron/services/auth/caller';
import { authenticate } from '../../electron/services/auth/sessions';
import { createTempApp, type TempApp } from '../helpers/temp-app';

/**
 * Renderer tests talk to the real contract over a real temp SQLite file, through the same
 * `window.api.invoke` seam the Electron preload provides.
 */
export async function installRealApi(options: Parameters<typeof createTempApp>[0] = {}): Promise<TempApp> {
  const app = await createTempApp(options);
  window.api = { invoke: (method, input) => app.call(method, input) };
  return app;
}

/** The address the office server sees for the test's browser. */
export const CLIENT_ADDRESS = '192.168.1.50';

/**
 * The same real contract as an office server serves it to one browser: every call carries a caller, found
 * from the session a login opened, as the server finds it from the HttpOnly cookie. The token stays on this
 * side (the page never sees it: `auth.login` answers only the user), a logout forgets it, and a session that
 * ended is answered as the server answers it: `unauthenticated`, except for the public methods.
 * `app.call`/`app.ok` stay the single PC's own calls, with no caller: the test's way to set things up.
 */
export async function installOfficeApi(options: Parameters<typeof createTempApp>[0] = {}): Promise<TempApp> {
  const app = await createTempApp(options);
  let token: string | null = null;
  const visitor: RequestCaller = { user: null, sessionId: null, address: CLIENT_ADDRESS };

  async function callerFor(method: string): Promise<RequestCaller | ApiResult> {
    if (token === null) return visitor;
    try {
      return await authenticate(app.ctx.store, token, CLIENT_ADDRESS);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      token = null;
      if (POLICY[method as MethodName]?.public) return visitor;
      return { ok: false, error: { code: error.code, message: error.message } };
    }
  }

  window.api = {
    invoke: async (method, input) => {
      const caller = await callerFor(method);
      if ('ok' in caller) return caller;
      const result = structuredClone(await dispatch(app.ctx, method, structuredClone(input), caller));
      if (method === 'auth.login' && result.ok) {
        const { token: opened, user } = result.data as { token: string; user: unknown };
        token = opened;
        return { ok: true, data: { user } };
      }
      if (method === 'auth.logout' && result.ok) token = null;
      return result;
    },
  };
  return app;
}

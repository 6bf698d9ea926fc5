// Who calls, per request, on the office server: the user of the session cookie, or a visitor without one.
import type http from 'node:http';
import { AppError } from '../db/errors';
import type { AppContext } from './services/app-context';
import type { RequestCaller } from './services/auth/caller';
import { authenticate } from './services/auth/sessions';
import { sessionTokenOf } from './web-host-cookie';

export interface RequestSession {
  caller: RequestCaller | undefined;
  /** why the cookie the request carried no longer counts (ended, expired), for the 401's message */
  lapsed?: string;
}

/** The client's address as the change history shows it: an IPv4 client without its IPv6-mapped prefix. */
export function clientAddress(req: http.IncomingMessage): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

/**
 * The session of each request: with accounts off (a single PC's browser host) nobody (every method open, as
 * in the window); with accounts on, the session cookie's caller, checked against the store, or a visitor.
 */
export function sessionReader(
  ctx: AppContext,
  accounts: boolean,
): (req: http.IncomingMessage) => Promise<RequestSession> {
  return async (req) => {
    if (!accounts) return { caller: undefined };
    const address = clientAddress(req);
    const visitor: RequestCaller = { user: null, sessionId: null, address };
    const token = sessionTokenOf(req);
    if (!token) return { caller: visitor };
    try {
      return { caller: await authenticate(ctx.store, token, address) };
    } catch (error) {
      if (error instanceof AppError && error.code === 'unauthenticated')
        return { caller: visitor, lapsed: error.message };
      throw error;
    }
  };
}

export type CallerOf = (req: http.IncomingMessage) => Promise<RequestCaller | undefined>;

/** The caller to hand `dispatch` (or any other route, such as the event stream) for a request. */
export function callerOfRequests(ctx: AppContext, accounts: boolean): CallerOf {
  const read = sessionReader(ctx, accounts);
  return async (req) => (await read(req)).caller;
}

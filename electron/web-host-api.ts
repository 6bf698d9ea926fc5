// POST /api/<method>: the contract over HTTP, with the caller of the request and, on the office server, the
// session cookie that login sets and logout clears.
import type http from 'node:http';
import packageJson from '../package.json';
import { dispatch, methodNames } from './contract';
import { FILE_METHODS, SCREEN_READS, type ApiResult } from './api-spec';
import { schemaVersionIn, type AppContext } from './services/app-context';
import { collectSessionToken } from './services/auth/token-outbox';
import { answerTooLarge, readBody } from './web-host-body';
import type { RequestSession } from './web-host-caller';
import { clientLeft } from './web-host-client-left';
import { clearedSessionCookie, sessionCookie } from './web-host-cookie';
import { sendError, sendJson } from './web-host-http';

const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** a file for import travels as base64 inside the JSON */
const MAX_FILE_BODY_BYTES = 32 * 1024 * 1024;

const STATUS_OF_CODE: Record<string, number> = {
  unknown_method: 404,
  internal: 500,
  unauthenticated: 401,
  forbidden: 403,
  conflict: 409,
};

function statusOf(result: ApiResult): number {
  return result.ok ? 200 : (STATUS_OF_CODE[result.error.code] ?? 400);
}

export interface ApiHost {
  ctx: AppContext;
  /** screen reads skipped because their window had gone before they started */
  abandonedReads: number;
  readSession(req: http.IncomingMessage): Promise<RequestSession>;
  /** the office server's cookies; null on a single PC's host, which has no login */
  cookies: { secure: boolean } | null;
}

export async function handleApi(api: ApiHost, req: http.IncomingMessage, res: http.ServerResponse, name: string) {
  const { ctx } = api;
  if (req.method === 'GET' && name === '') return sendJson(res, 200, { methods: methodNames });
  if (req.method === 'GET' && name === 'health') {
    return sendJson(res, 200, {
      ok: true,
      version: packageJson.version,
      schemaVersion: await schemaVersionIn(ctx),
      fullCheck: ctx.fullCheck.state,
      damaged: ctx.damage !== null,
    });
  }
  if (req.method !== 'POST')
    return sendError(res, 405, { code: 'method_not_allowed', message: '请使用 POST 调用接口' });
  const input = await readInput(req, res, name);
  if (input === ANSWERED) return;
  // the host works on one request at a time: an abandoned screen read would hold up the next screen's
  if (SCREEN_READS.has(name) && (await clientLeft(req))) {
    api.abandonedReads++;
    res.destroy();
    return;
  }
  if (!api.cookies) {
    const result = await dispatch(ctx, name, input);
    return sendJson(res, statusOf(result), result);
  }
  const session = await api.readSession(req);
  const { result, token } = await collectSessionToken(() => dispatch(ctx, name, input, session.caller));
  const { secure } = api.cookies;
  let cookie: string | undefined;
  if (token !== undefined) cookie = sessionCookie(token, secure);
  else if (result.ok && name === 'auth.logout') cookie = clearedSessionCookie(secure);
  else if (!result.ok && result.error.code === 'unauthenticated' && session.lapsed) {
    // the cookie names a session that is over: the browser drops it, and the clerk learns why
    result.error.message = session.lapsed;
    cookie = clearedSessionCookie(secure);
  }
  sendJson(res, statusOf(result), result, cookie === undefined ? {} : { 'Set-Cookie': cookie });
}

const ANSWERED = Symbol('answered');

/**
 * The request's JSON, or ANSWERED when the request has had its answer already (or has none coming). Only the
 * parsed input outlives this: a file's body text is not held while the method works on the file.
 */
async function readInput(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<unknown> {
  const limit = FILE_METHODS.has(name) ? MAX_FILE_BODY_BYTES : MAX_BODY_BYTES;
  const body = await readBody(req, limit);
  if (body.kind === 'gone') return ANSWERED;
  if (body.kind === 'too_large') {
    answerTooLarge(req, res, limit);
    return ANSWERED;
  }
  if (!body.text.trim()) return {};
  try {
    return JSON.parse(body.text) as unknown;
  } catch {
    sendError(res, 400, { code: 'invalid_json', message: '提交的内容不是有效的JSON，未保存' });
    return ANSWERED;
  }
}

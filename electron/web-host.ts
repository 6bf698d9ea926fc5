// The browser host: the same contract over HTTP on 127.0.0.1, serving the built renderer.
import http from 'node:http';
import packageJson from '../package.json';
import { dispatch, methodNames } from './contract';
import { FILE_METHODS, SCREEN_READS, type ApiResult } from './api-spec';
import { openAppContext, schemaVersionIn, type AppContext } from './services/app-context';
import { openServerContext } from './services/server-context';
import { initializeApp, appStatus } from './handlers/app';
import { answerTooLarge, readBody } from './web-host-body';
import { answerClientErrors } from './web-host-client-error';
import { createEventStreams } from './web-host-events';
import { clientLeft } from './web-host-client-left';
import { BAD_ADDRESS, INTERNAL_ERROR, sendError, sendJson, type HostError } from './web-host-http';
import { isOwnRequest, requestTarget } from './web-host-request';
import { serveStatic } from './web-host-static';

export interface WebHostOptions {
  /** the SQLite file's folder; with `databaseUrl`, the folder of the server's backups */
  dataDir: string;
  /** postgres://…: the library is in that database (services/server-context.ts) */
  databaseUrl?: string;
  /** 0 picks a free port */
  port: number;
  staticDir: string;
  /** load the example office without asking (`--demo`) */
  demo?: boolean;
  today?: () => string;
}

export interface WebHost {
  url: string;
  port: number;
  ctx: AppContext;
  /** screen reads skipped because their window had gone before they started */
  readonly abandonedReads: number;
  close(): Promise<void>;
}

const FORBIDDEN: HostError = { code: 'forbidden', message: '只接受本机本程序的请求' };
const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** how long a closing host waits for the requests under way (a ledger import may take longer: it is cut off) */
const CLOSE_WAIT_MS = 10_000;
/** a file for import travels as base64 inside the JSON */
const MAX_FILE_BODY_BYTES = 32 * 1024 * 1024;

function statusOf(result: ApiResult): number {
  if (result.ok) return 200;
  if (result.error.code === 'unknown_method') return 404;
  if (result.error.code === 'internal') return 500;
  return 400;
}

interface ApiCounters {
  abandonedReads: number;
}

async function handleApi(
  ctx: AppContext,
  counters: ApiCounters,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  name: string,
) {
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
    counters.abandonedReads++;
    res.destroy();
    return;
  }
  const result = await dispatch(ctx, name, input);
  sendJson(res, statusOf(result), result);
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

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const ctx: AppContext = options.databaseUrl
    ? await openServerContext({ databaseUrl: options.databaseUrl, dataDir: options.dataDir, today: options.today })
    : await openAppContext({ dataDir: options.dataDir, today: options.today });
  if (options.demo && !ctx.damage && !ctx.startProblem) {
    const status = await appStatus(ctx);
    if (status.demoProjectCount === 0) await initializeApp(ctx, status.operatorName ?? '演示用户', true);
  }
  let port = options.port;
  const counters: ApiCounters = { abandonedReads: 0 };
  const events = createEventStreams(ctx);

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isOwnRequest(req, port)) return sendError(res, 403, FORBIDDEN);
    const target = requestTarget(req.url ?? '/', port);
    if (!target.ok) return sendError(res, target.status, target.status === 403 ? FORBIDDEN : BAD_ADDRESS);
    // the caller comes with the office server's sessions; until then the loopback host's one clerk hears everything
    if (target.path === '/api/events') return events.serve(req, res, undefined);
    const api = /^\/api(?:\/(.*))?$/.exec(target.path);
    if (api) return handleApi(ctx, counters, req, res, api[1] ?? '');
    return serveStatic(options.staticDir, target.path, res);
  }

  // the requests being worked on, so that closing lets them finish and answer first
  const working = new Set<Promise<void>>();
  const server = http.createServer((req, res) => {
    res.on('error', (error) => console.error('[web-host]', error));
    const handled = route(req, res).catch((error: unknown) => {
      console.error('[web-host]', error);
      sendError(res, 500, INTERNAL_ERROR);
    });
    working.add(handled);
    void handled.finally(() => working.delete(handled));
  });
  answerClientErrors(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // from now on a server error (say, no file handles left to accept with) is reported, never the end of the host
  server.on('error', (error) => console.error('[web-host]', error));
  port = (server.address() as { port: number }).port;
  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    ctx,
    get abandonedReads() {
      return counters.abandonedReads;
    },
    close() {
      // a signal during the host's own shutdown closes it once
      closing ??= closeGently();
      return closing;
    },
  };

  async function closeGently(): Promise<void> {
    // no new connections; a save under way is finished and answered, not cut off (for at most CLOSE_WAIT_MS)
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    events.closeAll();
    server.closeIdleConnections();
    let waited: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.allSettled([...working]),
      new Promise((resolve) => (waited = setTimeout(resolve, CLOSE_WAIT_MS))),
    ]);
    clearTimeout(waited);
    server.closeAllConnections();
    await closed;
    await ctx.close().catch((error: unknown) => console.error('[web-host] closing the data failed', error));
  }
}

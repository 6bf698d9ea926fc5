// The browser host: the same contract over HTTP on 127.0.0.1, serving the built renderer; with `server`, the
// office server: accounts on, listening where told, optionally over TLS.
import http from 'node:http';
import https from 'node:https';
import { openAppContext, type AppContext } from './services/app-context';
import { openServerContext } from './services/server-context';
import { initializeApp, appStatus } from './handlers/app';
import { prepareAccounts, type FirstAdmin } from './server-accounts';
import { serverHostNames, shownHost } from './server-names';
import { handleApi, type ApiHost } from './web-host-api';
import { callerOfRequests, sessionReader, type CallerOf } from './web-host-caller';
import { answerClientErrors } from './web-host-client-error';
import { createEventStreams } from './web-host-events';
import { BAD_ADDRESS, INTERNAL_ERROR, sendError, type HostError } from './web-host-http';
import { isOwnRequest, loopbackNames, ownNames, requestTarget, type OwnNames } from './web-host-request';
import { serveStatic } from './web-host-static';

/** The office server's side of a host (`npm run server`). */
export interface ServerMode {
  /** the address listened on: 127.0.0.1, a LAN address, or 0.0.0.0 / :: for every interface */
  listenHost: string;
  /** further names clients type in the address bar (`--name`): a DNS name, an address */
  names: readonly string[];
  tls?: { cert: Buffer; key: Buffer };
  /** `--init-admin`: made only while the library has no account */
  firstAdmin?: FirstAdmin;
}

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
  /** accounts on, and listening where told; without it the single PC's host on 127.0.0.1, every method open */
  server?: ServerMode;
}

export interface WebHost {
  url: string;
  port: number;
  ctx: AppContext;
  /** the caller of a request, for routes beside the contract's (undefined: a single PC's host) */
  callerOf: CallerOf;
  /** what the start did that whoever started it should know (the first admin made, or not) */
  notices: readonly string[];
  /** screen reads skipped because their window had gone before they started */
  readonly abandonedReads: number;
  close(): Promise<void>;
}

const FORBIDDEN: HostError = { code: 'forbidden', message: '只接受本机本程序的请求' };
const FOREIGN: HostError = { code: 'forbidden', message: '请求的地址或来源不是本服务器，已拒绝' };
/** how long a closing host waits for the requests under way (a ledger import may take longer: it is cut off) */
const CLOSE_WAIT_MS = 10_000;

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const ctx: AppContext = options.databaseUrl
    ? await openServerContext({ databaseUrl: options.databaseUrl, dataDir: options.dataDir, today: options.today })
    : await openAppContext({ dataDir: options.dataDir, today: options.today });
  if (options.demo && !ctx.damage && !ctx.startProblem) {
    const status = await appStatus(ctx);
    if (status.demoProjectCount === 0) await initializeApp(ctx, status.operatorName ?? '演示用户', true);
  }
  const server = options.server;
  const listenHost = server?.listenHost ?? '127.0.0.1';
  let notices: string[] = [];
  try {
    if (server) notices = await prepareAccounts(ctx, listenHost, server.firstAdmin);
  } catch (error) {
    await ctx.close();
    throw error;
  }
  const scheme = server?.tls ? 'https' : 'http';
  let own: OwnNames = loopbackNames(options.port);
  // who calls, per request: for the contract's routes and any other (the event stream) alike
  const callerOf = callerOfRequests(ctx, Boolean(server));
  const events = createEventStreams(ctx);
  const api: ApiHost = {
    ctx,
    abandonedReads: 0,
    readSession: sessionReader(ctx, Boolean(server)),
    cookies: server ? { secure: scheme === 'https' } : null,
  };

  const refusal = server ? FOREIGN : FORBIDDEN;

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isOwnRequest(req, own)) return sendError(res, 403, refusal);
    const target = requestTarget(req.url ?? '/', own);
    if (!target.ok) return sendError(res, target.status, target.status === 403 ? refusal : BAD_ADDRESS);
    if (target.path === '/api/events') return events.serve(req, res, await callerOf(req));
    const path = /^\/api(?:\/(.*))?$/.exec(target.path);
    if (path) return handleApi(api, req, res, path[1] ?? '');
    return serveStatic(options.staticDir, target.path, res);
  }

  // the requests being worked on, so that closing lets them finish and answer first
  const working = new Set<Promise<void>>();
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.on('error', (error) => console.error('[web-host]', error));
    const handled = route(req, res).catch((error: unknown) => {
      console.error('[web-host]', error);
      sendError(res, 500, INTERNAL_ERROR);
    });
    working.add(handled);
    void handled.finally(() => working.delete(handled));
  };
  const listener = server?.tls
    ? https.createServer({ cert: server.tls.cert, key: server.tls.key }, onRequest)
    : http.createServer(onRequest);
  answerClientErrors(listener);
  try {
    await new Promise<void>((resolve, reject) => {
      listener.once('error', reject);
      listener.listen(options.port, listenHost, () => {
        listener.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await ctx.close();
    throw error;
  }
  // from now on a server error (say, no file handles left to accept with) is reported, never the end of the host
  listener.on('error', (error) => console.error('[web-host]', error));
  const port = (listener.address() as { port: number }).port;
  own = server ? ownNames(serverHostNames(listenHost, server.names), port, scheme, true) : loopbackNames(port);
  let closing: Promise<void> | null = null;
  return {
    url: `${scheme}://${shownHost(listenHost)}:${port}/`,
    port,
    ctx,
    callerOf,
    notices,
    get abandonedReads() {
      return api.abandonedReads;
    },
    close() {
      // a signal during the host's own shutdown closes it once
      closing ??= closeGently();
      return closing;
    },
  };

  async function closeGently(): Promise<void> {
    // no new connections; a save under way is finished and answered, not cut off (for at most CLOSE_WAIT_MS)
    const closed = new Promise<void>((resolve) => listener.close(() => resolve()));
    events.closeAll();
    listener.closeIdleConnections();
    let waited: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.allSettled([...working]),
      new Promise((resolve) => (waited = setTimeout(resolve, CLOSE_WAIT_MS))),
    ]);
    clearTimeout(waited);
    listener.closeAllConnections();
    await closed;
    await ctx.close().catch((error: unknown) => console.error('[web-host] closing the data failed', error));
  }
}

// The browser host: the same contract over HTTP on 127.0.0.1, serving the built renderer.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import packageJson from '../package.json';
import { schemaVersionOf } from '../db/migrate';
import { dispatch, methodNames } from './contract';
import { FILE_METHODS, type ApiResult } from './api-spec';
import { openAppContext, type AppContext } from './services/app-context';
import { initializeApp, appStatus } from './handlers/app';
import { answerTooLarge, readBody } from './web-host-body';
import { INTERNAL_ERROR, SECURITY_HEADERS, sendError, sendJson, type HostError } from './web-host-http';

export interface WebHostOptions {
  dataDir: string;
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
  close(): Promise<void>;
}

const FORBIDDEN: HostError = { code: 'forbidden', message: '只接受本机本程序的请求' };
const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** a file for import travels as base64 inside the JSON */
const MAX_FILE_BODY_BYTES = 32 * 1024 * 1024;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function statusOf(result: ApiResult): number {
  if (result.ok) return 200;
  if (result.error.code === 'unknown_method') return 404;
  if (result.error.code === 'internal') return 500;
  return 400;
}

/** DNS rebinding and cross-site posts: only our own host name and origin are answered. */
function isOwnRequest(req: http.IncomingMessage, port: number): boolean {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  return origin === undefined || allowedHosts.some((host) => origin === `http://${host}`);
}

async function handleApi(ctx: AppContext, req: http.IncomingMessage, res: http.ServerResponse, name: string) {
  if (req.method === 'GET' && name === '') return sendJson(res, 200, { methods: methodNames });
  if (req.method === 'GET' && name === 'health') {
    return sendJson(res, 200, { ok: true, version: packageJson.version, schemaVersion: schemaVersionOf(ctx.db) });
  }
  if (req.method !== 'POST')
    return sendError(res, 405, { code: 'method_not_allowed', message: '请使用 POST 调用接口' });
  const limit = FILE_METHODS.has(name) ? MAX_FILE_BODY_BYTES : MAX_BODY_BYTES;
  const body = await readBody(req, limit);
  if (body.kind === 'gone') return;
  if (body.kind === 'too_large') return answerTooLarge(req, res, limit);
  let input: unknown = {};
  if (body.text.trim()) {
    try {
      input = JSON.parse(body.text);
    } catch {
      return sendError(res, 400, { code: 'invalid_json', message: '提交的内容不是有效的JSON，未保存' });
    }
  }
  const result = await dispatch(ctx, name, input);
  sendJson(res, statusOf(result), result);
}

function serveStatic(staticDir: string, urlPath: string, res: http.ServerResponse): void {
  const relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  const file = path.resolve(staticDir, `.${relative}`);
  if (!file.startsWith(path.resolve(staticDir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('未找到');
    return;
  }
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    ...SECURITY_HEADERS,
  });
  fs.createReadStream(file).pipe(res);
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const ctx = openAppContext({ dataDir: options.dataDir, today: options.today });
  if (options.demo && !ctx.damage && appStatus(ctx).demoProjectCount === 0) {
    await initializeApp(ctx, appStatus(ctx).operatorName ?? '演示用户', true);
  }
  let port = options.port;
  const server = http.createServer((req, res) => {
    if (!isOwnRequest(req, port)) {
      return sendError(res, 403, FORBIDDEN);
    }
    const urlPath = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const api = /^\/api(?:\/(.*))?$/.exec(urlPath);
    if (api) {
      handleApi(ctx, req, res, api[1] ?? '').catch((error) => {
        console.error('[web-host]', error);
        sendError(res, 500, INTERNAL_ERROR);
      });
      return;
    }
    serveStatic(options.staticDir, urlPath, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    ctx,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          ctx.close();
          resolve();
        });
      }),
  };
}

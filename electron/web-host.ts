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
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...SECURITY_HEADERS });
  res.end(JSON.stringify(body));
}

function statusOf(result: ApiResult): number {
  if (result.ok) return 200;
  if (result.error.code === 'unknown_method') return 404;
  if (result.error.code === 'internal') return 500;
  return 400;
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** DNS rebinding and cross-site posts: only our own host name and origin are answered. */
function isOwnRequest(req: http.IncomingMessage, port: number): boolean {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  return origin === undefined || allowedHosts.some((host) => origin === `http://${host}`);
}

async function handleApi(ctx: AppContext, req: http.IncomingMessage, res: http.ServerResponse, name: string) {
  if (req.method === 'GET' && name === '') return send(res, 200, { methods: methodNames });
  if (req.method === 'GET' && name === 'health') {
    return send(res, 200, { ok: true, version: packageJson.version, schemaVersion: schemaVersionOf(ctx.db) });
  }
  if (req.method !== 'POST')
    return send(res, 405, { ok: false, error: { code: 'method_not_allowed', message: '请使用 POST 调用接口' } });
  const body = await readBody(req, FILE_METHODS.has(name) ? MAX_FILE_BODY_BYTES : MAX_BODY_BYTES);
  if (body === null) {
    return send(res, 413, {
      ok: false,
      error: { code: 'payload_too_large', message: '提交的内容过大（超过5MB），未保存' },
    });
  }
  let input: unknown = {};
  if (body.trim()) {
    try {
      input = JSON.parse(body);
    } catch {
      return send(res, 400, {
        ok: false,
        error: { code: 'invalid_json', message: '提交的内容不是有效的JSON，未保存' },
      });
    }
  }
  const result = await dispatch(ctx, name, input);
  send(res, statusOf(result), result);
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
      return send(res, 403, { ok: false, error: { code: 'forbidden', message: '只接受本机本程序的请求' } });
    }
    const urlPath = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const api = /^\/api(?:\/(.*))?$/.exec(urlPath);
    if (api) {
      handleApi(ctx, req, res, api[1] ?? '').catch((error) => {
        console.error('[web-host]', error);
        send(res, 500, { ok: false, error: { code: 'internal', message: '程序内部出错，数据未改动' } });
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

import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { ApiResult, MethodName } from '../../electron/api-spec';

// The office server as a browser on another PC reaches it: over HTTP or HTTPS, to a given address of the server,
// with the Host and Origin a browser sends, keeping the session cookie it is given.

export interface ServerTarget {
  port: number;
  /** the server's address to connect to (127.0.0.1 unless given) */
  address?: string;
  scheme?: 'http' | 'https';
  /** the certificate a TLS server must be signed with */
  ca?: Buffer;
  /** a call not answered within this long fails with a message saying so, rather than waiting on */
  timeoutMs?: number;
}

export interface HttpAnswer {
  status: number;
  result: ApiResult;
  /** the body as it arrived */
  text: string;
  setCookie: string[];
}

/** Host and Origin as a browser builds them; a header given as null is not sent. */
export type HeaderOverrides = Record<string, string | null>;

export function hostOf(target: ServerTarget): string {
  const address = target.address ?? '127.0.0.1';
  return `${net.isIPv6(address) ? `[${address}]` : address}:${target.port}`;
}

export function postApi(
  target: ServerTarget,
  method: MethodName | string,
  input: unknown = {},
  overrides: HeaderOverrides = {},
): Promise<HttpAnswer> {
  const scheme = target.scheme ?? 'http';
  const body = JSON.stringify(input);
  const headers: Record<string, string | null> = {
    Host: hostOf(target),
    Origin: `${scheme}://${hostOf(target)}`,
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    ...overrides,
  };
  const sent = Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== null)) as Record<
    string,
    string
  >;
  const options = {
    host: target.address ?? '127.0.0.1',
    port: target.port,
    method: 'POST',
    path: `/api/${method}`,
    headers: sent,
    ca: target.ca,
    servername: scheme === 'https' ? 'localhost' : undefined,
  };
  return new Promise((resolve, reject) => {
    const req = (scheme === 'https' ? https : http).request(options, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          result: JSON.parse(text) as ApiResult,
          text,
          setCookie: res.headers['set-cookie'] ?? [],
        }),
      );
    });
    req.on('error', reject);
    if (target.timeoutMs !== undefined) {
      const ms = target.timeoutMs;
      req.setTimeout(ms, () => req.destroy(new Error(`${method}: no answer within ${ms} ms`)));
    }
    req.end(body);
  });
}

/** One browser: the session cookie it was given, sent with each call, replaced or dropped as the server says. */
export class ServerBrowser {
  cookie: string | null = null;

  constructor(readonly target: ServerTarget) {}

  async call(method: MethodName | string, input: unknown = {}, overrides: HeaderOverrides = {}): Promise<HttpAnswer> {
    const answer = await postApi(this.target, method, input, {
      ...(this.cookie ? { Cookie: this.cookie } : {}),
      ...overrides,
    });
    for (const line of answer.setCookie) {
      const [pair] = line.split(';');
      this.cookie = /Max-Age=0/i.test(line) || pair.endsWith('=') ? null : pair;
    }
    return answer;
  }

  /** The data of a call that must succeed. */
  async ok<T = unknown>(method: MethodName, input: unknown = {}): Promise<T> {
    const answer = await this.call(method, input);
    if (!answer.result.ok) throw new Error(`${method}: ${answer.status} ${answer.text}`);
    return answer.result.data as T;
  }
}

// How the browser host answers: JSON with the security headers, and the raw answer for what Node's parser refused.
import type http from 'node:http';

export const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export interface HostError {
  code: string;
  message: string;
}

export const INTERNAL_ERROR: HostError = { code: 'internal', message: '程序内部出错，数据未改动' };
export const BAD_REQUEST: HostError = { code: 'bad_request', message: '请求的格式不正确，未处理' };
export const BAD_ADDRESS: HostError = { code: 'bad_request', message: '请求的地址格式不正确，未处理' };

function jsonHeaders(text: string, extra: http.OutgoingHttpHeaders = {}): http.OutgoingHttpHeaders {
  return {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...SECURITY_HEADERS,
    ...extra,
  };
}

/** Never throws: an answer that can no longer be given (one is already under way) cuts the connection instead. */
export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  extraHeaders: http.OutgoingHttpHeaders = {},
): void {
  if (res.headersSent || res.writableEnded) {
    res.destroy();
    return;
  }
  let text: string;
  try {
    // before anything is written, so a value JSON cannot carry leaves no half-written answer
    text = JSON.stringify(body);
  } catch (error) {
    console.error('[web-host]', error);
    [status, text] = [500, JSON.stringify({ ok: false, error: INTERNAL_ERROR })];
  }
  res.writeHead(status, jsonHeaders(text, extraHeaders));
  res.end(text);
}

export function sendError(res: http.ServerResponse, status: number, error: HostError): void {
  sendJson(res, status, { ok: false, error });
}

/**
 * The head and body of an answer written straight to the socket with Connection: close, for requests that never
 * became a request object.
 */
export function rawAnswer(status: number, reason: string, error: HostError): string {
  const text = JSON.stringify({ ok: false, error });
  const headers = { ...jsonHeaders(text), Connection: 'close' };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${String(value)}`);
  return `HTTP/1.1 ${status} ${reason}\r\n${lines.join('\r\n')}\r\n\r\n${text}`;
}

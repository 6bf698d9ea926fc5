// Request bodies within a limit, and the 413 for one beyond it.
import type http from 'node:http';
import { SECURITY_HEADERS } from './web-host-http';

export type Body = { kind: 'read'; text: string } | { kind: 'too_large' } | { kind: 'gone' };

/** How long a connection stays open after a 413 for the rest of the oversized body to arrive. */
const LINGER_MS = 10_000;

/**
 * The body as text, or why not: longer than `limit` bytes (declared or sent), or the client left before its end
 * (then nobody is there to answer). Beyond the limit nothing more is kept.
 */
export function readBody(req: http.IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve) => {
    if (Number(req.headers['content-length']) > limit) return resolve({ kind: 'too_large' });
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        chunks.length = 0;
        resolve({ kind: 'too_large' });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve({ kind: 'read', text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => resolve({ kind: 'gone' }));
    req.on('close', () => resolve({ kind: 'gone' }));
  });
}

/**
 * The 413, naming the limit that applied. The whole answer is written at once, but the connection is closed only
 * once the rest of the body has arrived (read and dropped) or after LINGER_MS: a socket closed with unread data
 * is reset, and a reset can take the answer with it before the client has read it.
 */
export function answerTooLarge(req: http.IncomingMessage, res: http.ServerResponse, limit: number): void {
  const megabytes = Math.round(limit / (1024 * 1024));
  const text = JSON.stringify({
    ok: false,
    error: { code: 'payload_too_large', message: `提交的内容过大（超过${megabytes}MB），未保存` },
  });
  res.writeHead(413, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    Connection: 'close',
    ...SECURITY_HEADERS,
  });
  res.write(text);
  const close = () => {
    clearTimeout(timer);
    res.end();
  };
  const timer = setTimeout(close, LINGER_MS).unref();
  req.once('end', close);
  req.once('close', close);
  req.resume();
}

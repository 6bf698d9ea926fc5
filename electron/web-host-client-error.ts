// What Node's HTTP parser refuses (a broken request line, bad headers, an address too long) never becomes a request:
// it is answered here, on the bare connection, after the answers already owed on it.
import type http from 'node:http';
import type https from 'node:https';
import type { Duplex } from 'node:stream';
import { BAD_REQUEST, rawAnswer, type HostError } from './web-host-http';

interface Exchange {
  req: http.IncomingMessage;
  res: http.ServerResponse;
}

const REFUSALS: Record<string, [number, string, HostError]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    { code: 'headers_too_large', message: '请求的地址或请求头过长，未处理' },
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', { code: 'timeout', message: '请求发送超时，未处理' }],
};

/** How long a refused connection may stay open for the client to read the refusal. */
const CLOSE_AFTER_MS = 5_000;

const closed = (res: http.ServerResponse) => new Promise<void>((resolve) => res.once('close', () => resolve()));

export function answerClientErrors(server: http.Server | https.Server): void {
  const open = new WeakMap<Duplex, Set<Exchange>>();
  const refused = new WeakSet<Duplex>();

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const exchanges = open.get(req.socket) ?? new Set<Exchange>();
    open.set(req.socket, exchanges);
    const exchange = { req, res };
    exchanges.add(exchange);
    res.once('close', () => exchanges.delete(exchange));
  });

  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // the parser keeps refusing what still arrives: once answered, the connection waits for its timer
    if (refused.has(socket)) return;
    refused.add(socket);
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    // the answers owed to earlier requests go first, whole; a request whose body was being read when the parser
    // gave up is owed nothing more than this refusal
    const owed = [...(open.get(socket) ?? [])].filter(({ req, res }) => req.complete || res.headersSent);
    const [status, reason, refusal] = REFUSALS[error.code ?? ''] ?? [400, 'Bad Request', BAD_REQUEST];
    void Promise.all(owed.map(({ res }) => closed(res))).then(() => {
      if (socket.writable) socket.end(rawAnswer(status, reason, refusal));
      setTimeout(() => socket.destroy(), CLOSE_AFTER_MS).unref();
    });
  });
}

import net from 'node:net';

// HTTP spoken by hand over a plain socket: the requests a real client would never build (broken request lines,
// bad headers, cut-off bodies), and an honest look at what comes back before the server closes the connection.

export interface RawResponse {
  /** null when no response arrived */
  status: number | null;
  /** lower-cased names */
  headers: Record<string, string>;
  body: string;
  /** complete: a whole response arrived; closed: the server ended the connection; reset, refused, timeout: no more */
  ending: 'complete' | 'closed' | 'reset' | 'refused' | 'timeout' | 'aborted';
  /** the server ended the connection (only waited for with `untilClosed`) */
  closed: boolean;
}

export interface RawOptions {
  /** between the parts, to let the server read each on its own */
  pauseMs?: number;
  /** the client gives up right after writing: the socket is destroyed and nothing is awaited */
  abort?: boolean;
  timeoutMs?: number;
  /** after a whole response, wait for the server to end the connection */
  untilClosed?: boolean;
  /** the request is a HEAD: its answer names a length but carries no body */
  head?: boolean;
}

export function hostHeader(port: number): string {
  return `Host: 127.0.0.1:${port}\r\n`;
}

interface Parsed {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  complete: boolean;
}

function decodeChunked(data: Buffer): { body: Buffer; complete: boolean } {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) return { body: Buffer.concat(parts), complete: false };
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) return { body: Buffer.concat(parts), complete: false };
    if (size === 0) return { body: Buffer.concat(parts), complete: data.length >= lineEnd + 4 };
    if (data.length < lineEnd + 2 + size + 2) return { body: Buffer.concat(parts), complete: false };
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/** The first final response in `data` (interim 1xx responses are skipped), or null before its head is whole. */
function parseResponse(data: Buffer, head = false): Parsed | null {
  let start = 0;
  for (;;) {
    const headEnd = data.indexOf('\r\n\r\n', start);
    if (headEnd < 0) return null;
    const [statusLine, ...lines] = data.subarray(start, headEnd).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN);
    start = headEnd + 4;
    if (status >= 100 && status < 200) continue;
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const rest = data.subarray(start);
    if (head) return { status, headers, body: Buffer.alloc(0), complete: true };
    if (headers['content-length'] !== undefined) {
      const length = Number(headers['content-length']);
      return { status, headers, body: rest.subarray(0, length), complete: rest.length >= length };
    }
    if (/chunked/i.test(headers['transfer-encoding'] ?? '')) return { status, headers, ...decodeChunked(rest) };
    return { status, headers, body: rest, complete: false };
  }
}

/** Writes `parts` to 127.0.0.1:`port` and reads the first response; never rejects. */
export function sendRaw(
  port: number,
  parts: string | Buffer | (string | Buffer)[],
  options: RawOptions = {},
): Promise<RawResponse> {
  const chunks = Array.isArray(parts) ? parts : [parts];
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let settled = false;
    let closed = false;
    const finish = (ending: RawResponse['ending']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const parsed = parseResponse(received, options.head);
      resolve({
        status: parsed?.status ?? null,
        headers: parsed?.headers ?? {},
        body: parsed?.body.toString('utf8') ?? '',
        ending: parsed?.complete ? 'complete' : ending,
        closed,
      });
    };
    const timer = setTimeout(() => finish('timeout'), options.timeoutMs ?? 10_000);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (!options.untilClosed && parseResponse(received, options.head)?.complete) finish('complete');
    });
    socket.on('end', () => {
      closed = true;
      finish('closed');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => finish(error.code === 'ECONNREFUSED' ? 'refused' : 'reset'));
    socket.on('connect', async () => {
      for (const [index, chunk] of chunks.entries()) {
        if (settled) return;
        if (index > 0 && options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
        socket.write(chunk);
      }
      if (options.abort) finish('aborted');
    });
  });
}

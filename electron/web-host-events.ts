// GET /api/events: the changes other clients make, as server-sent events (issue #15, live refresh). One `data:`
// line of JSON per change (services/live/change-event.ts), a comment as heartbeat, the changes a reconnecting
// client missed replayed from the bus's recent ones, and what a 责任单位 user may not see left out.
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import type { AppContext } from './services/app-context';
import { recheckCaller } from './services/auth/sessions';
import type { RequestCaller } from './services/auth/caller';
import type { ChangeEvent } from '../db/model/change-event';
import { eventFor } from './services/live/event-scope';
import { streamSessionLive } from './services/live/stream-session';
import { SECURITY_HEADERS, sendError } from './web-host-http';

export interface EventStreamOptions {
  /** a comment line this often keeps proxies and the browser from thinking the stream dead */
  heartbeatMs?: number;
  /** a client whose unsent backlog grows past this is cut off; its browser reconnects and reloads */
  maxBacklogBytes?: number;
}

export interface EventStreams {
  /** answers one GET /api/events; the caller is the transport's (undefined: a single PC, everything) */
  serve(req: http.IncomingMessage, res: http.ServerResponse, caller: RequestCaller | undefined): Promise<void>;
  /** ends every open stream: the host is closing */
  closeAll(): void;
  readonly open: number;
}

const HEARTBEAT_MS = 25_000;
const MAX_BACKLOG_BYTES = 1024 * 1024;
/** tells a browser how soon to reconnect after the stream ends */
const RECONNECT_MS = 3_000;

/**
 * An event's id is this run's mark and its number: after the server restarts, its numbers start again, and a
 * client that asks with an old run's id is told to reload instead of being given the wrong events.
 */
const RUN = randomBytes(4).toString('hex');

function lastSeenSeq(req: http.IncomingMessage): number | null | undefined {
  const header = req.headers['last-event-id'];
  const asked =
    (typeof header === 'string' ? header : undefined) ??
    new URL(req.url ?? '/', 'http://host').searchParams.get('lastEventId') ??
    undefined;
  if (!asked) return undefined;
  const match = /^([0-9a-f]+)\.(\d+)$/.exec(asked);
  return match && match[1] === RUN ? Number(match[2]) : null;
}

const frame = (event: ChangeEvent) => `id: ${RUN}.${event.seq}\ndata: ${JSON.stringify(event)}\n\n`;

/** Everything may have changed: what a client that missed too much is told, so its screens reload. */
const everything = (seq: number): ChangeEvent => ({
  seq,
  kind: 'library',
  ids: [],
  names: [],
  method: '',
  by: '',
  at: new Date().toISOString(),
});

export function createEventStreams(ctx: AppContext, options: EventStreamOptions = {}): EventStreams {
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const maxBacklog = options.maxBacklogBytes ?? MAX_BACKLOG_BYTES;
  const enders = new Set<() => void>();

  async function serve(req: http.IncomingMessage, res: http.ServerResponse, given: RequestCaller | undefined) {
    if (req.method !== 'GET') {
      return sendError(res, 405, { code: 'method_not_allowed', message: '请使用 GET 订阅变更' });
    }
    let caller = given;
    if (caller && !caller.user) return sendError(res, 401, { code: 'unauthenticated', message: '请先登录' });
    try {
      if (caller?.user) caller = await recheckCaller(ctx.store, caller);
    } catch {
      return sendError(res, 401, { code: 'unauthenticated', message: '登录已失效，请重新登录' });
    }
    const bus = ctx.changes;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
      ...SECURITY_HEADERS,
    });
    const seen = lastSeenSeq(req);
    // a new client starts from now: with that id, a reconnect gets what it missed while away
    res.write(`retry: ${RECONNECT_MS}\n${seen === undefined ? `id: ${RUN}.${bus.lastSeq}\n` : ''}\n`);

    let ended = false;
    // events go out in order even though a unit user's are each checked against the database first
    let sending: Promise<void> = Promise.resolve();
    const send = (event: ChangeEvent) => {
      sending = sending.then(async () => {
        if (ended) return;
        const visible = await eventFor(ctx.store, event, caller).catch((error: unknown) => {
          console.error('[live] could not scope an event', error);
          return null;
        });
        if (!visible || ended) return;
        if (res.writableLength > maxBacklog) {
          // a client that does not read: better it reconnects and reloads than the host holds its backlog
          end(true);
          return;
        }
        res.write(frame(visible));
      });
    };
    const missed = seen === undefined ? [] : seen === null ? null : bus.since(seen);
    const unsubscribe = bus.subscribe(send);
    if (missed === null) send(everything(bus.lastSeq));
    else missed.forEach(send);

    const heartbeat = setInterval(() => {
      res.write(': \n\n');
      if (caller?.user) {
        // a session the admin ended, a logout elsewhere, an idle expiry: its stream ends too
        streamSessionLive(ctx.store, caller).then(
          (live) => live || end(false),
          () => undefined,
        );
      }
    }, heartbeatMs);
    heartbeat.unref();

    function end(cut: boolean) {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      unsubscribe();
      enders.delete(ender);
      if (cut) res.destroy();
      else res.end();
    }
    const ender = () => end(false);
    enders.add(ender);
    res.on('close', ender);
    req.on('close', ender);
  }

  return {
    serve,
    closeAll() {
      for (const end of [...enders]) end();
    },
    get open() {
      return enders.size;
    },
  };
}

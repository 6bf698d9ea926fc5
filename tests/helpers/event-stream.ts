import http from 'node:http';
import type { ChangeEvent } from '../../db/model/change-event';

// A client of GET /api/events as a test holds it: the answer's status and headers, the events as they come,
// and whether the host ended the stream.

export interface EventStreamClient {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** every event received so far, in order */
  events: ChangeEvent[];
  /** the `id:` of the last event */
  lastId: string | null;
  /** the raw text so far (heartbeats included) */
  text(): string;
  /** the first event received (or receiving) that matches */
  next(match: (event: ChangeEvent) => boolean): Promise<ChangeEvent>;
  /** the JSON body of a refusal (status other than 200) */
  body(): unknown;
  /** settles when the host has ended the stream */
  ended: Promise<void>;
  close(): void;
}

export function openEventStream(
  port: number,
  headers: Record<string, string> = {},
  path = '/api/events',
): Promise<EventStreamClient> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}`, ...headers } });
    req.on('error', reject);
    req.on('response', (res) => {
      let raw = '';
      let pending = '';
      const waiters: { match: (event: ChangeEvent) => boolean; resolve: (event: ChangeEvent) => void }[] = [];
      let endedResolve: () => void = () => undefined;
      const client: EventStreamClient = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        events: [],
        lastId: null,
        text: () => raw,
        next(match) {
          const found = client.events.find(match);
          if (found) return Promise.resolve(found);
          return new Promise((resolveEvent) => waiters.push({ match, resolve: resolveEvent }));
        },
        body: () => JSON.parse(raw) as unknown,
        ended: new Promise<void>((resolveEnded) => (endedResolve = resolveEnded)),
        close: () => req.destroy(),
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        raw += chunk;
        pending += chunk;
        let cut: number;
        while ((cut = pending.indexOf('\n\n')) >= 0) {
          const block = pending.slice(0, cut);
          pending = pending.slice(cut + 2);
          const lines = block.split('\n');
          const id = lines.find((line) => line.startsWith('id: '));
          if (id) client.lastId = id.slice(4);
          const data = lines.find((line) => line.startsWith('data: '));
          if (!data) continue;
          const event = JSON.parse(data.slice(6)) as ChangeEvent;
          client.events.push(event);
          for (const waiter of [...waiters]) {
            if (!waiter.match(event)) continue;
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(event);
          }
        }
      });
      res.on('end', () => endedResolve());
      res.on('close', () => endedResolve());
      resolve(client);
    });
  });
}

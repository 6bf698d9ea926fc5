import type { ChangeEvent } from '../../db/model/change-event';
import { takeOwn } from './own-writes';

// One stream of the server's changes per window (GET /api/events), opened while a screen listens. The browser
// reconnects by itself after a lost connection, asking from the last change it saw; a refusal (not logged in
// yet, the server restarting) closes the stream, and it is opened again a little later, from the same change.

export type ChangeListener = (event: ChangeEvent) => void;

const REOPEN_AFTER_MS = 5_000;
const listeners = new Set<ChangeListener>();
let source: EventSource | null = null;
let reopening: ReturnType<typeof setTimeout> | null = null;
let lastEventId = '';

function open(): void {
  if (source || typeof EventSource === 'undefined') return;
  const url = lastEventId ? `api/events?lastEventId=${encodeURIComponent(lastEventId)}` : 'api/events';
  const stream = new EventSource(url);
  source = stream;
  stream.onmessage = (message: MessageEvent<string>) => {
    if (message.lastEventId) lastEventId = message.lastEventId;
    let event: ChangeEvent;
    try {
      event = JSON.parse(message.data) as ChangeEvent;
    } catch {
      return;
    }
    if (takeOwn(event)) return;
    for (const listener of [...listeners]) listener(event);
  };
  stream.onerror = () => {
    if (stream.readyState !== EventSource.CLOSED) return;
    source = null;
    reopening ??= setTimeout(() => {
      reopening = null;
      if (listeners.size) open();
    }, REOPEN_AFTER_MS);
  };
}

function close(): void {
  source?.close();
  source = null;
  if (reopening) clearTimeout(reopening);
  reopening = null;
}

/** Changes other windows and other clerks make; returns the function that stops listening. */
export function listenToChanges(listener: ChangeListener): () => void {
  listeners.add(listener);
  open();
  return () => {
    listeners.delete(listener);
    if (!listeners.size) close();
  };
}

import type { ChangeDraft, ChangeEvent } from '../../../db/model/change-event';

// The app server's changes, in order: what every transport's write publishes (contract.ts) and every open event
// stream hears (web-host-events.ts). A few recent events are kept so a client that reconnects gets what it
// missed; one that missed more than that reloads its screen instead.

export type ChangeListener = (event: ChangeEvent) => void;

export interface ChangeBus {
  /**
   * Numbers the change and tells every listener, at once and in order. `relayed`: it was made on another app
   * server on the same database, which has told its own listeners and the other servers already.
   */
  publish(draft: ChangeDraft, relayed?: boolean): ChangeEvent;
  /** where this server's own changes go besides its listeners: the other app servers (database-relay.ts) */
  shareWith(send: ((draft: ChangeDraft) => void) | null): void;
  /** returns the function that stops listening */
  subscribe(listener: ChangeListener): () => void;
  /** the events after `seq`, oldest first; null when some of them are no longer kept */
  since(seq: number): ChangeEvent[] | null;
  readonly lastSeq: number;
  readonly listenerCount: number;
}

export const KEPT_EVENTS = 256;

export function createChangeBus(kept = KEPT_EVENTS): ChangeBus {
  const recent: ChangeEvent[] = [];
  const listeners = new Set<ChangeListener>();
  let lastSeq = 0;
  let share: ((draft: ChangeDraft) => void) | null = null;
  return {
    publish(draft, relayed = false) {
      if (!relayed) share?.(draft);
      const event: ChangeEvent = { seq: ++lastSeq, ...draft };
      recent.push(event);
      if (recent.length > kept) recent.shift();
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          // one stream's trouble is never the writer's nor another stream's
          console.error('[live] a listener failed', error);
        }
      }
      return event;
    },
    shareWith(send) {
      share = send;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    since(seq) {
      if (seq === lastSeq) return [];
      if (seq > lastSeq) return null;
      const oldest = recent[0]?.seq ?? lastSeq + 1;
      if (seq + 1 < oldest) return null;
      return recent.filter((event) => event.seq > seq);
    },
    get lastSeq() {
      return lastSeq;
    },
    get listenerCount() {
      return listeners.size;
    },
  };
}

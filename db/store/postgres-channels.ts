import pg from 'pg';
import type { ChannelListener, StoreChannels } from './store';

// Messages between the app servers on one database: PostgreSQL's NOTIFY, heard on a connection of its own that
// LISTENs (a pooled connection goes back to the pool between statements and would stop hearing). A listening
// connection that is lost is opened again by itself; what was said meanwhile is lost, and the listener is told so.

/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more */
export const MAX_PAYLOAD_BYTES = 7_900;
const RECONNECT_MS = 2_000;
const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function checkedChannel(channel: string): string {
  if (!CHANNEL_NAME.test(channel)) throw new Error(`not a channel name: ${channel}`);
  return channel;
}

export function postgresChannels(url: string, pool: pg.Pool): StoreChannels {
  const listeners = new Set<ChannelListener>();

  function listen(channel: string, onMessage: (payload: string | null) => void): ChannelListener {
    const name = checkedChannel(channel);
    let client: pg.Client | null = null;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let heardBefore = false;
    let markReady!: () => void;
    const ready = new Promise<void>((resolve) => (markReady = resolve));

    const connect = async () => {
      retry = null;
      if (stopped) return;
      const next = new pg.Client({ connectionString: url });
      next.on('notification', (message) => {
        if (message.channel === name) onMessage(message.payload ?? '');
      });
      next.on('error', () => lost(next));
      next.on('end', () => lost(next));
      try {
        await next.connect();
        await next.query(`LISTEN ${name}`);
      } catch {
        lost(next);
        return;
      }
      if (stopped) {
        await next.end().catch(() => undefined);
        return;
      }
      client = next;
      if (heardBefore) onMessage(null);
      heardBefore = true;
      markReady();
    };
    const lost = (which: pg.Client) => {
      if (client && client !== which) return;
      client = null;
      which.end().catch(() => undefined);
      if (!stopped && !retry) retry = setTimeout(() => void connect(), RECONNECT_MS);
    };
    void connect();

    const listener: ChannelListener = {
      ready,
      async stop() {
        stopped = true;
        listeners.delete(listener);
        if (retry) clearTimeout(retry);
        const open = client;
        client = null;
        await open?.end().catch(() => undefined);
      },
    };
    listeners.add(listener);
    return listener;
  }

  return {
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [checkedChannel(channel), payload]);
    },
    listen,
    async close() {
      for (const listener of [...listeners]) await listener.stop();
    },
  };
}

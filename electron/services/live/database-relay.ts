import { randomUUID } from 'node:crypto';
import type { ChangeDraft } from '../../../db/model/change-event';
import type { ChannelListener, StoreChannels } from '../../../db/store/store';
import type { ChangeBus } from './change-bus';

// Several app servers on one PostgreSQL database: each tells the others of its changes through the database
// (NOTIFY on one channel), so a clerk on one server sees what a clerk on another saved. Each server numbers the
// changes it hears in its own order; a server that lost its listening connection tells its clients to reload.

export const CHANGES_CHANNEL = 'zdxm_changes';

interface Message {
  /** the server that made the change: it has told its own clients, and ignores its own message */
  from: string;
  change: ChangeDraft;
}

/** A message too long for NOTIFY goes without its ids and names: screens reload whole, units get a bare refresh. */
function messageText(message: Message, limit: number): string {
  const text = JSON.stringify(message);
  if (Buffer.byteLength(text) < limit) return text;
  return JSON.stringify({ ...message, change: { ...message.change, ids: [], names: [] } });
}

function parsed(payload: string): Message | null {
  try {
    const message = JSON.parse(payload) as Partial<Message>;
    return typeof message.from === 'string' && message.change ? (message as Message) : null;
  } catch {
    return null;
  }
}

export function relayChanges(bus: ChangeBus, channels: StoreChannels, limit = 7_900): ChannelListener {
  const self = randomUUID();
  const listener = channels.listen(CHANGES_CHANNEL, (payload) => {
    if (payload === null) {
      // the connection was lost for a while: whatever the others said then is unknown
      bus.publish({ kind: 'library', ids: [], names: [], method: '', by: '', at: new Date().toISOString() }, true);
      return;
    }
    const message = parsed(payload);
    if (message && message.from !== self) bus.publish(message.change, true);
  });
  bus.shareWith((change) => {
    channels.notify(CHANGES_CHANNEL, messageText({ from: self, change }, limit)).catch((error: unknown) => {
      console.error('[live] the other app servers could not be told of a change', error);
    });
  });
  return {
    ready: listener.ready,
    async stop() {
      bus.shareWith(null);
      await listener.stop();
    },
  };
}

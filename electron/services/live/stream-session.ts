import { sessionById } from '../../../db/queries/sessions';
import { userById } from '../../../db/queries/users';
import type { Store } from '../../../db/store/store';
import { IDLE_EXPIRY_MS } from '../auth/sessions';
import type { Caller } from '../auth/caller';

/**
 * Whether an open event stream's session still stands: not ended (logout, the admin, a password change), not
 * idle too long, its user not disabled. Only read, never touched: a tab left open is not activity, and must not
 * keep its session from expiring.
 */
export async function streamSessionLive(store: Store, caller: Caller, now = Date.now()): Promise<boolean> {
  const session = await sessionById(store, caller.sessionId);
  if (!session || session.endedAt !== null || session.userId !== caller.user.id) return false;
  if (now - session.lastSeenAt > IDLE_EXPIRY_MS) return false;
  const user = await userById(store, session.userId);
  return Boolean(user && !user.disabled);
}

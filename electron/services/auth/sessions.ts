import { AppError } from '../../../db/errors';
import {
  endSession,
  endSessionsOf,
  sessionById,
  sessionByTokenHash,
  touchSession,
  type StoredSession,
} from '../../../db/queries/sessions';
import { writeAudit } from '../../../db/queries/audit';
import type { WriteMeta } from '../../../db/queries/projects-write';
import { userById } from '../../../db/queries/users';
import type { Store } from '../../../db/store/store';
import type { Caller } from './caller';
import { tokenHash } from './tokens';
import { userView } from './user-view';

/** A session unused this long is over: a PC left logged in overnight asks for the password in the morning. */
export const IDLE_EXPIRY_MS = 8 * 60 * 60 * 1000;
/** last_seen is written at most this often, so that reads do not each write a row */
export const TOUCH_INTERVAL_MS = 60 * 1000;

const unauthenticated = (message: string) => new AppError('unauthenticated', message);
const ENDED = '登录已失效，请重新登录';
const EXPIRED = '长时间未操作，登录已过期，请重新登录';

/** The caller of a live session, touched; an ended, idle or disabled one is refused (and an idle one ended). */
async function liveCaller(
  store: Store,
  session: StoredSession | undefined,
  address: string,
  now: number,
): Promise<Caller> {
  if (!session || session.endedAt !== null) throw unauthenticated(ENDED);
  if (now - session.lastSeenAt > IDLE_EXPIRY_MS) {
    await store.transaction(() => endSession(store, session.id, 'expired', now), { idempotent: true });
    throw unauthenticated(EXPIRED);
  }
  const user = await userById(store, session.userId);
  if (!user || user.disabled) throw unauthenticated(ENDED);
  if (now - session.lastSeenAt >= TOUCH_INTERVAL_MS) {
    try {
      await store.transaction(() => touchSession(store, session.id, now), { idempotent: true });
    } catch (error) {
      // last seen only keeps an idle session from expiring: a read is not refused because it could not be written
      // (a full disk, the writers busy); the next request writes it
      console.error('could not note the session as seen', error);
    }
  }
  return { user: userView(user, now), sessionId: session.id, address };
}

/** The caller whose cookie carries `token`; `unauthenticated` when there is none, or it is over. */
export async function authenticate(store: Store, token: string, address: string, now = Date.now()): Promise<Caller> {
  return liveCaller(store, await sessionByTokenHash(store, tokenHash(token)), address, now);
}

/**
 * The caller a transport hands to the contract, checked again against the store: a session the admin ended,
 * or one gone with a restore (whose ids may be handed out again), no longer calls anything.
 */
export async function recheckCaller(store: Store, caller: Caller, now = Date.now()): Promise<Caller> {
  const session = await sessionById(store, caller.sessionId);
  if (session && session.userId !== caller.user.id) throw unauthenticated(ENDED);
  return liveCaller(store, session, caller.address, now);
}

export async function logout(store: Store, sessionId: number, now = Date.now()): Promise<void> {
  await store.transaction(() => endSession(store, sessionId, 'logout', now), { idempotent: true });
}

/** The admin ends every session of a user; answers how many were open. */
export async function endSessionsByAdmin(
  store: Store,
  userId: number,
  meta: WriteMeta | null = null,
  now = Date.now(),
): Promise<number> {
  return store.transaction(
    async () => {
      const ended = await endSessionsOf(store, userId, 'admin', now);
      if (meta && ended > 0) await auditSessionsEnded(store, userId, ended, meta);
      return ended;
    },
    { idempotent: true },
  );
}

/** The admin ends one session (在线会话 › 结束); answers 1, or 0 when it had already ended. */
export async function endSessionByAdmin(
  store: Store,
  sessionId: number,
  meta: WriteMeta | null = null,
  now = Date.now(),
): Promise<number> {
  return store.transaction(
    async () => {
      const ended = await endSession(store, sessionId, 'admin', now);
      const session = ended > 0 && meta ? await sessionById(store, sessionId) : undefined;
      if (session && meta) await auditSessionsEnded(store, session.userId, ended, meta, session.clientAddress);
      return ended;
    },
    { idempotent: true },
  );
}

/** 变更记录 keeps that the admin ended someone's sessions, as it keeps every other change to an account. */
async function auditSessionsEnded(
  store: Store,
  userId: number,
  ended: number,
  meta: WriteMeta,
  clientAddress?: string,
): Promise<void> {
  const what = clientAddress ? `（已结束${clientAddress}上的会话）` : `（已结束${ended}个会话）`;
  await writeAudit(
    store,
    {
      operator: meta.operator,
      entity: 'user',
      entityId: userId,
      action: 'update',
      changes: [{ field: 'sessions', oldValue: null, newValue: what }],
    },
    meta.now,
  );
}

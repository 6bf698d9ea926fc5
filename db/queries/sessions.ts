import { sql } from '../sql';
import type { Store } from '../store/store';
import type { OpenSessionView } from '../model/roles';

// Server-side sessions (migration 0110): a row per login, found by the SHA-256 of its token, never the token.

export type SessionEnd = 'logout' | 'expired' | 'admin' | 'password';

export interface StoredSession {
  id: number;
  userId: number;
  createdAt: number;
  lastSeenAt: number;
  endedAt: number | null;
  endReason: SessionEnd | null;
  clientAddress: string;
}

interface SessionRow {
  id: number;
  user_id: number;
  created_at: number;
  last_seen_at: number;
  ended_at: number | null;
  end_reason: SessionEnd | null;
  client_address: string;
}

const fromRow = (row: SessionRow): StoredSession => ({
  id: row.id,
  userId: row.user_id,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  endedAt: row.ended_at,
  endReason: row.end_reason,
  clientAddress: row.client_address,
});

export async function insertSession(
  store: Store,
  session: { tokenHash: string; userId: number; clientAddress: string },
  now: number,
): Promise<number> {
  return store.insert(sql`INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, client_address)
    VALUES (${session.tokenHash}, ${session.userId}, ${now}, ${now}, ${session.clientAddress})`);
}

export async function sessionByTokenHash(store: Store, tokenHash: string): Promise<StoredSession | undefined> {
  const row = await store.get<SessionRow>(sql`SELECT * FROM sessions WHERE token_hash = ${tokenHash}`);
  return row && fromRow(row);
}

export async function sessionById(store: Store, id: number): Promise<StoredSession | undefined> {
  const row = await store.get<SessionRow>(sql`SELECT * FROM sessions WHERE id = ${id}`);
  return row && fromRow(row);
}

/** The sessions not ended, with their users, last seen first (an idle one counts until a request ends it). */
export async function openSessions(store: Store): Promise<OpenSessionView[]> {
  return store.all<OpenSessionView>(sql`SELECT s.id, s.user_id AS "userId", u.login, u.display_name AS "displayName",
      u.role, s.client_address AS "clientAddress", s.created_at AS "createdAt", s.last_seen_at AS "lastSeenAt"
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.ended_at IS NULL ORDER BY s.last_seen_at DESC, s.id DESC`);
}

export async function touchSession(store: Store, id: number, now: number): Promise<void> {
  await store.run(sql`UPDATE sessions SET last_seen_at = ${now} WHERE id = ${id} AND ended_at IS NULL`);
}

export async function endSession(store: Store, id: number, reason: SessionEnd, now: number): Promise<number> {
  return store.run(
    sql`UPDATE sessions SET ended_at = ${now}, end_reason = ${reason} WHERE id = ${id} AND ended_at IS NULL`,
  );
}

/** Ends a user's open sessions, but `keep` (the one changing its own password); answers how many ended. */
export async function endSessionsOf(
  store: Store,
  userId: number,
  reason: SessionEnd,
  now: number,
  keep: number | null = null,
): Promise<number> {
  return store.run(sql`UPDATE sessions SET ended_at = ${now}, end_reason = ${reason}
    WHERE user_id = ${userId} AND ended_at IS NULL AND id <> ${keep ?? 0}`);
}

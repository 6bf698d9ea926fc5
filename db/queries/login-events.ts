import { sql, sqlFragment } from '../sql';
import type { Store } from '../store/store';
import type { LoginEventView, LoginOutcome } from '../model/roles';

// The login history (migration 0110): every attempt, its outcome and where it came from.

export type { LoginOutcome } from '../model/roles';

export interface LoginEvent {
  id: number;
  at: number;
  login: string;
  userId: number | null;
  outcome: LoginOutcome;
  clientAddress: string;
}

export async function recordLoginEvent(store: Store, event: Omit<LoginEvent, 'id'>): Promise<void> {
  await store.run(sql`INSERT INTO login_events (at, login, user_id, outcome, client_address)
    VALUES (${event.at}, ${event.login}, ${event.userId}, ${event.outcome}, ${event.clientAddress})`);
}

export interface LoginEventFilter {
  /** part of the login name, already in its normal form (lower case, trimmed) */
  login: string;
  onlyFailures: boolean;
  limit: number;
}

/** The newest attempts first, with the account's display name; `%` and `_` in the filter mean themselves. */
export async function recentLoginEvents(store: Store, filter: LoginEventFilter): Promise<LoginEventView[]> {
  const pattern = `%${filter.login.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const failures = filter.onlyFailures ? sqlFragment`AND e.outcome <> 'ok'` : sqlFragment``;
  return store.all<LoginEventView>(sql`SELECT e.id, e.at, e.login, u.display_name AS "displayName", e.outcome,
      e.client_address AS "clientAddress"
    FROM login_events e LEFT JOIN users u ON u.id = e.user_id
    WHERE e.login LIKE ${pattern} ESCAPE '\\' ${failures}
    ORDER BY e.at DESC, e.id DESC LIMIT ${filter.limit}`);
}

import { sql } from '../sql';
import type { Store } from '../store/store';

// The login history (migration 0110): every attempt, its outcome and where it came from.

/** `lockout`: the failure that locked the account; `locked`: an attempt refused while it was locked. */
export type LoginOutcome = 'ok' | 'wrong_password' | 'lockout' | 'locked' | 'disabled' | 'unknown_user';

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

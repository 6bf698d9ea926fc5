import { createContext, useCallback, useContext } from 'react';
import { mayCall } from '../../../electron/access/may-call';
import type { MethodName } from '../../../electron/api-spec';
import type { UserView } from '../../../db/model/roles';

export interface SessionValue {
  /** who is logged in to the office server; null on a single PC, where no one logs in */
  user: UserView | null;
  signOut(): Promise<void>;
}

const SINGLE_PC: SessionValue = { user: null, signOut: async () => {} };

export const SessionContext = createContext<SessionValue>(SINGLE_PC);

export function useSession(): SessionValue {
  return useContext(SessionContext);
}

/**
 * Whether the logged-in user's role may call a method (electron/access/policy.ts, the server's own table):
 * what answers false is hidden or disabled. Always true on a single PC.
 */
export function useMayCall(): (method: MethodName) => boolean {
  const role = useSession().user?.role ?? null;
  return useCallback((method: MethodName) => mayCall(role, method), [role]);
}

import type { Role } from '../../db/model/roles';
import type { MethodName } from '../api-spec';
import { POLICY, type Rule } from './policy';

/**
 * Whether a role may call a method at all, read from the policy table: the renderer hides or disables what
 * the user may not do with it. The server checks again on every call (authorize.ts), and a unit user's scope
 * (which projects) only there. `null` is the single PC, where no one logs in and every method is open.
 */
export function mayCall(role: Role | null, method: MethodName): boolean {
  if (role === null) return true;
  const rule = POLICY[method] as Rule<unknown>;
  return Boolean(rule.public || rule.signedIn || rule.roles?.includes(role));
}

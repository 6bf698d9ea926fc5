import type { UserView } from '../../../db/model/roles';
import type { StoredUser } from '../../../db/queries/users';

export type { UserView } from '../../../db/model/roles';

export function userView(user: StoredUser, now: number): UserView {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
    mustChangePassword: user.mustChangePassword,
    disabled: user.disabled,
    lockedUntil: user.lockedUntil !== null && user.lockedUntil > now ? user.lockedUntil : null,
  };
}

/** Login names compare without surrounding spaces and ASCII case: “ZhangSan” and “zhangsan” are one account. */
export function normalLogin(login: string): string {
  return login.trim().replace(/[A-Z]/g, (c) => c.toLowerCase());
}

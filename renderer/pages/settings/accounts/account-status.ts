import { format } from 'date-fns';
import type { UserView } from '../../../../db/model/roles';

/** 状态 as the users table shows it: 停用 before 锁定, since a disabled account cannot log in either way. */
export function accountStatus(user: UserView): string {
  if (user.disabled) return '停用';
  if (user.lockedUntil !== null) return `锁定至 ${format(user.lockedUntil, 'HH:mm')}`;
  return '正常';
}

/** A time of the sessions and the login history: the day and the minute, in the office's clock. */
export function shownTime(ms: number): string {
  return format(ms, 'yyyy-MM-dd HH:mm');
}

const PASSWORD_LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** An initial password to read out or write down: 10 letters and digits, none that look alike (l, 1, O, 0). */
export function randomPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return Array.from(bytes, (b) => PASSWORD_LETTERS[b % PASSWORD_LETTERS.length]).join('');
}

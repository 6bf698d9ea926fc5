import { AppError } from '../../../db/errors';
import { recordLoginEvent, type LoginOutcome } from '../../../db/queries/login-events';
import { insertSession } from '../../../db/queries/sessions';
import { updateUser, userById, userByLogin, type StoredUser } from '../../../db/queries/users';
import type { Store } from '../../../db/store/store';
import { spendCheckTime, verifyPassword } from './password';
import { newSessionToken, tokenHash } from './tokens';
import { auditUser, shownOf } from './user-audit';
import { normalLogin, userView, type UserView } from './user-view';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60 * 1000;

// What a refused login says. A wrong password and a login that does not exist answer alike, so the form
// cannot be used to find out who has an account. A locked account says so, to anyone: after five failures its
// owner must learn why their right password is refused (or they try on and call the admin for nothing), and
// all it tells a stranger is that a login they already guessed five times exists. A disabled account says so
// only to whoever gives its right password: the owner, who then knows whom to ask.
const WRONG = '登录名或密码不正确';
const DISABLED = '该账户已停用，请联系管理员';
const lockedMessage = (until: number, now: number) => {
  const minutes = Math.max(1, Math.ceil((until - now) / 60_000));
  return `该账户因连续 ${MAX_FAILED_LOGINS} 次密码错误已暂时锁定，请约 ${minutes} 分钟后再试，或请管理员解锁`;
};

export interface LoginAttempt {
  login: string;
  password: string;
  address: string;
}

export interface LoggedIn {
  /** goes to the client (a cookie, later); the server keeps only its hash */
  token: string;
  sessionId: number;
  user: UserView;
}

const SYSTEM = '（系统：登录失败锁定）';

async function record(
  store: Store,
  attempt: LoginAttempt,
  login: string,
  userId: number | null,
  outcome: LoginOutcome,
  now: number,
) {
  await recordLoginEvent(store, { at: now, login, userId, outcome, clientAddress: attempt.address });
}

/** A failure counted against the account, inside the transaction; answers the refusal to give. */
async function countFailure(store: Store, user: StoredUser, attempt: LoginAttempt, now: number): Promise<AppError> {
  const failed = user.failedLogins + 1;
  if (failed < MAX_FAILED_LOGINS) {
    await updateUser(store, user.id, { failedLogins: failed }, now);
    await record(store, attempt, user.login, user.id, 'wrong_password', now);
    return new AppError('login_failed', WRONG);
  }
  const lockedUntil = now + LOCK_MS;
  await updateUser(store, user.id, { failedLogins: 0, lockedUntil }, now);
  await record(store, attempt, user.login, user.id, 'lockout', now);
  await auditUser(store, user.id, shownOf(user), shownOf({ ...user, lockedUntil }), {
    operator: SYSTEM,
    now: new Date(now).toISOString(),
  });
  return new AppError('account_locked', lockedMessage(lockedUntil, now));
}

/**
 * Checks a login and opens a session. Every attempt is logged, refused ones too; a refusal is thrown only
 * after its record is committed.
 */
export async function login(store: Store, attempt: LoginAttempt, now = Date.now()): Promise<LoggedIn> {
  const name = normalLogin(attempt.login);
  const found = name ? await userByLogin(store, name) : undefined;
  if (!found) {
    await spendCheckTime(attempt.password);
    await store.transaction(() => record(store, attempt, name.slice(0, 100), null, 'unknown_user', now), {
      idempotent: true,
    });
    throw new AppError('login_failed', WRONG);
  }
  const locked = found.lockedUntil !== null && found.lockedUntil > now;
  const right =
    !locked && (await verifyPassword(attempt.password, { hash: found.passwordHash, salt: found.passwordSalt }));
  const outcome = await store.transaction(
    async (): Promise<LoggedIn | AppError> => {
      // read again inside the transaction: another attempt may have counted a failure meanwhile
      const user = (await userById(store, found.id))!;
      if (user.lockedUntil !== null && user.lockedUntil > now) {
        await record(store, attempt, user.login, user.id, 'locked', now);
        return new AppError('account_locked', lockedMessage(user.lockedUntil, now));
      }
      if (!right) {
        if (user.disabled) {
          await record(store, attempt, user.login, user.id, 'disabled', now);
          return new AppError('login_failed', WRONG);
        }
        return countFailure(store, user, attempt, now);
      }
      if (user.disabled) {
        await record(store, attempt, user.login, user.id, 'disabled', now);
        return new AppError('account_disabled', DISABLED);
      }
      if (user.failedLogins || user.lockedUntil !== null) {
        await updateUser(store, user.id, { failedLogins: 0, lockedUntil: null }, now);
      }
      const token = newSessionToken();
      const sessionId = await insertSession(
        store,
        { tokenHash: tokenHash(token), userId: user.id, clientAddress: attempt.address },
        now,
      );
      await record(store, attempt, user.login, user.id, 'ok', now);
      return { token, sessionId, user: userView({ ...user, failedLogins: 0, lockedUntil: null }, now) };
    },
    { idempotent: true },
  );
  if (outcome instanceof AppError) throw outcome;
  return outcome;
}

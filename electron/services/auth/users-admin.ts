import { AppError } from '../../../db/errors';
import type { Role } from '../../../db/model/roles';
import { endSessionsOf } from '../../../db/queries/sessions';
import type { WriteMeta } from '../../../db/queries/projects-write';
import {
  countActiveAdmins,
  insertUser,
  listUsers,
  unitIsCurrent,
  updateUser,
  userById,
  userByLogin,
  type StoredUser,
  type UserChanges,
} from '../../../db/queries/users';
import type { Store } from '../../../db/store/store';
import { checkNewPassword, hashPassword } from './password';
import { auditUser, shownOf } from './user-audit';
import { normalLogin, userView, type UserView } from './user-view';

// The admin's work on accounts. Each change is one transaction with its lines in 变更记录; a password set by
// the admin (new account, reset) must be changed by its owner at the next login.

const ms = (meta: WriteMeta) => Date.parse(meta.now);

export async function usersList(store: Store, now = Date.now()): Promise<UserView[]> {
  return (await listUsers(store)).map((user) => userView(user, now));
}

async function existing(store: Store, id: number): Promise<StoredUser> {
  const user = await userById(store, id);
  if (!user) throw new AppError('not_found', '没有这个账户，可能已被其他管理员修改，请刷新后再试');
  return user;
}

async function checkScope(store: Store, role: Role, unitId: number | null): Promise<number | null> {
  if (role !== 'unit') return null;
  if (unitId === null) throw new AppError('invalid_input', '责任单位账户须选择所属单位', 'unitId');
  if (!(await unitIsCurrent(store, unitId))) throw new AppError('invalid_input', '所选单位不存在或已停用', 'unitId');
  return unitId;
}

/** The last admin who can log in keeps the role and the account: otherwise no one could manage accounts. */
async function keepAnAdmin(store: Store, user: StoredUser, after: { role: Role; disabled: boolean }) {
  const losesAdmin = user.role === 'admin' && !user.disabled && (after.role !== 'admin' || after.disabled);
  if (losesAdmin && (await countActiveAdmins(store)) <= 1) {
    throw new AppError('invalid_input', '这是最后一个可用的管理员账户，不能停用或改为其他角色');
  }
}

export interface NewAccount {
  login: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  password: string;
}

export async function createAccount(store: Store, input: NewAccount, meta: WriteMeta): Promise<UserView> {
  const login = normalLogin(input.login);
  checkNewPassword(login, input.password);
  const { hash, salt } = await hashPassword(input.password);
  return store.transaction(
    async () => {
      if (await userByLogin(store, login)) throw new AppError('invalid_input', `登录名“${login}”已被使用`, 'login');
      const unitId = await checkScope(store, input.role, input.unitId);
      const id = await insertUser(
        store,
        {
          login,
          displayName: input.displayName,
          role: input.role,
          unitId,
          passwordHash: hash,
          passwordSalt: salt,
          mustChangePassword: true,
        },
        ms(meta),
      );
      const user = (await userById(store, id))!;
      await auditUser(store, id, null, shownOf(user), meta, '设置');
      return userView(user, ms(meta));
    },
    { idempotent: true },
  );
}

export interface AccountChanges {
  id: number;
  displayName?: string;
  role?: Role;
  unitId?: number | null;
}

/** Name, role and unit; a changed role or unit ends the account's sessions, so the next request logs in anew. */
export async function updateAccount(store: Store, input: AccountChanges, meta: WriteMeta): Promise<UserView> {
  return store.transaction(
    async () => {
      const user = await existing(store, input.id);
      const role = input.role ?? user.role;
      const unitId = await checkScope(store, role, input.unitId === undefined ? user.unitId : input.unitId);
      await keepAnAdmin(store, user, { role, disabled: user.disabled });
      const changes: UserChanges = { displayName: input.displayName ?? user.displayName, role, unitId };
      await updateUser(store, user.id, changes, ms(meta));
      const after = (await userById(store, user.id))!;
      if (after.role !== user.role || after.unitId !== user.unitId)
        await endSessionsOf(store, user.id, 'admin', ms(meta));
      await auditUser(store, user.id, shownOf(user), shownOf(after), meta);
      return userView(after, ms(meta));
    },
    { idempotent: true },
  );
}

/** A new password chosen by the admin: the lock is lifted, sessions end, and the owner must change it. */
export async function resetAccountPassword(
  store: Store,
  id: number,
  password: string,
  meta: WriteMeta,
): Promise<UserView> {
  const { hash, salt } = await hashPassword(password);
  return store.transaction(
    async () => {
      const user = await existing(store, id);
      checkNewPassword(user.login, password);
      await updateUser(
        store,
        id,
        { passwordHash: hash, passwordSalt: salt, mustChangePassword: true, failedLogins: 0, lockedUntil: null },
        ms(meta),
      );
      await endSessionsOf(store, id, 'admin', ms(meta));
      const after = (await userById(store, id))!;
      await auditUser(store, id, shownOf(user), shownOf(after), meta, '重设');
      return userView(after, ms(meta));
    },
    { idempotent: true },
  );
}

/** Disables (ending its sessions) or enables an account; the history keeps it, so it is never deleted. */
export async function setAccountDisabled(
  store: Store,
  id: number,
  disabled: boolean,
  meta: WriteMeta,
): Promise<UserView> {
  return store.transaction(
    async () => {
      const user = await existing(store, id);
      await keepAnAdmin(store, user, { role: user.role, disabled });
      await updateUser(store, id, { disabled }, ms(meta));
      if (disabled) await endSessionsOf(store, id, 'admin', ms(meta));
      const after = (await userById(store, id))!;
      await auditUser(store, id, shownOf(user), shownOf(after), meta);
      return userView(after, ms(meta));
    },
    { idempotent: true },
  );
}

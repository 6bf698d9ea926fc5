import { sql, sqlFragment, sqlIdentifier, sqlJoin, type SqlValue } from '../sql';
import type { Store } from '../store/store';
import type { Role } from '../model/roles';

// The office server's accounts (migration 0110). Only the auth service reads the hash and salt; what leaves
// the server is `UserView` (electron/services/auth/user-view.ts).

export interface StoredUser {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  passwordHash: string;
  passwordSalt: string;
  mustChangePassword: boolean;
  disabled: boolean;
  failedLogins: number;
  /** ms since 1970; null when not locked */
  lockedUntil: number | null;
  createdAt: number;
  updatedAt: number;
}

interface UserRow {
  id: number;
  login: string;
  display_name: string;
  role: Role;
  unit_id: number | null;
  password_hash: string;
  password_salt: string;
  must_change_password: number;
  disabled: number;
  failed_logins: number;
  locked_until: number | null;
  created_at: number;
  updated_at: number;
}

const fromRow = (row: UserRow): StoredUser => ({
  id: row.id,
  login: row.login,
  displayName: row.display_name,
  role: row.role,
  unitId: row.unit_id,
  passwordHash: row.password_hash,
  passwordSalt: row.password_salt,
  mustChangePassword: row.must_change_password === 1,
  disabled: row.disabled === 1,
  failedLogins: row.failed_logins,
  lockedUntil: row.locked_until,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export async function countUsers(store: Store): Promise<number> {
  return (await store.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM users`))?.n ?? 0;
}

export async function userById(store: Store, id: number): Promise<StoredUser | undefined> {
  const row = await store.get<UserRow>(sql`SELECT * FROM users WHERE id = ${id}`);
  return row && fromRow(row);
}

export async function userByLogin(store: Store, login: string): Promise<StoredUser | undefined> {
  const row = await store.get<UserRow>(sql`SELECT * FROM users WHERE login = ${login}`);
  return row && fromRow(row);
}

export async function listUsers(store: Store): Promise<StoredUser[]> {
  return (await store.all<UserRow>(sql`SELECT * FROM users ORDER BY login, id`)).map(fromRow);
}

export type NewUser = Pick<
  StoredUser,
  'login' | 'displayName' | 'role' | 'unitId' | 'passwordHash' | 'passwordSalt' | 'mustChangePassword'
>;

export async function insertUser(store: Store, user: NewUser, now: number): Promise<number> {
  return store.insert(sql`INSERT INTO users
      (login, display_name, role, unit_id, password_hash, password_salt, must_change_password, created_at, updated_at)
    VALUES (${user.login}, ${user.displayName}, ${user.role}, ${user.unitId}, ${user.passwordHash},
      ${user.passwordSalt}, ${user.mustChangePassword ? 1 : 0}, ${now}, ${now})`);
}

/** What may change on an account after it is made; each key a column. */
export interface UserChanges {
  displayName?: string;
  role?: Role;
  unitId?: number | null;
  passwordHash?: string;
  passwordSalt?: string;
  mustChangePassword?: boolean;
  disabled?: boolean;
  failedLogins?: number;
  lockedUntil?: number | null;
}

const COLUMNS: Record<keyof UserChanges, string> = {
  displayName: 'display_name',
  role: 'role',
  unitId: 'unit_id',
  passwordHash: 'password_hash',
  passwordSalt: 'password_salt',
  mustChangePassword: 'must_change_password',
  disabled: 'disabled',
  failedLogins: 'failed_logins',
  lockedUntil: 'locked_until',
};

export async function updateUser(store: Store, id: number, changes: UserChanges, now: number): Promise<void> {
  const sets = (Object.keys(changes) as (keyof UserChanges)[]).map((key) => {
    const value = changes[key];
    const stored: SqlValue = typeof value === 'boolean' ? (value ? 1 : 0) : (value ?? null);
    return sqlFragment`${sqlIdentifier(COLUMNS[key])} = ${stored}`;
  });
  await store.run(sql`UPDATE users SET ${sqlJoin([...sets, sqlFragment`updated_at = ${now}`])} WHERE id = ${id}`);
}

/** Admins that can still log in: the last one may not be disabled or made something else. */
export async function countActiveAdmins(store: Store): Promise<number> {
  return (
    (await store.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0`))?.n ?? 0
  );
}

/** Whether a unit may be given to a unit user: it exists and is not retired. */
export async function unitIsCurrent(store: Store, unitId: number): Promise<boolean> {
  return (await store.get(sql`SELECT 1 AS yes FROM units WHERE id = ${unitId} AND retired = 0`)) !== undefined;
}

/** The office server's roles (issue #15); what each may call is electron/access/policy.ts. */
export const ROLES = ['admin', 'office', 'leader', 'unit'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  office: '项目办',
  leader: '领导/链长',
  unit: '责任单位',
};

/** An account as the contract shows it: never the hash or the salt. */
export interface UserView {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  mustChangePassword: boolean;
  disabled: boolean;
  /** ms since 1970 until which logins are refused; null when not locked */
  lockedUntil: number | null;
}

/** An open session as the admin's 在线会话 shows it: who, from where, since, last seen (ms since 1970). */
export interface OpenSessionView {
  id: number;
  userId: number;
  login: string;
  displayName: string;
  role: Role;
  clientAddress: string;
  createdAt: number;
  lastSeenAt: number;
}

/** `lockout`: the failure that locked the account; `locked`: an attempt refused while it was locked. */
export type LoginOutcome = 'ok' | 'wrong_password' | 'lockout' | 'locked' | 'disabled' | 'unknown_user';

export const LOGIN_OUTCOME_LABELS: Record<LoginOutcome, string> = {
  ok: '成功',
  wrong_password: '密码错误',
  lockout: '密码错误，账户锁定',
  locked: '账户锁定中',
  disabled: '账户已停用',
  unknown_user: '无此登录名',
};

/** One attempt of the 登录记录, with the account's name when the login named one. */
export interface LoginEventView {
  id: number;
  at: number;
  login: string;
  displayName: string | null;
  outcome: LoginOutcome;
  clientAddress: string;
}

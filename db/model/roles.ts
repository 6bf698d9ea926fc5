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

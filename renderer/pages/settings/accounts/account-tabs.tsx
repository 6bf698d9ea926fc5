import type { ReactNode } from 'react';
import { useMayCall, useSession } from '../../../app/session/session';
import { LoginEventsTab } from './LoginEventsTab';
import { SessionsTab } from './SessionsTab';
import { UsersTab } from './UsersTab';

const ACCOUNT_TABS = [
  { key: 'users', label: '用户' },
  { key: 'sessions', label: '在线会话' },
  { key: 'logins', label: '登录记录' },
] as const;
export type AccountTabKey = (typeof ACCOUNT_TABS)[number]['key'];

const TAB_OF: Record<AccountTabKey, () => ReactNode> = {
  users: UsersTab,
  sessions: SessionsTab,
  logins: LoginEventsTab,
};

/** 设置's account tabs: on an office server, for whoever may manage accounts (the admin); none on a single PC. */
export function useAccountTabs(): readonly { key: AccountTabKey; label: string }[] {
  const { user } = useSession();
  const mayCall = useMayCall();
  return user && mayCall('users.list') ? ACCOUNT_TABS : [];
}

export function isAccountTab(key: string): key is AccountTabKey {
  return key in TAB_OF;
}

export function accountTab(key: AccountTabKey): ReactNode {
  const Tab = TAB_OF[key];
  return <Tab />;
}

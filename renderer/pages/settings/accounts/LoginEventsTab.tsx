import { Checkbox, Input } from 'antd';
import type { TableColumnsType } from 'antd';
import { useDeferredValue, useState } from 'react';
import { LOGIN_OUTCOME_LABELS, type LoginEventView } from '../../../../db/model/roles';
import { useApi } from '../../../hooks/use-api';
import { shownTime } from './account-status';
import { AccountTable } from './AccountTable';

const LIMIT = 300;

/** 设置 › 登录记录: every attempt, newest first, filtered by 登录名 and to the failures alone. */
export function LoginEventsTab() {
  const [login, setLogin] = useState('');
  const [onlyFailures, setOnlyFailures] = useState(false);
  const events = useApi('users.loginEvents', { login: useDeferredValue(login.trim()), onlyFailures, limit: LIMIT });

  const columns: TableColumnsType<LoginEventView> = [
    { title: '时间', dataIndex: 'at', width: 150, className: 'num', render: shownTime },
    { title: '登录名', dataIndex: 'login', width: 130 },
    { title: '姓名', dataIndex: 'displayName', width: 110, render: (name: string | null) => name ?? '' },
    {
      title: '结果',
      dataIndex: 'outcome',
      width: 160,
      render: (outcome: LoginEventView['outcome']) => (
        <span className={outcome === 'ok' ? undefined : 'zd-text-red'}>{LOGIN_OUTCOME_LABELS[outcome]}</span>
      ),
    },
    { title: '地址', dataIndex: 'clientAddress' },
  ];

  return (
    <div className="settings-tab">
      <div className="settings-toolbar">
        <Input
          allowClear
          style={{ width: 200 }}
          placeholder="按登录名筛选"
          aria-label="按登录名筛选"
          value={login}
          onChange={(event) => setLogin(event.target.value)}
        />
        <Checkbox checked={onlyFailures} onChange={(event) => setOnlyFailures(event.target.checked)}>
          只看失败
        </Checkbox>
        <span className="zd-muted zd-small">最新的在前，最多显示 {LIMIT} 条。</span>
      </div>
      <AccountTable query={events} columns={columns} failedTitle="无法读取登录记录" emptyText="没有登录记录" />
    </div>
  );
}

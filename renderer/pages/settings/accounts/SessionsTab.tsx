import { App, Button } from 'antd';
import type { TableColumnsType } from 'antd';
import { ROLE_LABELS, type OpenSessionView } from '../../../../db/model/roles';
import { invoke } from '../../../api';
import { useApi } from '../../../hooks/use-api';
import { shownTime } from './account-status';
import { AccountTable } from './AccountTable';

/** 设置 › 在线会话: who is logged in, from where, since when, last seen; 结束 logs one out. */
export function SessionsTab() {
  const { message } = App.useApp();
  const sessions = useApi('users.sessions', {});

  async function end(session: OpenSessionView) {
    try {
      const { ended } = await invoke('users.endSession', { sessionId: session.id });
      message.success(ended ? `已结束 ${session.displayName} 的会话` : '该会话已经结束');
    } catch (error) {
      message.error((error as Error).message);
    }
    await sessions.reload();
  }

  const columns: TableColumnsType<OpenSessionView> = [
    { title: '姓名', dataIndex: 'displayName', width: 110 },
    { title: '登录名', dataIndex: 'login', width: 130 },
    { title: '角色', dataIndex: 'role', width: 96, render: (role: OpenSessionView['role']) => ROLE_LABELS[role] },
    { title: '地址', dataIndex: 'clientAddress', width: 150 },
    { title: '登录时间', dataIndex: 'createdAt', width: 150, className: 'num', render: shownTime },
    { title: '最近活动', dataIndex: 'lastSeenAt', width: 150, className: 'num', render: shownTime },
    {
      title: '操作',
      key: 'actions',
      width: 70,
      render: (_, session) => (
        <Button type="link" size="small" danger onClick={() => void end(session)}>
          结束
        </Button>
      ),
    },
  ];

  return (
    <div className="settings-tab">
      <div className="settings-toolbar">
        <Button onClick={() => void sessions.reload()}>刷新</Button>
        <span className="zd-muted zd-small">
          结束后，对方的下一次操作会回到登录页。超过 8 小时未操作的会话自动结束。
        </span>
      </div>
      <AccountTable query={sessions} columns={columns} failedTitle="无法读取会话" emptyText="没有在线的会话" />
    </div>
  );
}

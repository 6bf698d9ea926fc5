import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS, type UserView } from '../../../../db/model/roles';
import { invoke } from '../../../api';
import { useApi } from '../../../hooks/use-api';
import { accountStatus } from './account-status';
import { AccountDialog, ResetPasswordDialog } from './UserDialogs';
import { AccountTable } from './AccountTable';

/** A password the admin just set, shown once so it can be passed on; it is not kept anywhere on this side. */
interface SetPassword {
  who: string;
  password: string;
}

/** 设置 › 用户: the office server's accounts, for the admin. */
export function UsersTab() {
  const { message, modal } = App.useApp();
  const users = useApi('users.list', {});
  const reference = useApi('reference.list', {});
  const units = reference.data?.units ?? [];
  const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
  const [editing, setEditing] = useState<{ user: UserView | null } | null>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const [setPassword, setSetPassword] = useState<SetPassword | null>(null);

  async function act(work: () => Promise<string>) {
    try {
      message.success(await work());
    } catch (error) {
      message.error((error as Error).message);
    }
    await users.reload();
  }

  function confirmDisable(user: UserView) {
    modal.confirm({
      title: `停用 ${user.displayName}？`,
      content: '停用后不能登录，已登录的会话立即结束；历史记录保留。',
      okText: '停用',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        act(async () => {
          await invoke('users.disable', { id: user.id, disabled: true });
          return `已停用 ${user.displayName}`;
        }),
    });
  }

  const columns: TableColumnsType<UserView> = [
    { title: '登录名', dataIndex: 'login', width: 130 },
    { title: '姓名', dataIndex: 'displayName', width: 110 },
    { title: '角色', dataIndex: 'role', width: 96, render: (role: UserView['role']) => ROLE_LABELS[role] },
    {
      title: '单位',
      dataIndex: 'unitId',
      render: (unitId: number | null) => (unitId === null ? '' : (unitName.get(unitId) ?? '')),
    },
    { title: '状态', key: 'status', width: 120, render: (_, user) => accountStatus(user) },
    {
      title: '须改密码',
      dataIndex: 'mustChangePassword',
      width: 80,
      render: (must: boolean) => (must ? '是' : ''),
    },
    {
      title: '操作',
      key: 'actions',
      width: 290,
      render: (_, user) => (
        <span className="settings-actions">
          <Button type="link" size="small" onClick={() => setEditing({ user })}>
            编辑
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(user)}>
            重设密码
          </Button>
          {user.disabled ? (
            <Button
              type="link"
              size="small"
              onClick={() =>
                act(async () => {
                  await invoke('users.disable', { id: user.id, disabled: false });
                  return `已启用 ${user.displayName}`;
                })
              }
            >
              启用
            </Button>
          ) : (
            <Button type="link" size="small" danger onClick={() => confirmDisable(user)}>
              停用
            </Button>
          )}
          <Button
            type="link"
            size="small"
            onClick={() =>
              act(async () => {
                const { ended } = await invoke('users.endSessions', { id: user.id });
                return ended ? `已结束 ${user.displayName} 的 ${ended} 个会话` : `${user.displayName} 没有在线的会话`;
              })
            }
          >
            结束其会话
          </Button>
        </span>
      ),
    },
  ];

  function saved(user: UserView, password: string | null, done: string) {
    if (password) setSetPassword({ who: `${user.displayName}（${user.login}）`, password });
    message.success(done);
    void users.reload();
  }

  return (
    <div className="settings-tab">
      <div className="settings-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: null })}>
          新建用户
        </Button>
        <span className="zd-muted zd-small">
          管理员管理账户、设置和备份；项目办录入和修改；领导/链长只查看和打印；责任单位只填报本单位的项目。
        </span>
      </div>
      {setPassword && (
        <Alert
          type="info"
          showIcon
          closable
          onClose={() => setSetPassword(null)}
          className="settings-modal-problem"
          title={
            <span>
              {setPassword.who} 的密码：
              <code className="account-password">{setPassword.password}</code>
              （只显示这一次，请转告本人；首次登录时须修改）
            </span>
          }
        />
      )}
      <AccountTable
        query={users}
        columns={columns}
        failedTitle="无法读取用户"
        emptyText="还没有用户"
        onRow={(user) => ({ onDoubleClick: () => setEditing({ user }) })}
      />
      <AccountDialog
        open={editing !== null}
        user={editing?.user ?? null}
        units={units}
        onClose={() => setEditing(null)}
        onSaved={(user, password) =>
          saved(user, password, editing?.user ? `已保存 ${user.displayName}` : `已新建用户 ${user.login}`)
        }
      />
      <ResetPasswordDialog
        user={resetting}
        onClose={() => setResetting(null)}
        onSaved={(user, password) => saved(user, password, `已重设 ${user.displayName} 的密码`)}
      />
    </div>
  );
}

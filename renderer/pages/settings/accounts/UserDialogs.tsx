import { Button, Form, Input, Select, Space } from 'antd';
import { ROLE_LABELS, ROLES, type Role, type UserView } from '../../../../db/model/roles';
import type { Unit } from '../../../../db/model/reference';
import { invoke } from '../../../api';
import { ReferenceModal } from '../ReferenceModal';
import { randomPassword } from './account-status';

interface AccountValues {
  login: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  password: string;
}

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** A password field with 随机生成: shown in clear, since the admin must pass it on to the user. */
function PasswordField({ label }: { label: string }) {
  const form = Form.useFormInstance();
  return (
    <Form.Item label={label} required extra="至少 8 位；对方首次登录时须改为自己的密码">
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name="password" noStyle>
          <Input maxLength={200} autoComplete="off" aria-label={label} />
        </Form.Item>
        <Button onClick={() => form.setFieldValue('password', randomPassword())}>随机生成</Button>
      </Space.Compact>
    </Form.Item>
  );
}

/** 所属单位, asked only of a 责任单位 account. */
function UnitField({ options }: { options: { value: number; label: string }[] }) {
  const role = Form.useWatch('role', Form.useFormInstance()) as Role | undefined;
  if (role !== 'unit') return null;
  return (
    <Form.Item label="所属单位" name="unitId" required>
      <Select
        options={options}
        virtual={false}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="选择单位"
        aria-label="所属单位"
        notFoundContent="没有在用的单位，请先在“单位”中新增"
      />
    </Form.Item>
  );
}

/** 新建用户 (no `user`) or the edit of a user's name, role and unit. */
export function AccountDialog({
  open,
  user,
  units,
  onClose,
  onSaved,
}: {
  open: boolean;
  user: UserView | null;
  units: Unit[];
  onClose(): void;
  onSaved(user: UserView, password: string | null): void;
}) {
  const unitOptions = units
    .filter((unit) => !unit.retired || unit.id === user?.unitId)
    .map((unit) => ({ value: unit.id, label: unit.name }));

  async function save(values: AccountValues) {
    const unitId = values.role === 'unit' ? (values.unitId ?? null) : null;
    if (user) {
      onSaved(
        await invoke('users.update', { id: user.id, displayName: values.displayName, role: values.role, unitId }),
        null,
      );
    } else {
      onSaved(await invoke('users.create', { ...values, unitId }), values.password);
    }
  }

  return (
    <ReferenceModal<AccountValues>
      title={user ? `编辑用户：${user.login}` : '新建用户'}
      open={open}
      firstField={user ? 'displayName' : 'login'}
      initialValues={{
        login: user?.login ?? '',
        displayName: user?.displayName ?? '',
        role: user?.role ?? 'office',
        unitId: user?.unitId ?? null,
        password: '',
      }}
      onClose={onClose}
      onSave={save}
    >
      <Form.Item label="登录名" name="login" required extra={user ? '登录名不能修改' : '字母、数字或拼音，如 zhangsan'}>
        <Input maxLength={50} disabled={Boolean(user)} autoComplete="off" />
      </Form.Item>
      <Form.Item label="姓名" name="displayName" required>
        <Input maxLength={20} autoComplete="off" />
      </Form.Item>
      <Form.Item label="角色" name="role" required>
        <Select options={ROLE_OPTIONS} aria-label="角色" virtual={false} />
      </Form.Item>
      <UnitField options={unitOptions} />
      {!user && <PasswordField label="初始密码" />}
    </ReferenceModal>
  );
}

/** 重设密码: the admin sets a new one, which its owner must change at the next login. */
export function ResetPasswordDialog({
  user,
  onClose,
  onSaved,
}: {
  user: UserView | null;
  onClose(): void;
  onSaved(user: UserView, password: string): void;
}) {
  async function save(values: { password: string }) {
    if (!user) return;
    onSaved(await invoke('users.resetPassword', { id: user.id, password: values.password }), values.password);
  }
  return (
    <ReferenceModal<{ password: string }>
      title={user ? `重设密码：${user.displayName}（${user.login}）` : '重设密码'}
      open={user !== null}
      firstField="password"
      initialValues={{ password: '' }}
      onClose={onClose}
      onSave={save}
    >
      <PasswordField label="新密码" />
    </ReferenceModal>
  );
}

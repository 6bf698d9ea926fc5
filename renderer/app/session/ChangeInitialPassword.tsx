import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { UserView } from '../../../db/model/roles';
import { ApiError, invoke } from '../../api';

interface Values {
  oldPassword: string;
  newPassword: string;
  repeat: string;
}

/** A password someone else set (a new account, a reset) is changed before anything else is shown. */
export function ChangeInitialPassword({
  user,
  onChanged,
  onSignOut,
}: {
  user: UserView;
  onChanged(user: UserView): void;
  onSignOut(): void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function submit(values: Values) {
    setBusy(true);
    setRefusal(null);
    try {
      onChanged(
        await invoke('auth.changePassword', { oldPassword: values.oldPassword, newPassword: values.newPassword }),
      );
    } catch (error) {
      // the new password's rules name it `password`, as for an account the admin makes
      const field = error instanceof ApiError && error.field === 'password' ? 'newPassword' : (error as ApiError).field;
      if (field === 'oldPassword' || field === 'newPassword') {
        form.setFields([{ name: field, errors: [(error as ApiError).message] }]);
      } else {
        setRefusal((error as Error).message);
      }
      setBusy(false);
    }
  }

  return (
    <div className="first-start">
      <Card title="修改初始密码" style={{ width: 420 }}>
        <Typography.Paragraph type="secondary">
          {user.displayName}，您的密码由管理员设置，请先改为只有您知道的新密码（至少 8 位，不能与登录名相同）。
        </Typography.Paragraph>
        {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="oldPassword" label="当前密码" rules={[{ required: true, message: '请填写当前密码' }]}>
            <Input.Password autoFocus autoComplete="current-password" maxLength={200} />
          </Form.Item>
          <Form.Item name="newPassword" label="新密码" rules={[{ required: true, message: '请填写新密码' }]}>
            <Input.Password autoComplete="new-password" maxLength={200} />
          </Form.Item>
          <Form.Item
            name="repeat"
            label="再次输入新密码"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: async (_, value) => {
                  if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            修改密码并继续
          </Button>
          <Button type="link" block onClick={onSignOut} style={{ marginTop: 8 }}>
            退出登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}

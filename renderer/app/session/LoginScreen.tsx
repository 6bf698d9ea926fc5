import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { UserView } from '../../../db/model/roles';
import { invoke } from '../../api';

interface Values {
  login: string;
  password: string;
}

/**
 * The office server's door: 登录名 and 密码, Enter submits. A refusal is shown as the server words it (wrong
 * password, locked, disabled); `notice` says why an earlier session ended.
 */
export function LoginScreen({
  cityName,
  notice,
  onSignedIn,
}: {
  cityName: string;
  notice: string | null;
  onSignedIn(user: UserView): void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function submit(values: Values) {
    setBusy(true);
    setRefusal(null);
    try {
      const { user } = await invoke('auth.login', values);
      onSignedIn(user);
    } catch (error) {
      setRefusal((error as Error).message);
      form.setFieldValue('password', '');
      setBusy(false);
    }
  }

  return (
    <div className="first-start">
      <Card style={{ width: 400 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {cityName ? `${cityName}重点项目办` : '重点项目推进台'}
        </Typography.Title>
        <Typography.Paragraph type="secondary">重点项目推进台 · 请登录</Typography.Paragraph>
        {(refusal ?? notice) && (
          <Alert type={refusal ? 'error' : 'warning'} showIcon title={refusal ?? notice} style={{ marginBottom: 16 }} />
        )}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="login"
            label="登录名"
            rules={[{ required: true, whitespace: true, message: '请填写登录名' }]}
          >
            <Input autoFocus autoComplete="username" maxLength={50} />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请填写密码' }]}>
            <Input.Password autoComplete="current-password" maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}

import { App as AntApp, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import type { AppStatus } from '../../electron/api-spec';
import { ApiError, invoke, isDesktop } from '../api';
import { ConnectServerForm } from './ConnectServer';

interface Values {
  operatorName: string;
  start: 'blank' | 'demo';
}

/** Asked once on a new data folder: who is typing, and whether to begin blank or with the example office. */
export function FirstStart({ status, onDone }: { status: AppStatus; onDone(): Promise<void> }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = AntApp.useApp();
  const [mode, setMode] = useState<'alone' | 'server'>('alone');

  async function submit(values: Values) {
    setSaving(true);
    try {
      await invoke('app.initialize', { operatorName: values.operatorName, loadDemo: values.start === 'demo' });
      await onDone();
    } catch (error) {
      if (error instanceof ApiError && error.field) {
        form.setFields([{ name: error.field as keyof Values, errors: [error.message] }]);
      } else {
        message.error((error as Error).message);
      }
    } finally {
      setSaving(false);
    }
  }

  if (mode === 'server') {
    return (
      <div className="first-start">
        <Card title="连接办公室服务器" style={{ width: 520 }}>
          <Typography.Paragraph type="secondary">
            填写办公室服务器的地址（向管理员询问），连接后用您的账户登录。
          </Typography.Paragraph>
          <ConnectServerForm />
          <Button type="link" onClick={() => setMode('alone')} style={{ paddingLeft: 0, marginTop: 8 }}>
            返回，单机使用
          </Button>
        </Card>
      </div>
    );
  }

  return (
    <div className="first-start">
      <Card title={`欢迎使用${status.cityName}重点项目推进台`} style={{ width: 520 }}>
        {isDesktop() && (
          <Radio.Group
            value={mode}
            onChange={(event) => setMode(event.target.value as 'alone' | 'server')}
            optionType="button"
            style={{ marginBottom: 16 }}
            options={[
              { value: 'alone', label: '单机使用' },
              { value: 'server', label: '连接办公室服务器' },
            ]}
          />
        )}
        <Typography.Paragraph type="secondary">
          这是一个新的数据目录。请填写您的姓名（每次修改都会记录填报人），并选择如何开始。
        </Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ start: 'blank' }} onFinish={submit}>
          <Form.Item
            name="operatorName"
            label="您的姓名"
            rules={[{ required: true, whitespace: true, message: '请填写您的姓名' }]}
          >
            <Input maxLength={20} autoFocus placeholder="请输入您的姓名" />
          </Form.Item>
          <Form.Item name="start" label="开始方式">
            <Radio.Group>
              <Radio value="blank">空白开始（正式使用）</Radio>
              <Radio value="demo">载入示例数据（约120个标注“示例”的项目，供熟悉操作）</Radio>
            </Radio.Group>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} block>
            开始使用
          </Button>
        </Form>
      </Card>
    </div>
  );
}

import { Alert, Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { invokeDesktop } from '../api';

/**
 * 连接办公室服务器 (desktop only): the server's address, checked by the shell (a test request to its
 * /api/health) and kept in the app's own settings; the app then starts again showing the server. The data
 * on this PC stays where it is, for 断开 (in the window's 办公室服务器 menu) to come back to.
 */
export function ConnectServerForm() {
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [connected, setConnected] = useState<string | null>(null);

  async function connect() {
    setBusy(true);
    setProblem(null);
    try {
      const { origin } = await invokeDesktop<{ origin: string }>('shell.connectServer', { url });
      setConnected(origin);
    } catch (error) {
      setProblem((error as Error).message);
      setBusy(false);
    }
  }

  if (connected) return <Alert type="success" showIcon title={`已连接 ${connected}，正在打开办公室服务器…`} />;
  return (
    <div>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          aria-label="办公室服务器地址"
          placeholder="例如 http://192.168.1.10:8080"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          onPressEnter={() => void connect()}
        />
        <Button type="primary" loading={busy} onClick={() => void connect()}>
          连接
        </Button>
      </Space.Compact>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 8 }} />}
    </div>
  );
}

/** 设置 › 基本设置 on the desktop: switch this PC to an office server's client. */
export function ConnectServerSection() {
  return (
    <section style={{ marginTop: 24, maxWidth: 560 }}>
      <Typography.Title level={5}>连接办公室服务器</Typography.Title>
      <Typography.Paragraph type="secondary">
        连接后本程序显示办公室服务器上的数据，须用账户登录；本机数据保留不动。要回到单机使用，在窗口菜单“办公室服务器”中选择“断开”。
      </Typography.Paragraph>
      <ConnectServerForm />
    </section>
  );
}

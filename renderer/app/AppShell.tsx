import { Alert, Layout, Menu, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useLocation } from 'wouter';
import { formatChineseDate } from '../../db/model/dates';
import { LiveNotice } from '../components/LiveNotice';
import { useAppStatus } from './app-status';
import { AREAS } from './routes';

export function AppShell({ children }: { children: ReactNode }) {
  const [location, navigate] = useLocation();
  const { status } = useAppStatus();
  const selected = AREAS.find((a) => location === a.path || location.startsWith(`${a.path}/`))?.path;
  return (
    <Layout className="app-shell">
      <Layout.Sider width={168} theme="dark" className="app-sider">
        <div className="app-brand">
          <div className="app-brand-city">{status.cityName}</div>
          <div className="app-brand-name">重点项目推进台</div>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          onClick={({ key }) => navigate(key)}
          items={AREAS.map((area) => ({ key: area.path, label: area.label }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <span className="app-header-title">{status.cityName}重点项目办</span>
          <span className="app-header-meta">
            <LiveNotice />
            <Tag color="blue">{status.planYear}年度</Tag>
            <span>今天 {formatChineseDate(status.today)}</span>
            <span>填报人：{status.operatorName}</span>
          </span>
        </Layout.Header>
        <Layout.Content className="app-content">
          {status.notice && (
            <Alert className="app-notice" type="info" showIcon closable title={status.notice} role="status" />
          )}
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

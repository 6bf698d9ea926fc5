import { Alert, Layout, Menu, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useLocation } from 'wouter';
import { formatChineseDate } from '../../db/model/dates';
import { LiveNotice } from '../components/LiveNotice';
import { useAppStatus } from './app-status';
import { useAreas } from './session/role-areas';
import { SignedInUser } from './session/SignedInUser';

export function AppShell({ children }: { children: ReactNode }) {
  const [location, navigate] = useLocation();
  const { status } = useAppStatus();
  const areas = useAreas();
  const selected = areas.find((a) => location === a.path || location.startsWith(`${a.path}/`))?.path;
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
          items={areas.map((area) => ({ key: area.path, label: area.label }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <span className="app-header-title">{status.cityName}重点项目办</span>
          <span className="app-header-meta">
            <LiveNotice />
            <Tag color="blue">{status.planYear}年度</Tag>
            <span>今天 {formatChineseDate(status.today)}</span>
            <SignedInUser operatorName={status.operatorName} />
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

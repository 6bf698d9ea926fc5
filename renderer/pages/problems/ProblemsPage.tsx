import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useLocation } from 'wouter';
import { ProblemList } from './ProblemList';
import { ProblemsPrintTab } from './ProblemsPrintTab';
import { SupervisionTab } from './SupervisionTab';
import './problems.css';

const TABS = [
  { key: 'list', label: '问题清单' },
  { key: 'supervision', label: '督办' },
  { key: 'print', label: '打印' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

const isTab = (tab: string | undefined): tab is TabKey => TABS.some((t) => t.key === tab);
const pathOf = (tab: TabKey) => (tab === 'list' ? '/problems' : `/problems/${tab}`);

const CONTENT: Record<TabKey, () => ReactNode> = {
  list: () => <ProblemList />,
  supervision: () => <SupervisionTab />,
  print: () => <ProblemsPrintTab />,
};

/** 问题督办: the 问题清单 (default), the 督办 view of red projects, and printing, each at its own address. */
export function ProblemsPage({ tab }: { tab?: string }) {
  const [, navigate] = useLocation();
  const active: TabKey = isTab(tab) ? tab : 'list';
  return (
    <div className="zd-page">
      <div className="problems-header">
        <h1 className="zd-page-title">问题督办</h1>
        <Tabs
          className="problems-tabs"
          styles={{ header: { marginBottom: 0 }, item: { padding: '8px 0' } }}
          activeKey={active}
          onChange={(key) => navigate(pathOf(key as TabKey))}
          items={TABS.map((t) => ({ key: t.key, label: t.label }))}
        />
      </div>
      <div className="zd-page" role="tabpanel" aria-label={TABS.find((t) => t.key === active)?.label}>
        {CONTENT[active]()}
      </div>
    </div>
  );
}

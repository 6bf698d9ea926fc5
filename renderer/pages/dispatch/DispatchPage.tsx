import { Alert, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useSearch } from 'wouter';
import { parseWeek, weekOf } from '../../../db/model/weeks';
import { useAppStatus } from '../../app/app-status';
import { ChangesTab } from './ChangesTab';
import { EntriesTab } from './EntriesTab';
import { InvestmentTab } from './InvestmentTab';
import { PrintTab } from './PrintTab';
import { WeekSelector } from './WeekSelector';
import './dispatch.css';

const TABS = [
  { key: 'entries', label: '本周调度' },
  { key: 'investment', label: '月度投资' },
  { key: 'changes', label: '较上周变化' },
  { key: 'print', label: '打印调度表' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

const isTab = (tab: string | undefined): tab is TabKey => TABS.some((t) => t.key === tab);
const pathOf = (tab: TabKey) => (tab === 'entries' ? '/dispatch' : `/dispatch/${tab}`);

/** 周调度: one week chosen above the tabs (kept in the address as ?week=2026-W47), four ways to work on it. */
export function DispatchPage({ tab }: { tab?: string }) {
  const { status } = useAppStatus();
  const [, navigate] = useLocation();
  const asked = new URLSearchParams(useSearch()).get('week');
  const current = weekOf(status.today);
  const requested = asked ? parseWeek(asked) : null;
  const week = requested ?? current;
  const active: TabKey = isTab(tab) ? tab : 'entries';

  const go = (to: TabKey, weekKey: string, replace = false) =>
    navigate(`${pathOf(to)}${weekKey === current.key ? '' : `?week=${weekKey}`}`, { replace });

  const content: Record<TabKey, () => ReactNode> = {
    entries: () => <EntriesTab week={week.key} />,
    investment: () => <InvestmentTab week={week.key} />,
    changes: () => <ChangesTab week={week.key} />,
    print: () => <PrintTab week={week.key} />,
  };

  return (
    <div className="zd-page">
      <div className="dispatch-header">
        <h1 className="zd-page-title">周调度</h1>
        <WeekSelector week={week} current={current} onChange={(key) => go(active, key, true)} />
      </div>
      {asked && !requested && (
        <Alert
          className="dispatch-week-warning"
          type="warning"
          showIcon
          title={`地址中的调度周“${asked}”不存在，已显示本周`}
        />
      )}
      <Tabs
        className="zd-none"
        styles={{ item: { padding: '7px 0' } }}
        activeKey={active}
        onChange={(key) => go(key as TabKey, week.key)}
        items={TABS.map((t) => ({ key: t.key, label: t.label }))}
      />
      <div className="zd-page" role="tabpanel" aria-label={TABS.find((t) => t.key === active)?.label}>
        {content[active]()}
      </div>
    </div>
  );
}

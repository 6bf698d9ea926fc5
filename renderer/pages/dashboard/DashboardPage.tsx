import { Alert, Button, Spin } from 'antd';
import { endOfISOWeek, format, parseISO } from 'date-fns';
import { CHANGE_KINDS } from '../../../db/model/change-event';
import { formatChineseDate } from '../../../db/model/dates';
import type { DashboardSummary, DueMilestone } from '../../../db/model/overview';
import { NodeList } from '../../components/NodeList';
import { useApi } from '../../hooks/use-api';
import { useLiveChanges } from '../../hooks/use-live-changes';
import { BatchStats } from './BatchStats';
import { DashboardCharts } from './DashboardCharts';
import { FirstRunChecklist } from './FirstRunChecklist';
import { InvestmentPanel } from './InvestmentPanel';
import { LightPanel } from './LightPanel';
import { StageChartPanel } from './StageChartPanel';
import './dashboard.css';

/** 工作台: the start page, this plan year at a glance. */
export function DashboardPage() {
  const summary = useApi('overview.dashboard', {});
  // another clerk's change: the figures are summed again in place
  useLiveChanges(CHANGE_KINDS, () => void summary.reload());
  if (summary.error && !summary.data) {
    return (
      <div className="zd-stack">
        <Alert
          type="error"
          showIcon
          title="工作台数据读取失败"
          description={summary.error.message}
          action={
            <Button size="small" onClick={() => void summary.reload()}>
              重试
            </Button>
          }
        />
      </div>
    );
  }
  if (!summary.data) {
    return (
      <div className="zd-stack zd-loading">
        <Spin size="large" description="正在汇总…">
          <div className="zd-loading-box" />
        </Spin>
      </div>
    );
  }
  return <DashboardView summary={summary.data} loading={summary.loading} onReload={() => void summary.reload()} />;
}

function DashboardView({
  summary,
  loading,
  onReload,
}: {
  summary: DashboardSummary;
  loading: boolean;
  onReload(): void;
}) {
  const weekEnd = format(endOfISOWeek(parseISO(summary.today)), 'M月d日');
  return (
    <div className="zd-stack">
      <div className="zd-page-head">
        <h2 className="zd-page-title">工作台</h2>
        <span className="zd-gap zd-muted">
          {summary.planYear}年度 · 数据截至{formatChineseDate(summary.today)}
        </span>
        <Button size="small" onClick={onReload} loading={loading}>
          刷新
        </Button>
      </div>
      <FirstRunChecklist />
      <BatchStats summary={summary} />
      <DashboardCharts />
      <div className="db-body">
        <div className="db-main">
          <NodePanel
            title="逾期节点"
            late
            note="计划日期已过、尚未填写实际完成日期"
            nodes={summary.overdue}
            count={summary.overdueCount}
            today={summary.today}
            empty="没有逾期节点。"
          />
          <NodePanel
            title="本周到期节点"
            note={`今天至${weekEnd}（周日）到期、尚未完成`}
            nodes={summary.dueThisWeek}
            count={summary.dueThisWeekCount}
            today={summary.today}
            empty="本周没有到期的节点。"
          />
        </div>
        <div className="db-side">
          <LightPanel counts={summary.counts} missingData={summary.missingDataCount} />
          <InvestmentPanel summary={summary} />
          <StageChartPanel counts={summary.counts} />
        </div>
      </div>
    </div>
  );
}

interface NodePanelProps {
  title: string;
  /** the count in red */
  late?: boolean;
  note: string;
  /** the earliest of them, as the 工作台 carries them */
  nodes: readonly DueMilestone[];
  count: number;
  today: string;
  empty: string;
}

/** One list of nodes on the 工作台: its title with how many there are, and the earliest of them. */
function NodePanel({ title, late = false, note, nodes, count, today, empty }: NodePanelProps) {
  return (
    <section className="zd-panel" aria-label={title}>
      <h3 className="zd-panel-title">
        {title}
        <span className={`db-count zd-small num${late ? ' is-late' : ''}`}>{count}</span>
        <span className="zd-panel-note">{note}</span>
      </h3>
      <NodeList nodes={nodes} total={count} today={today} limit={10} empty={empty} />
    </section>
  );
}

import { useMemo } from 'react';
import { CHANGE_KINDS } from '../../../db/model/change-event';
import { UNASSIGNED_LEAD } from '../../../db/model/overview';
import { useApi } from '../../hooks/use-api';
import { useLiveChanges } from '../../hooks/use-live-changes';
import { ChartPanel } from '../../ui/charts/ChartPanel';
import { ChartPlaceholder } from '../../ui/charts/ChartPlaceholder';
import { investmentTrendChart } from '../../ui/charts/investment-trend-chart';
import { leadLightsChart } from '../../ui/charts/lead-lights-chart';
import { lightTrendChart } from '../../ui/charts/light-trend-chart';

const CHART_HEIGHT = 230;

/** 本年投资 month by month: cumulative completed against 序时进度. */
function InvestmentTrendPanel() {
  const trend = useApi('overview.monthlyInvestment', {});
  useLiveChanges(CHANGE_KINDS, () => void trend.reload());
  const spec = useMemo(() => trend.data && investmentTrendChart(trend.data), [trend.data]);
  const title = '本年投资（按月累计）';
  if (!spec || !trend.data) return <ChartPlaceholder title={title} error={trend.error} height={CHART_HEIGHT} />;
  return (
    <ChartPanel
      title={title}
      note={`${trend.data.year}年 · 万元`}
      spec={spec}
      height={CHART_HEIGHT}
      foot="序时进度线 = 本年计划投资 × N ÷ 12（办公室不分月下达计划，按全年平均计）"
    />
  );
}

/** 红黄绿灯 of the last twelve dispatch weeks, from each week's snapshots. */
function LightTrendPanel() {
  const trend = useApi('overview.lightTrend', {});
  useLiveChanges(['dispatch', 'project', 'library'], () => void trend.reload());
  const spec = useMemo(() => trend.data && lightTrendChart(trend.data.weeks), [trend.data]);
  const title = '近12周红黄绿灯';
  if (!spec) return <ChartPlaceholder title={title} error={trend.error} height={CHART_HEIGHT} />;
  return (
    <ChartPanel
      title={title}
      note="按各周调度时的灯色，个"
      spec={spec}
      height={CHART_HEIGHT}
      foot="点击红、黄色块，在项目库中查看当前的红灯、黄灯项目"
    />
  );
}

/** 红灯 and 黄灯 by 链长, today's lights. */
function LeadLightsPanel() {
  const overview = useApi('overview.chainLeads', {});
  useLiveChanges(CHANGE_KINDS, () => void overview.reload());
  const spec = useMemo(
    () =>
      overview.data &&
      leadLightsChart(
        overview.data.leads
          .filter((l) => l.chainLead !== UNASSIGNED_LEAD || l.projectCount > 0)
          .map((l) => ({
            chainLead: l.chainLead,
            red: l.byLight.red,
            yellow: l.byLight.yellow,
            projectCount: l.projectCount,
            linkable: l.chainLead !== UNASSIGNED_LEAD,
          })),
      ),
    [overview.data],
  );
  const title = '各链长红灯、黄灯';
  if (!spec) return <ChartPlaceholder title={title} error={overview.error} height={CHART_HEIGHT} />;
  const height = Math.max(CHART_HEIGHT, spec.table.rows.length * 20 + 30);
  return <ChartPanel title={title} note="当前灯色，个" spec={spec} height={height} />;
}

/** The 工作台's charts: money month by month, lights week by week, and lights by 链长. */
export function DashboardCharts() {
  return (
    <div className="db-charts">
      <InvestmentTrendPanel />
      <LightTrendPanel />
      <LeadLightsPanel />
    </div>
  );
}

import { useMemo } from 'react';
import { CHANGE_KINDS } from '../../../db/model/change-event';
import { useApi } from '../../hooks/use-api';
import { useLiveChanges } from '../../hooks/use-live-changes';
import { useRankingMonth } from '../../hooks/use-ranking-month';
import { ChartPanel } from '../../ui/charts/ChartPanel';
import { ChartPlaceholder } from '../../ui/charts/ChartPlaceholder';
import { chainCompletionChart } from '../../ui/charts/chain-completion-chart';
import { investmentTrendChart } from '../../ui/charts/investment-trend-chart';
import { leadLightsChart } from '../../ui/charts/lead-lights-chart';
import { lightTrendChart } from '../../ui/charts/light-trend-chart';

const CHART_HEIGHT = 230;
const LEAD_LIGHTS_TITLE = '各链长红灯、黄灯';
const CHAIN_COMPLETION_TITLE = '各产业链投资完成率';

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

/** 投资完成率 by chain against 序时进度, in the 考核 order of stats.ranking. */
function ChainCompletionPanel({ year, month }: { year: number; month: number }) {
  const ranking = useApi('stats.ranking', { year, month, by: 'chain' });
  useLiveChanges(CHANGE_KINDS, () => void ranking.reload());
  const spec = useMemo(() => ranking.data && chainCompletionChart(ranking.data), [ranking.data]);
  const title = CHAIN_COMPLETION_TITLE;
  if (!spec) return <ChartPlaceholder title={title} error={ranking.error} height={CHART_HEIGHT} />;
  const height = Math.max(CHART_HEIGHT, spec.table.rows.length * 20 + 40);
  return (
    <ChartPanel
      title={title}
      note={`${year}年1—${month}月 · 按考核排名`}
      spec={spec}
      height={height}
      foot="黄色：落后序时进度；虚线：序时进度"
    />
  );
}

/**
 * 红灯 and 黄灯 by 链长 from stats.ranking at the current month, whose lights are today's: the same counts as
 * 链长视图's cards, read in a fifth of overview.chainLeads' time (that read also lists every open node).
 */
function LeadLightsPanel({ year, month }: { year: number; month: number }) {
  const ranking = useApi('stats.ranking', { year, month, by: 'chainLead' });
  useLiveChanges(CHANGE_KINDS, () => void ranking.reload());
  const spec = useMemo(
    () =>
      ranking.data &&
      leadLightsChart(
        ranking.data.rows
          .filter((row) => row.rank !== null || row.figures.projectCount > 0)
          .map((row) => ({
            chainLead: row.group.name,
            red: row.figures.red ?? 0,
            yellow: row.figures.yellow ?? 0,
            projectCount: row.figures.projectCount,
            // 未填写: projects without a 链长, which the library cannot filter on
            linkable: row.rank !== null,
          })),
      ),
    [ranking.data],
  );
  const title = LEAD_LIGHTS_TITLE;
  if (!spec) return <ChartPlaceholder title={title} error={ranking.error} height={CHART_HEIGHT} />;
  const height = Math.max(CHART_HEIGHT, spec.table.rows.length * 20 + 30);
  return <ChartPanel title={title} note="当前灯色，个" spec={spec} height={height} />;
}

/** The 工作台's charts: money month by month, lights week by week, completion by chain and lights by 链长. */
export function DashboardCharts() {
  const at = useRankingMonth();
  return (
    <div className="db-charts">
      <InvestmentTrendPanel />
      <LightTrendPanel />
      {at ? (
        <>
          <ChainCompletionPanel year={at.year} month={at.month} />
          <LeadLightsPanel year={at.year} month={at.currentMonth} />
        </>
      ) : (
        <>
          <ChartPlaceholder title={CHAIN_COMPLETION_TITLE} height={CHART_HEIGHT} />
          <ChartPlaceholder title={LEAD_LIGHTS_TITLE} height={CHART_HEIGHT} />
        </>
      )}
    </div>
  );
}

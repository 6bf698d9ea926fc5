import { formatWan } from '../../../db/model/money';
import type { StatsRanking } from '../../../db/model/stat-ranking';
import { libraryHref } from '../../links/library-href';
import { colors } from '../tokens';
import { percentText } from '../percent';
import { baseOption, categoryAxis, percentLabel, valueAxis } from './chart-base';
import type { ChartSpec } from './chart-table';
import type { ChartOption } from './echarts-setup';

/** “+3.2” / “-11.7” / “0.0” 个百分点, as the 统计排名 reads a gap; — without a plan. */
function gapText(points: number | null): string {
  if (points === null) return '—';
  const rounded = Math.round(points * 10) / 10;
  return `${rounded > 0 ? '+' : ''}${rounded.toFixed(1)}`;
}

const percentValue = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/**
 * 投资完成率 by chain in the 考核 order of `stats.ranking { by: 'chain' }` (first at the top), against the
 * 序时进度 line; a chain behind it is drawn in yellow. A bar opens the library on that chain.
 */
export function chainCompletionChart(ranking: StatsRanking): ChartSpec<ChartOption> {
  const rows = ranking.rows.filter((row) => row.rank !== null);
  // bottom-up on a horizontal chart: the first in the ranking drawn at the top
  const drawn = [...rows].reverse();
  const hrefOf = (key: string | undefined) => (key ? libraryHref({ chain: Number(key) }) : null);
  const pace = Math.round(ranking.timeProgress * 1000) / 10;
  return {
    option: {
      ...baseOption(),
      legend: { show: false },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${String(v)}%` },
      grid: { left: 8, right: 44, top: 20, bottom: 4 },
      xAxis: { ...valueAxis(), minInterval: 0, axisLabel: { color: colors.textMuted, formatter: '{value}%' } },
      yAxis: categoryAxis(drawn.map((row) => row.group.name)),
      series: [
        {
          type: 'bar',
          name: '投资完成率',
          barMaxWidth: 12,
          // on white, so a label across the 序时进度 line stays legible
          label: {
            show: true,
            position: 'right',
            formatter: percentLabel,
            fontSize: 11,
            backgroundColor: colors.surface,
          },
          data: drawn.map((row) => ({
            value: percentValue(row.figures.investmentRate.value),
            itemStyle: { color: (row.figures.gapPoints ?? 0) < 0 ? colors.yellow : colors.brand },
          })),
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: colors.textSecondary, type: 'dashed' },
            label: { formatter: `序时进度 ${pace}%`, color: colors.textSecondary, fontSize: 11 },
            data: [{ xAxis: pace }],
          },
        },
      ],
    },
    table: {
      columns: [
        '产业链',
        '排名',
        '本年计划（万元）',
        `1—${ranking.month}月完成（万元）`,
        '完成率',
        '与序时进度（个百分点）',
      ],
      rows: rows.map((row) => ({
        key: row.group.key,
        cells: [
          row.group.name,
          String(row.rank),
          formatWan(row.figures.annualPlanYuan),
          formatWan(row.figures.completedYuan),
          percentText(row.figures.investmentRate.value),
          gapText(row.figures.gapPoints),
        ],
        href: hrefOf(row.group.key) ?? undefined,
      })),
    },
    hrefOf: ({ dataIndex }) => hrefOf(drawn[dataIndex]?.group.key),
  };
}

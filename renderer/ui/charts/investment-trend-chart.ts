import { formatWan } from '../../../db/model/money';
import { cumulativeYuan, pacePlanYuan, type MonthlyInvestmentTrend } from '../../../db/model/office-trends';
import { percentText } from '../percent';
import { baseOption, categoryAxis, valueAxis, wanValue } from './chart-base';
import { SERIES_COLORS } from './chart-colors';
import type { ChartSpec } from './chart-table';
import type { ChartOption } from './echarts-setup';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * The plan year month by month, in 万元: each month's completed investment (bars), 1—N月 cumulative (a line up
 * to the last reported month) and 序时进度 — 本年计划 × N ÷ 12, the only cumulative plan the office keeps.
 */
export function investmentTrendChart(trend: MonthlyInvestmentTrend): ChartSpec<ChartOption> {
  const cumulative = cumulativeYuan(trend.monthlyYuan);
  const pace = MONTHS.map((month) => pacePlanYuan(trend.annualPlanYuan, month));
  const wanOrNull = (yuan: number | null) => (yuan === null ? null : wanValue(yuan));
  return {
    option: {
      ...baseOption(),
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value) => (typeof value === 'number' ? `${value.toFixed(2)} 万元` : '—'),
      },
      grid: { left: 8, right: 12, top: 40, bottom: 4 },
      xAxis: categoryAxis(MONTHS.map((m) => `${m}月`)),
      yAxis: { ...valueAxis('万元'), minInterval: 0 },
      series: [
        {
          type: 'bar',
          name: '当月完成',
          barMaxWidth: 14,
          itemStyle: { color: SERIES_COLORS.actual, opacity: 0.35 },
          data: trend.monthlyYuan.map(wanOrNull),
        },
        {
          type: 'line',
          name: '累计完成',
          symbolSize: 5,
          itemStyle: { color: SERIES_COLORS.actual },
          lineStyle: { width: 2 },
          data: cumulative.map(wanOrNull),
        },
        {
          type: 'line',
          name: '序时进度（本年计划×N/12）',
          symbol: 'none',
          itemStyle: { color: SERIES_COLORS.pace },
          lineStyle: { type: 'dashed', width: 1.5 },
          data: pace.map(wanValue),
        },
      ],
    },
    table: {
      columns: ['月份', '当月完成（万元）', '累计完成（万元）', '序时进度计划（万元）', '累计完成率'],
      rows: MONTHS.map((month, i) => ({
        key: String(month),
        cells: [
          `${month}月`,
          formatWan(trend.monthlyYuan[i]),
          formatWan(cumulative[i]),
          formatWan(pace[i]),
          cumulative[i] === null || !trend.annualPlanYuan ? '' : percentText(cumulative[i] / trend.annualPlanYuan),
        ],
      })),
    },
  };
}

import type { BulletinPrint } from '../../db/model/bulletin';
import { percentFigure } from '../../db/model/bulletin-numbers';
import { baseOption, categoryAxis, valueAxis } from '../ui/charts/chart-base';
import { SERIES_COLORS } from '../ui/charts/chart-colors';
import type { ChartOption } from '../ui/charts/echarts-setup';
import { investmentTrendChart } from '../ui/charts/investment-trend-chart';
import { renderChartSvg } from '../ui/charts/render-svg';
import { colors } from '../ui/tokens';

/** The charts' size on the page, in px at 96 dpi: the A4 portrait text width, a third of the page high. */
export const BULLETIN_CHART_SIZE = { width: 620, height: 250 };

/** 投资完成率 of each ranked unit against 序时进度, in the ranking's order. */
function unitCompletionChart(data: BulletinPrint): ChartOption {
  const rows = data.byUnit.rows.filter((row) => row.rank !== null);
  const pace = Math.round(data.byUnit.timeProgress * 1000) / 10;
  return {
    ...baseOption(),
    grid: { left: 8, right: 12, top: 36, bottom: 4 },
    xAxis: {
      ...categoryAxis(rows.map((row) => row.group.name)),
      axisLabel: { interval: 0, rotate: rows.length > 8 ? 30 : 0 },
    },
    yAxis: { ...valueAxis('%'), minInterval: 0 },
    series: [
      {
        type: 'bar',
        name: '投资完成率',
        barMaxWidth: 22,
        itemStyle: { color: SERIES_COLORS.actual },
        label: { show: rows.length <= 12, position: 'top', fontSize: 9, color: colors.text },
        data: rows.map((row) => {
          const rate = row.figures.investmentRate.value;
          return rate === null ? null : Number(percentFigure(rate));
        }),
        markLine: {
          symbol: 'none',
          lineStyle: { color: SERIES_COLORS.pace, type: 'dashed', width: 1.5 },
          label: { formatter: `序时进度 ${pace.toFixed(1)}%`, position: 'insideEndTop', color: colors.yellowText },
          data: [{ yAxis: pace }],
        },
      },
    ],
  };
}

/**
 * The bulletin's two charts as SVG strings, drawn by the chart kit without a DOM: the office's investment month
 * by month against 序时进度, and each unit's 投资完成率 against it. In the page before it prints, sharp at any
 * scale.
 */
export function bulletinChartSvgs(data: BulletinPrint): { trend: string; units: string } {
  const trendOption = investmentTrendChart(data.trend).option;
  return {
    trend: renderChartSvg({ ...trendOption, tooltip: undefined }, BULLETIN_CHART_SIZE),
    units: renderChartSvg(unitCompletionChart(data), BULLETIN_CHART_SIZE),
  };
}

import type { LightLevel } from '../../../db/model/lights';
import type { WeekLights } from '../../../db/model/office-trends';
import { parseWeek, weekSpan } from '../../../db/model/weeks';
import { libraryHref } from '../../links/library-href';
import { baseOption, categoryAxis, valueAxis } from './chart-base';
import { LIGHT_COLORS } from './chart-colors';
import type { ChartSpec } from './chart-table';
import type { ChartOption } from './echarts-setup';

const STACK: { light: LightLevel; name: string }[] = [
  { light: 'red', name: '红灯' },
  { light: 'yellow', name: '黄灯' },
  { light: 'green', name: '绿灯' },
];

const weekNumber = (key: string) => `第${parseWeek(key)?.week ?? ''}周`;

/**
 * Each dispatch week's projects by light, as the week's snapshots kept them (stacked: red at the bottom). A red or
 * yellow block opens the library on the projects of that light now: the library shows today's lights, not a week's.
 */
export function lightTrendChart(weeks: readonly WeekLights[]): ChartSpec<ChartOption> {
  return {
    option: {
      ...baseOption(),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 8, top: 30, bottom: 4 },
      xAxis: categoryAxis(weeks.map((w) => weekNumber(w.week))),
      yAxis: valueAxis('个'),
      series: STACK.map(({ light, name }) => ({
        type: 'bar' as const,
        name,
        stack: 'lights',
        barMaxWidth: 22,
        itemStyle: { color: LIGHT_COLORS[light] },
        data: weeks.map((w) => w[light]),
      })),
    },
    table: {
      columns: ['调度周', '红灯', '黄灯', '绿灯', '合计'],
      rows: weeks.map((w) => {
        const week = parseWeek(w.week);
        return {
          key: w.week,
          cells: [
            week ? `${week.year}年${weekNumber(w.week)}（${weekSpan(week)}）` : w.week,
            String(w.red),
            String(w.yellow),
            String(w.green),
            String(w.red + w.yellow + w.green),
          ],
        };
      }),
    },
    hrefOf: ({ seriesIndex }) => {
      const light = STACK[seriesIndex]?.light;
      return light && light !== 'green' ? libraryHref({ light }) : null;
    },
  };
}

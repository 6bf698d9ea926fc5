import type { LightLevel } from '../../../db/model/lights';
import { libraryHref } from '../../links/library-href';
import { baseOption, categoryAxis, valueAxis } from './chart-base';
import { LIGHT_COLORS } from './chart-colors';
import type { ChartSpec } from './chart-table';
import type { ChartOption } from './echarts-setup';

export interface LeadLights {
  chainLead: string;
  red: number;
  yellow: number;
  projectCount: number;
  /** false for 未设链长, which the library cannot filter on */
  linkable: boolean;
}

const BARS: { light: Exclude<LightLevel, 'green'>; name: string }[] = [
  { light: 'red', name: '红灯' },
  { light: 'yellow', name: '黄灯' },
];

/** 红灯 (and 黄灯 after them, stacked) by 链长, most reds at the top; a bar opens that 链长's projects of its light. */
export function leadLightsChart(leads: readonly LeadLights[]): ChartSpec<ChartOption> {
  const ordered = [...leads].sort(
    (a, b) => b.red - a.red || b.yellow - a.yellow || a.chainLead.localeCompare(b.chainLead, 'zh-CN'),
  );
  // bottom-up on a horizontal chart: the most reds drawn at the top
  const drawn = [...ordered].reverse();
  const hrefOf = (lead: LeadLights | undefined, light: 'red' | 'yellow') =>
    lead?.linkable ? libraryHref({ light, lead: lead.chainLead }) : null;
  return {
    option: {
      ...baseOption(),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 28, top: 24, bottom: 4 },
      xAxis: { ...valueAxis(), show: false },
      yAxis: categoryAxis(drawn.map((l) => l.chainLead)),
      series: BARS.map(({ light, name }) => ({
        type: 'bar' as const,
        name,
        stack: 'lights',
        barMaxWidth: 14,
        itemStyle: { color: LIGHT_COLORS[light] },
        label: {
          show: true,
          color: '#fff',
          fontSize: 11,
          formatter: ({ value }: { value: unknown }) => (value ? String(value) : ''),
        },
        data: drawn.map((l) => l[light]),
      })),
    },
    table: {
      columns: ['链长', '红灯', '黄灯', '项目数'],
      rows: ordered.map((lead) => ({
        key: lead.chainLead,
        cells: [lead.chainLead, String(lead.red), String(lead.yellow), String(lead.projectCount)],
        href: hrefOf(lead, 'red') ?? undefined,
      })),
    },
    hrefOf: ({ seriesIndex, dataIndex }) => hrefOf(drawn[dataIndex], BARS[seriesIndex]?.light ?? 'red'),
  };
}

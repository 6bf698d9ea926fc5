import type { ChainSummary } from '../../../db/model/overview';
import { STAGE_LABELS, STAGES } from '../../../db/model/stages';
import { libraryHref } from '../../links/library-href';
import { baseOption, categoryAxis, valueAxis } from './chart-base';
import { STAGE_COLORS } from './chart-colors';
import type { ChartSpec } from './chart-table';
import type { ChartOption } from './echarts-setup';

/**
 * One chain's projects by stage, a small multiple: every chain of a 链长 is drawn on the same scale (`largest`),
 * so the charts compare at a glance. A column opens the library on that chain and stage.
 */
export function chainStageChart(chain: ChainSummary, largest: number): ChartSpec<ChartOption> {
  return {
    option: {
      ...baseOption(),
      legend: { show: false },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 2, right: 2, top: 14, bottom: 0 },
      xAxis: { ...categoryAxis(STAGES.map((s) => STAGE_LABELS[s])), axisLabel: { fontSize: 11, interval: 0 } },
      yAxis: { ...valueAxis(), show: false, max: Math.max(1, largest) },
      series: [
        {
          type: 'bar',
          name: '项目数',
          barMaxWidth: 16,
          label: { show: true, position: 'top', fontSize: 11 },
          data: STAGES.map((stage) => ({ value: chain.byStage[stage], itemStyle: { color: STAGE_COLORS[stage] } })),
        },
      ],
    },
    table: {
      columns: ['阶段', '项目数'],
      rows: STAGES.map((stage) => ({
        key: stage,
        cells: [STAGE_LABELS[stage], String(chain.byStage[stage])],
        href: libraryHref({ chain: chain.chainId, stage }),
      })),
    },
    hrefOf: ({ dataIndex }) => {
      const stage = STAGES[dataIndex];
      return stage ? libraryHref({ chain: chain.chainId, stage }) : null;
    },
  };
}

import type { StageCounts } from '../../../db/model/overview';
import { STAGE_LABELS, STAGES, type Stage } from '../../../db/model/stages';
import { libraryHref } from '../../links/library-href';
import { baseOption, categoryAxis, valueAxis } from './chart-base';
import { STAGE_COLORS } from './chart-colors';
import type { ChartSpec } from './chart-table';
import type { ChartOption } from './echarts-setup';

/** 四个一批 as the office names them: each stage is one 一批 (储备 and 前期 both 储备一批). */
const BATCH_OF: Record<Stage, string> = {
  reserve: '储备一批',
  preliminary: '储备一批',
  new_start: '开工一批',
  continuing: '推进一批',
  completed: '建成一批',
};

/** One bar per stage, 储备 at the top down to 竣工; a bar opens the library on that stage. */
export function stageChart(counts: StageCounts): ChartSpec<ChartOption> {
  // a horizontal bar chart lists its categories from the bottom up
  const stages = [...STAGES].reverse();
  return {
    option: {
      ...baseOption(),
      legend: { show: false },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 36, top: 4, bottom: 4 },
      xAxis: { ...valueAxis(), show: false },
      yAxis: categoryAxis(stages.map((s) => STAGE_LABELS[s])),
      series: [
        {
          type: 'bar',
          name: '项目数',
          barMaxWidth: 18,
          label: { show: true, position: 'right' },
          data: stages.map((stage) => ({ value: counts.byStage[stage], itemStyle: { color: STAGE_COLORS[stage] } })),
        },
      ],
    },
    table: {
      columns: ['阶段', '四个一批', '项目数'],
      rows: STAGES.map((stage) => ({
        key: stage,
        cells: [STAGE_LABELS[stage], BATCH_OF[stage], String(counts.byStage[stage])],
        href: libraryHref({ stage }),
      })),
    },
    hrefOf: ({ dataIndex }) => (stages[dataIndex] ? libraryHref({ stage: stages[dataIndex] }) : null),
  };
}

import { useMemo } from 'react';
import type { StageCounts } from '../../../db/model/overview';
import { ChartPanel } from '../../ui/charts/ChartPanel';
import { stageChart } from '../../ui/charts/stage-chart';

/** 四个一批 by stage, 储备 to 竣工: the office's funnel, each bar opening the library on its stage. */
export function StageChartPanel({ counts }: { counts: StageCounts }) {
  const spec = useMemo(() => stageChart(counts), [counts]);
  return <ChartPanel title="阶段分布" note={`共 ${counts.projectCount} 个项目`} spec={spec} height={150} />;
}

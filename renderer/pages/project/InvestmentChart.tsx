import { useMemo } from 'react';
import type { ProjectView } from '../../../electron/api-spec';
import { ChartPanel } from '../../ui/charts/ChartPanel';
import { investmentTrendChart } from '../../ui/charts/investment-trend-chart';

/** The project's plan year month by month: cumulative completed against 本年计划 × N ÷ 12. */
export function InvestmentChart({ project }: { project: ProjectView }) {
  const spec = useMemo(() => {
    const monthlyYuan = new Array<number | null>(12).fill(null);
    for (const { month, amountYuan } of project.monthly) monthlyYuan[month - 1] = amountYuan;
    return investmentTrendChart({ year: project.planYear, annualPlanYuan: project.annualPlanYuan, monthlyYuan });
  }, [project.monthly, project.planYear, project.annualPlanYuan]);
  return (
    <ChartPanel
      title={`本年投资进度（${project.planYear}年）`}
      note="万元"
      spec={spec}
      height={220}
      foot="序时进度线 = 本项目本年计划投资 × N ÷ 12"
    />
  );
}

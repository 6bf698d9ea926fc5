import { describe, expect, it } from 'vitest';
import type { ChainSummary, StageCounts } from '../../db/model/overview';
import { chainStageChart } from '../../renderer/ui/charts/chain-stage-chart';
import { investmentTrendChart } from '../../renderer/ui/charts/investment-trend-chart';
import { leadLightsChart } from '../../renderer/ui/charts/lead-lights-chart';
import { lightTrendChart } from '../../renderer/ui/charts/light-trend-chart';
import { stageChart } from '../../renderer/ui/charts/stage-chart';

// Each chart is built from figures into an ECharts option and a table: the numbers in are the numbers drawn, the
// table shows exactly those, and a click leads to the list the bar counts.

type Series = { name?: string; data: unknown[] };
const seriesOf = (option: { series?: unknown }) => option.series as Series[];
const values = (data: unknown[]) =>
  data.map((d) => (d !== null && typeof d === 'object' && 'value' in d ? (d as { value: unknown }).value : d));
const column = (rows: { cells: string[] }[], index: number) => rows.map((r) => r.cells[index]);

const counts = (byStage: StageCounts['byStage']): StageCounts => ({
  byStage,
  byLight: { red: 2, yellow: 3, green: 9 },
  projectCount: 14,
  totalInvestmentYuan: 0,
  newStartListed: 4,
  newStartStarted: 3,
  startRate: 0.75,
});

describe('图表的数字与表格', () => {
  it('本年投资：当月、累计、序时进度（本年计划×N/12）以万元画出，表中同样的数和累计完成率', () => {
    const monthlyYuan = [1_000_000, null, 2_500_000, null, null, null, null, null, null, null, null, null];
    const { option, table } = investmentTrendChart({ year: 2026, annualPlanYuan: 18_000_000, monthlyYuan });
    const [monthly, cumulative, pace] = seriesOf(option);
    expect(monthly.name).toBe('当月完成');
    expect(monthly.data).toEqual([100, null, 250, null, null, null, null, null, null, null, null, null]);
    expect(cumulative.data).toEqual([100, 100, 350, null, null, null, null, null, null, null, null, null]);
    expect(pace.name).toBe('序时进度（本年计划×N/12）');
    expect(pace.data).toEqual([150, 300, 450, 600, 750, 900, 1050, 1200, 1350, 1500, 1650, 1800]);
    expect(table.columns).toEqual([
      '月份',
      '当月完成（万元）',
      '累计完成（万元）',
      '序时进度计划（万元）',
      '累计完成率',
    ]);
    expect(table.rows.slice(0, 4).map((r) => r.cells)).toEqual([
      ['1月', '100.00', '100.00', '150.00', '5.6%'],
      ['2月', '', '100.00', '300.00', '5.6%'],
      ['3月', '250.00', '350.00', '450.00', '19.4%'],
      ['4月', '', '', '600.00', ''],
    ]);
    expect(table.rows[11].cells).toEqual(['12月', '', '', '1,800.00', '']);
  });

  it('本年计划为0时不算完成率；不足一分的金额按分四舍五入', () => {
    const monthlyYuan = [12_345, ...new Array<null>(11).fill(null)];
    const { option, table } = investmentTrendChart({ year: 2026, annualPlanYuan: 0, monthlyYuan });
    expect(seriesOf(option)[0].data[0]).toBe(1.23);
    expect(table.rows[0].cells).toEqual(['1月', '1.23', '1.23', '0.00', '']);
  });

  it('近12周灯色：红、黄、绿三段叠加，表中每周合计；点红、黄色块进入该灯色的项目库，绿色不跳转', () => {
    const spec = lightTrendChart([
      { week: '2026-W47', red: 3, yellow: 5, green: 20 },
      { week: '2026-W48', red: 2, yellow: 0, green: 25 },
    ]);
    const [red, yellow, green] = seriesOf(spec.option);
    expect([red.name, yellow.name, green.name]).toEqual(['红灯', '黄灯', '绿灯']);
    expect([red.data, yellow.data, green.data]).toEqual([
      [3, 2],
      [5, 0],
      [20, 25],
    ]);
    expect(spec.table.rows.map((r) => r.cells)).toEqual([
      ['2026年第47周（11月16日—11月22日）', '3', '5', '20', '28'],
      ['2026年第48周（11月23日—11月29日）', '2', '0', '25', '27'],
    ]);
    expect(spec.hrefOf?.({ seriesIndex: 0, dataIndex: 1 })).toBe('/projects?light=red');
    expect(spec.hrefOf?.({ seriesIndex: 1, dataIndex: 0 })).toBe('/projects?light=yellow');
    expect(spec.hrefOf?.({ seriesIndex: 2, dataIndex: 0 })).toBeNull();
  });

  it('各链长红黄灯：红灯多的排在前（图中在上），点色块进入该链长该灯色的项目；未设链长不跳转', () => {
    const spec = leadLightsChart([
      { chainLead: '李四', red: 1, yellow: 4, projectCount: 9, linkable: true },
      { chainLead: '张三', red: 5, yellow: 0, projectCount: 12, linkable: true },
      { chainLead: '未设链长', red: 2, yellow: 1, projectCount: 3, linkable: false },
    ]);
    expect(column(spec.table.rows, 0)).toEqual(['张三', '未设链长', '李四']);
    expect(spec.table.rows.map((r) => r.cells.slice(1))).toEqual([
      ['5', '0', '12'],
      ['2', '1', '3'],
      ['1', '4', '9'],
    ]);
    // a horizontal chart draws its first category at the bottom
    const [red, yellow] = seriesOf(spec.option);
    expect((spec.option.yAxis as { data: string[] }).data).toEqual(['李四', '未设链长', '张三']);
    expect(red.data).toEqual([1, 2, 5]);
    expect(yellow.data).toEqual([4, 1, 0]);
    expect(spec.hrefOf?.({ seriesIndex: 0, dataIndex: 2 })).toBe(
      `/projects?light=red&lead=${encodeURIComponent('张三')}`,
    );
    expect(spec.hrefOf?.({ seriesIndex: 1, dataIndex: 0 })).toBe(
      `/projects?light=yellow&lead=${encodeURIComponent('李四')}`,
    );
    expect(spec.hrefOf?.({ seriesIndex: 0, dataIndex: 1 })).toBeNull();
    expect(spec.table.rows[1].href).toBeUndefined();
  });

  it('阶段分布：储备在上、竣工在下，每段的数与表一致，点哪段进入哪个阶段', () => {
    const spec = stageChart(counts({ reserve: 4, preliminary: 6, new_start: 5, continuing: 8, completed: 2 }));
    expect(values(seriesOf(spec.option)[0].data)).toEqual([2, 8, 5, 6, 4]);
    expect(spec.table.rows.map((r) => r.cells)).toEqual([
      ['储备', '储备一批', '4'],
      ['前期', '储备一批', '6'],
      ['新开工', '开工一批', '5'],
      ['续建', '推进一批', '8'],
      ['竣工', '建成一批', '2'],
    ]);
    expect(spec.hrefOf?.({ seriesIndex: 0, dataIndex: 0 })).toBe('/projects?stage=completed');
    expect(spec.hrefOf?.({ seriesIndex: 0, dataIndex: 4 })).toBe('/projects?stage=reserve');
  });

  it('产业链小图：各阶段项目数，同一链长视图中共用一个刻度，点柱进入该产业链该阶段', () => {
    const chain: ChainSummary = {
      ...counts({ reserve: 1, preliminary: 0, new_start: 3, continuing: 7, completed: 1 }),
      chainId: 12,
      chainName: '电子信息',
      chainLead: '张三',
      target2025Yuan: null,
      rank: null,
      figures: null,
    };
    const spec = chainStageChart(chain, 9);
    expect(values(seriesOf(spec.option)[0].data)).toEqual([1, 0, 3, 7, 1]);
    expect((spec.option.yAxis as { max: number }).max).toBe(9);
    expect(column(spec.table.rows, 1)).toEqual(['1', '0', '3', '7', '1']);
    expect(spec.hrefOf?.({ seriesIndex: 0, dataIndex: 3 })).toBe('/projects?stage=continuing&chain=12');
    expect(spec.table.rows[2].href).toBe('/projects?stage=new_start&chain=12');
  });
});

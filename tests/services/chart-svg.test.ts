import { describe, expect, it } from 'vitest';
import { investmentTrendChart } from '../../renderer/ui/charts/investment-trend-chart';
import { lightTrendChart } from '../../renderer/ui/charts/light-trend-chart';
import { renderChartSvg } from '../../renderer/ui/charts/render-svg';

// Paper (the 月度通报) prints charts as SVG drawn without a DOM: here in Node, where there is none.

describe('图表画成SVG（无DOM）', () => {
  it('本年投资图：给定大小的SVG，带月份、图例和折线', () => {
    const monthlyYuan = [1_000_000, 2_000_000, 1_500_000, ...new Array<null>(9).fill(null)];
    const { option } = investmentTrendChart({ year: 2026, annualPlanYuan: 24_000_000, monthlyYuan });
    const svg = renderChartSvg(option, { width: 640, height: 300 });
    expect(typeof document).toBe('undefined');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="640"');
    expect(svg).toContain('height="300"');
    for (const text of ['1月', '12月', '累计完成', '序时进度（本年计划×N/12）', '万元']) expect(svg).toContain(text);
    expect(svg.match(/<path /g)?.length).toBeGreaterThan(10);
  });

  it('红黄绿灯图：每周一段的三种颜色都在SVG里', () => {
    const { option } = lightTrendChart([
      { week: '2026-W47', red: 3, yellow: 5, green: 20 },
      { week: '2026-W48', red: 2, yellow: 1, green: 25 },
    ]);
    const svg = renderChartSvg(option, { width: 400, height: 240 });
    for (const colour of ['#cf1322', '#d48806', '#389e0d']) expect(svg).toContain(colour);
    expect(svg).toContain('第48周');
  });
});

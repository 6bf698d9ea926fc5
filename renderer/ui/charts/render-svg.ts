import { init, type ChartOption } from './echarts-setup';

/**
 * A chart as an SVG string, drawn without a DOM (ECharts' server-side rendering): for paper, where a chart must be
 * in the page before it prints, and for Node. Sizes in px; the option is a builder's, as the screens draw it.
 */
export function renderChartSvg(option: ChartOption, size: { width: number; height: number }): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

import { useEffect, useRef } from 'react';
import type { ChartPoint } from './chart-table';
import { init, type ChartOption } from './echarts-setup';

interface EChartProps {
  option: ChartOption;
  height: number;
  /** a click on a bar, point or segment */
  onPoint?: (point: ChartPoint) => void;
  /** what a screen reader says of the drawing; its numbers are in the 表 view */
  label: string;
}

/** One ECharts chart in SVG, as wide as its panel and redrawn when the panel changes size. */
export function EChart({ option, height, onPoint, label }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  const pointHandler = useRef(onPoint);
  useEffect(() => {
    pointHandler.current = onPoint;
  });

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, null, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (event) => {
      pointHandler.current?.({ seriesIndex: event.seriesIndex ?? 0, dataIndex: event.dataIndex });
    });
    // the panel, not the window: a side panel or a card changes width without the window doing so
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={box}
      className={`zd-chart${onPoint ? ' is-clickable' : ''}`}
      style={{ height }}
      role="img"
      aria-label={label}
    />
  );
}

import { Segmented } from 'antd';
import { useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import type { ChartSpec } from './chart-table';
import { ChartTableView } from './ChartTableView';
import { EChart } from './EChart';
import type { ChartOption } from './echarts-setup';
import './charts.css';

type View = 'chart' | 'table';
const VIEWS: { value: View; label: string }[] = [
  { value: 'chart', label: '图' },
  { value: 'table', label: '表' },
];

interface ChartPanelProps {
  title: string;
  /** beside the title: the unit, what the figures count */
  note?: ReactNode;
  spec: ChartSpec<ChartOption>;
  height: number;
  /** under the chart or table: what a click does, a definition */
  foot?: ReactNode;
  /** a small chart inside a card: no panel frame of its own */
  bare?: boolean;
  className?: string;
}

/** A chart with its table a click away (图 / 表) and bars that open the list they count. */
export function ChartPanel({ title, note, spec, height, foot, bare = false, className }: ChartPanelProps) {
  const [view, setView] = useState<View>('chart');
  const [, navigate] = useLocation();
  const { hrefOf } = spec;
  const openPoint = hrefOf
    ? (point: Parameters<typeof hrefOf>[0]) => {
        const href = hrefOf(point);
        if (href) navigate(href);
      }
    : undefined;
  const Heading = bare ? 'h4' : 'h3';
  return (
    <section
      className={[bare ? 'zd-chart-bare' : 'zd-panel', 'zd-chart-panel', className].filter(Boolean).join(' ')}
      aria-label={title}
    >
      <Heading className={bare ? 'zd-chart-title' : 'zd-panel-title'}>
        <span className="zd-chart-name" title={title}>
          {title}
        </span>
        {note && !bare && <span className="zd-panel-note">{note}</span>}
        <Segmented<View>
          className="zd-chart-toggle"
          size="small"
          options={VIEWS}
          value={view}
          onChange={setView}
          aria-label={`${title}：图或表`}
        />
      </Heading>
      {note && bare && <div className="zd-chart-note zd-muted zd-small">{note}</div>}
      {view === 'chart' ? (
        <EChart option={spec.option} height={height} onPoint={openPoint} label={`${title}（图，数字见“表”）`} />
      ) : (
        <ChartTableView table={spec.table} label={title} />
      )}
      {foot && <div className="zd-chart-foot zd-muted zd-small">{foot}</div>}
    </section>
  );
}

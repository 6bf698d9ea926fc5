import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import {
  UNASSIGNED_LEAD,
  type Assessed,
  type ChainLeadOverview,
  type ChainLeadSummary,
  type ChainSummary,
} from '../../../db/model/overview';
import type { Fraction } from '../../../db/model/stat-fraction';
import type { GroupFigures } from '../../../db/model/stat-figures';
import { fractionText, monthsText, signedPointsText } from '../../../db/model/stat-table';
import { percentText } from '../../ui/percent';
import { libraryHref } from '../../links/library-href';
import { yiText } from './yi';

function LightCount({ light, count, lead }: { light: 'red' | 'yellow'; count: number; lead?: string }) {
  if (!count) return <span className="zd-faint">0</span>;
  if (!lead) return <span className={`cl-rank-count light-${light}`}>{count}</span>;
  return (
    <Link className={`cl-rank-count light-${light}`} href={libraryHref({ light, lead })}>
      {count}
    </Link>
  );
}

interface Column<T> {
  title: ReactNode;
  className?: string;
  cell(item: T): ReactNode;
}

function RateText({ rate }: { rate: Fraction }) {
  return (
    <span title={`${fractionText(rate)}个项目`}>
      {percentText(rate.value)}
      <span className="cl-rank-parts">{fractionText(rate)}</span>
    </span>
  );
}

/** A figure of the ranking, or “—” for a group the ranking has no row for (no projects). */
function figureCell<T extends Assessed>(read: (f: GroupFigures) => ReactNode) {
  return (item: T) => (item.figures ? read(item.figures) : <span className="zd-faint">—</span>);
}

/** 统计排名's figures at the current month; only a 链长's own row links to the library (it filters by 链长). */
function countColumns<T extends Assessed>(leadOf: (item: T) => string | undefined = () => undefined): Column<T>[] {
  return [
    { title: '项目数', className: 'num', cell: figureCell<T>((f) => f.projectCount) },
    { title: '投资完成率', className: 'num', cell: figureCell<T>((f) => percentText(f.investmentRate.value)) },
    { title: '与序时进度差', className: 'num', cell: figureCell<T>((f) => signedPointsText(f.gapPoints)) },
    {
      title: '红灯',
      className: 'num',
      cell: (c) => <LightCount light="red" count={c.figures?.red ?? 0} lead={leadOf(c)} />,
    },
    {
      title: '黄灯',
      className: 'num',
      cell: (c) => <LightCount light="yellow" count={c.figures?.yellow ?? 0} lead={leadOf(c)} />,
    },
    { title: '开工率', className: 'num', cell: figureCell<T>((f) => <RateText rate={f.startRate} />) },
    { title: '按期竣工率', className: 'num', cell: figureCell<T>((f) => <RateText rate={f.onTimeCompletionRate} />) },
  ];
}

function RankTable<T extends Assessed>({
  rows,
  columns,
  rowKey,
}: {
  rows: T[];
  columns: Column<T>[];
  rowKey(item: T): string;
}) {
  return (
    <table className="zd-table zd-table-hover cl-rank">
      <thead>
        <tr>
          <th className="num cl-rank-place">名次</th>
          {columns.map((c, i) => (
            <th key={i} className={c.className}>
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((item) => (
          <tr key={rowKey(item)}>
            <td className="num cl-rank-place">{item.rank ?? <span className="zd-faint">—</span>}</td>
            {columns.map((c, i) => (
              <td key={i} className={c.className}>
                {c.cell(item)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The office's 考核 (db/model/stat-assessment.ts), at the current month: the server sends the groups in order. */
export function AssessmentRanking({ overview }: { overview: ChainLeadOverview }) {
  const assessed = overview.leads.filter((l) => l.chainLead !== UNASSIGNED_LEAD);
  const unassigned = overview.leads.find((l) => l.chainLead === UNASSIGNED_LEAD);
  const byLead = (
    <>
      <RankTable<ChainLeadSummary>
        rows={assessed}
        rowKey={(l) => l.chainLead}
        columns={[
          { title: '链长', cell: (l) => l.chainLead },
          { title: '产业链', className: 'cl-rank-chains', cell: (l) => l.chains.map((c) => c.name).join('、') },
          ...countColumns<ChainLeadSummary>((l) => l.chainLead),
        ]}
      />
      {unassigned && unassigned.projectCount > 0 && (
        <div className="cl-rank-note zd-hint">未设链长的 {unassigned.projectCount} 个项目不参加链长排名。</div>
      )}
    </>
  );
  const byChain = (
    <RankTable<ChainSummary>
      rows={overview.chains}
      rowKey={(c) => String(c.chainId)}
      columns={[
        { title: '产业链', cell: (c) => c.chainName },
        { title: '链长', cell: (c) => c.chainLead || UNASSIGNED_LEAD },
        { title: '2025年目标产值（亿元）', className: 'num', cell: (c) => yiText(c.target2025Yuan) },
        ...countColumns<ChainSummary>(),
      ]}
    />
  );
  return (
    <section className="zd-panel" id="cl-ranking" aria-label="考核排名">
      <h3 className="zd-panel-title cl-panel-title">
        考核排名
        <span className="zd-panel-note">
          {overview.statsMonth === null
            ? '计划年度尚未开始，暂不排名'
            : `${monthsText(overview.statsMonth)}；投资完成率超序时进度多者在前，再看红灯、黄灯（少者在前）、开工率`}
        </span>
      </h3>
      <Tabs
        size="small"
        items={[
          { key: 'leads', label: '按链长', children: byLead },
          { key: 'chains', label: '按产业链', children: byChain },
        ]}
      />
    </section>
  );
}

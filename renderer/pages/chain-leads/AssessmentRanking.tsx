import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import {
  byAssessment,
  UNASSIGNED_LEAD,
  type ChainLeadOverview,
  type ChainLeadSummary,
  type ChainSummary,
  type StageCounts,
} from '../../../db/model/overview';
import { percentText } from '../../ui/percent';
import { libraryHref } from '../../links/library-href';
import { yiText } from './yi';

/** Ties share a place: two leads with the same reds, yellows and 开工率 are both 第2名. */
function ranked<T extends StageCounts>(items: readonly T[]): { item: T; rank: number }[] {
  const sorted = [...items].sort(byAssessment);
  const places: { item: T; rank: number }[] = [];
  sorted.forEach((item, i) => {
    const previous = places[i - 1];
    const rank = previous && byAssessment(previous.item, item) === 0 ? previous.rank : i + 1;
    places.push({ item, rank });
  });
  return places;
}

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

/** Only a 链长's own row links to the library: the library filters by 链长, not by chain. */
function countColumns<T extends StageCounts>(leadOf: (item: T) => string | undefined = () => undefined): Column<T>[] {
  return [
    { title: '项目数', className: 'num', cell: (c) => c.projectCount },
    { title: '红灯', className: 'num', cell: (c) => <LightCount light="red" count={c.byLight.red} lead={leadOf(c)} /> },
    {
      title: '黄灯',
      className: 'num',
      cell: (c) => <LightCount light="yellow" count={c.byLight.yellow} lead={leadOf(c)} />,
    },
    { title: '新开工', className: 'num', cell: (c) => c.newStartListed },
    { title: '已开工', className: 'num', cell: (c) => c.newStartStarted },
    { title: '开工率', className: 'num', cell: (c) => percentText(c.startRate) },
  ];
}

function RankTable<T extends StageCounts>({
  rows,
  columns,
  rowKey,
}: {
  rows: { item: T; rank: number }[];
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
        {rows.map(({ item, rank }) => (
          <tr key={rowKey(item)}>
            <td className="num cl-rank-place">{rank}</td>
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

/** The office's 考核: leads and chains by most reds, then most yellows, then the lower 开工率. */
export function AssessmentRanking({ overview }: { overview: ChainLeadOverview }) {
  const assessed = overview.leads.filter((l) => l.chainLead !== UNASSIGNED_LEAD);
  const unassigned = overview.leads.find((l) => l.chainLead === UNASSIGNED_LEAD);
  const byLead = (
    <>
      <RankTable<ChainLeadSummary>
        rows={ranked(assessed)}
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
      rows={ranked(overview.chains)}
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
        考核排名<span className="zd-panel-note">红灯多者在前；红灯相同看黄灯，再看开工率（低者在前）</span>
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

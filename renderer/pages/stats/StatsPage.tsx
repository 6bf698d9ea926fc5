import { Alert, Button, Segmented, Select, Spin } from 'antd';
import { useTable } from '@tanstack/react-table';
import { useRef, useState } from 'react';
import { CHANGE_KINDS } from '../../../db/model/change-event';
import { monthOf, yearOf } from '../../../db/model/dates';
import { STATS_BY_LABELS, type StatsBy } from '../../../db/model/stat-grouping';
import type { StatsRanking } from '../../../db/model/stat-ranking';
import { lightsNote, monthsText } from '../../../db/model/stat-table';
import { useAppStatus } from '../../app/app-status';
import { useApi } from '../../hooks/use-api';
import { useLiveChanges } from '../../hooks/use-live-changes';
import { DataGrid, type DataGridHandle } from '../../ui/DataGrid';
import { exportExcel } from '../../ui/export-excel';
import { ExcelExportButton } from '../../ui/ExcelExportButton';
import { percentText } from '../../ui/percent';
import { statsColumns, statsFeatures, totalText } from './stats-columns';
import './stats.css';

/** The groupings built so far; 乡镇 and 项目级别 join when their lists exist. */
const BY_CHOICES: StatsBy[] = ['unit', 'park', 'chain', 'chainLead'];

/** The months that may be asked: up to the current one in the plan year, all twelve of a past one. */
function monthsOf(planYear: number, today: string): number[] {
  const last = planYear < yearOf(today) ? 12 : planYear === yearOf(today) ? monthOf(today) : 0;
  return Array.from({ length: last }, (_, i) => i + 1);
}

/** 统计排名: each group's figures at the end of a month, in 考核 order, and the same table as an xlsx. */
export function StatsPage() {
  const { status } = useAppStatus();
  const months = monthsOf(status.planYear, status.today);
  const [by, setBy] = useState<StatsBy>('unit');
  const [month, setMonth] = useState(months[months.length - 1] ?? 1);
  const question = { year: status.planYear, month, by };
  const ranking = useApi('stats.ranking', question, { enabled: months.length > 0 });
  useLiveChanges(CHANGE_KINDS, () => void ranking.reload());
  const gridRef = useRef<DataGridHandle>(null);

  return (
    <div className="zd-page st-page">
      <div className="zd-page-head st-head">
        <h2 className="zd-page-title">统计排名</h2>
        <span className="zd-muted">
          {status.planYear}年{monthsText(month)} ·
          名次按考核：投资完成率超序时进度多者在前，再看红灯、黄灯（少者在前）、开工率
        </span>
      </div>
      <div className="zd-toolbar" role="toolbar" aria-label="统计选项">
        <Segmented<StatsBy>
          aria-label="分组"
          value={by}
          options={BY_CHOICES.map((b) => ({ value: b, label: `按${STATS_BY_LABELS[b]}` }))}
          onChange={setBy}
        />
        <Select
          aria-label="年度"
          style={{ width: 92 }}
          value={status.planYear}
          options={[{ value: status.planYear, label: `${status.planYear}年` }]}
        />
        <Select
          aria-label="月份"
          style={{ width: 110 }}
          value={month}
          disabled={months.length === 0}
          options={months.map((m) => ({ value: m, label: `截至${m}月底` }))}
          onChange={setMonth}
        />
        {ranking.data && <RankingFacts ranking={ranking.data} />}
        <span className="zd-push">
          <ExcelExportButton
            noun="组"
            disabled={!ranking.data}
            onExport={() => exportExcel('stats.export', question)}
          />
        </span>
      </div>
      {months.length === 0 && <Alert type="info" showIcon title={`${status.planYear}年尚未开始，还没有可统计的月份`} />}
      {ranking.error && !ranking.loading && (
        <Alert
          type="error"
          showIcon
          title="统计读取失败"
          description={ranking.error.message}
          action={<Button onClick={() => void ranking.reload()}>重试</Button>}
        />
      )}
      {ranking.data ? (
        <Spin spinning={ranking.loading} description="正在统计…" wrapperClassName="st-grid-box">
          <RankingGrid ranking={ranking.data} gridRef={gridRef} />
        </Spin>
      ) : (
        !ranking.error && months.length > 0 && <Spin className="zd-spin-block" description="正在统计…" />
      )}
    </div>
  );
}

function RankingFacts({ ranking }: { ranking: StatsRanking }) {
  return (
    <span className="st-facts zd-secondary">
      序时进度 {percentText(ranking.timeProgress)}
      <span className="st-sep">|</span>
      {lightsNote(ranking)}
      <span className="st-sep">|</span>
      单位：万元、个百分点
    </span>
  );
}

function RankingGrid({ ranking, gridRef }: { ranking: StatsRanking; gridRef: React.Ref<DataGridHandle> }) {
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const table = useTable({
    features: statsFeatures,
    columns: statsColumns(ranking),
    data: ranking.rows,
    getRowId: (row) => row.group.key || '未填写',
  });
  return (
    <DataGrid
      ref={gridRef}
      table={table}
      label={`统计排名（按${STATS_BY_LABELS[ranking.by]}）`}
      className="st-scroll"
      flexibleColumn="group"
      selection={{ focusedId, onFocus: setFocusedId }}
      rowProps={(row) => ({
        'aria-label': `${row.original.rank === null ? '' : `第${row.original.rank}名 `}${row.original.group.name}`,
        className: row.original.rank === null ? 'st-unranked' : undefined,
      })}
      totals={{
        label: `合计（${ranking.total.projectCount}个项目）`,
        value: (column) => totalText(column.id, ranking),
      }}
      empty={<div className="st-empty">没有项目</div>}
    />
  );
}

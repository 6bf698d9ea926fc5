import { useTable, type RowSelectionState, type SortingState } from '@tanstack/react-table';
import { Alert, Button, Empty, Spin } from 'antd';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { Problem, ProblemListRow } from '../../../db/model/problems';
import type { ProblemSummary } from '../../../electron/api-spec';
import { RaiseProblemDialog } from '../../components/RaiseProblemDialog';
import { useApi } from '../../hooks/use-api';
import { problemColumns, problemFeatures } from './problem-columns';
import {
  DEFAULT_FILTERS,
  filterProblems,
  hasFilters,
  queryOf,
  viewFromQuery,
  type ProblemFilters as Filters,
} from './problem-filters';
import { ProblemCounts } from './ProblemCounts';
import { ProblemDrawer } from '../../components/problem/ProblemDrawer';
import { ProblemFilters } from './ProblemFilters';
import { preferSlips } from './problem-print-saved';
import { ProblemTable } from './ProblemTable';
import { chooseSlips, useSlipChoice } from '../../components/slip-choice';
import './problems.css';
import { useMayCall } from '../../app/session/session';

const DEFAULT_SORTING: SortingState = [{ id: 'code', desc: false }];

/** 问题清单: every problem loaded once, filtered in the window; counts per unit and 链长 beside it. */
export function ProblemList() {
  const problems = useApi('problems.list', {});
  const summary = useApi('problems.summary', {});
  if (problems.error && !problems.data) {
    return (
      <Alert
        type="error"
        showIcon
        title="问题清单读取失败"
        description={problems.error.message}
        action={
          <Button size="small" onClick={() => void problems.reload()}>
            重试
          </Button>
        }
      />
    );
  }
  if (!problems.data) {
    return (
      <div className="zd-grid-blank">
        <Spin description="正在读取问题清单…">
          <div className="zd-loading-box" />
        </Spin>
      </div>
    );
  }
  const reload = () => Promise.all([problems.reload(), summary.reload()]);
  return <ListView problems={problems.data} summary={summary.data} onReload={reload} />;
}

interface ListViewProps {
  problems: ProblemListRow[];
  summary: ProblemSummary | undefined;
  onReload(): Promise<unknown>;
}

function ListView({ problems, summary, onReload }: ListViewProps) {
  const [location, navigate] = useLocation();
  const { filters, openId } = viewFromQuery(useSearch());
  const [searchText, setSearchText] = useState('');
  const search = useDeferredValue(searchText);
  const [sorting, setSorting] = useState<SortingState>(DEFAULT_SORTING);
  const [raising, setRaising] = useState(false);
  const mayCall = useMayCall();
  const scrollBox = useRef<HTMLDivElement>(null);

  const go = (next: Filters, id: number | null) => navigate(`${location}${queryOf(next, id)}`, { replace: true });
  const change = (patch: Partial<Filters>) => go({ ...filters, ...patch }, openId);
  const openProblem = (id: number | null) => go(filters, id);

  const shown = useMemo(() => filterProblems(problems, filters, search), [problems, filters, search]);
  const slips = useSlipChoice();
  const rowSelection = useMemo<RowSelectionState>(
    () => Object.fromEntries(slips.map((id) => [String(id), true as const])),
    [slips],
  );
  const table = useTable({
    features: problemFeatures,
    columns: problemColumns,
    data: shown,
    getRowId: (p) => String(p.id),
    state: { sorting, rowSelection },
    onSortingChange: setSorting,
    onRowSelectionChange: (updater) => {
      const next = typeof updater === 'function' ? updater(rowSelection) : updater;
      chooseSlips(Object.keys(next).map(Number));
    },
    enableSortingRemoval: false,
  });
  const rows = table.getRowModel().rows;
  const shownOverdue = shown.filter((p) => p.daysOverdue > 0).length;

  const clear = () => {
    setSearchText('');
    go(DEFAULT_FILTERS, openId);
  };
  const focusList = () => scrollBox.current?.querySelector<HTMLElement>('.pb-scroll')?.focus();

  return (
    <div className="zd-page">
      <ProblemFilters
        filters={filters}
        summary={summary}
        searchText={searchText}
        shown={shown.length}
        shownOverdue={shownOverdue}
        canClear={hasFilters(filters, searchText)}
        onSearch={setSearchText}
        onLeaveSearch={focusList}
        onChange={change}
        onClear={clear}
        onRaise={() => setRaising(true)}
        slipCount={slips.length}
        onPrintSlips={() => {
          preferSlips();
          navigate('/problems/print');
        }}
      />
      <div className="pb-list-body" ref={scrollBox}>
        <ProblemTable
          table={table}
          rows={rows}
          openId={openId}
          onOpen={openProblem}
          empty={
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                problems.length
                  ? '没有符合条件的问题'
                  : '还没有登记问题。调度会上提出的需协调事项可在“周调度”中一键转为问题。'
              }
            >
              {problems.length > 0 ? (
                <Button onClick={clear}>清除筛选</Button>
              ) : (
                mayCall('problems.create') && (
                  <Button type="primary" onClick={() => setRaising(true)}>
                    登记问题
                  </Button>
                )
              )}
            </Empty>
          }
        />
        <ProblemCounts
          summary={summary}
          unit={filters.unit}
          lead={filters.lead}
          overdue={filters.overdue}
          onUnit={(unit, overdue) =>
            change({ unit, lead: null, overdue: unit === null ? false : overdue, status: 'open' })
          }
          onLead={(lead, overdue) =>
            change({ lead, unit: null, overdue: lead === null ? false : overdue, status: 'open' })
          }
        />
      </div>
      <ProblemDrawer id={openId} onClose={() => openProblem(null)} onChanged={() => void onReload()} />
      <RaiseProblemDialog
        open={raising}
        onClose={() => setRaising(false)}
        onCreated={(created: Problem) => {
          setRaising(false);
          chooseSlips([created.id]);
          void onReload().then(() => openProblem(created.id));
        }}
      />
    </div>
  );
}

import { Alert, Button, Empty } from 'antd';
import { useEffect, useRef } from 'react';
import { useLocation, useSearch } from 'wouter';
import { useApi } from '../../hooks/use-api';
import { HistoryCount } from './HistoryCount';
import { HistoryFilterBar } from './HistoryFilterBar';
import { HistoryTable } from './HistoryTable';
import {
  auditInputOf,
  hasFilters,
  NO_FILTERS,
  queryOf,
  viewFromQuery,
  type HistoryFilters,
} from '../../links/history-query';
import './history.css';

/** 变更记录: the audit log of every change, filtered by project, operator, dates and kind, 200 lines a page. */
export function HistoryPage() {
  const [location, navigate] = useLocation();
  const search = useSearch();
  const { filters, page, before } = viewFromQuery(search);
  const log = useApi('audit.list', auditInputOf(filters, page, before));
  // useApi keeps the last page while the next loads, so the operators list does not flicker
  const operators = log.data?.operators ?? [];

  const scrollBox = useRef<HTMLDivElement>(null);
  const shownKey = log.data ? `${search}|${log.data.entries[0]?.id ?? ''}` : '';
  useEffect(() => {
    scrollBox.current?.scrollTo?.({ top: 0 });
  }, [shownKey]);

  const go = (next: HistoryFilters, nextPage = 1, nextBefore: number | null = null) =>
    navigate(`${location}${queryOf(next, nextPage, nextBefore)}`, { replace: true });
  const change = (patch: Partial<HistoryFilters>) => go({ ...filters, ...patch });
  const clear = () => go(NO_FILTERS);
  const filtered = hasFilters(filters);

  return (
    <div className="zd-page">
      <div className="history-header">
        <h1 className="zd-page-title">变更记录</h1>
        <HistoryFilterBar
          filters={filters}
          operators={operators}
          canClear={filtered}
          onChange={change}
          onClear={clear}
        />
      </div>
      {log.error && (
        <Alert
          className="history-error"
          type="error"
          showIcon
          title="变更记录读取失败"
          description={log.error.message}
          action={
            <Button size="small" onClick={() => void log.reload()}>
              重试
            </Button>
          }
        />
      )}
      <HistoryCount
        total={log.data?.total}
        totalCapped={log.data?.totalCapped ?? false}
        nextBefore={log.data?.nextBefore ?? null}
        older={before !== null && !log.loading}
        page={page}
        loading={log.loading}
        onPage={(next) => go(filters, next, before)}
        onMore={(next) => go(filters, 1, next)}
        onNewest={() => go(filters)}
      />
      <div className="history-body" ref={scrollBox}>
        <HistoryTable
          entries={log.data?.entries ?? []}
          oneProject={filters.projectId !== null}
          loading={log.loading}
          empty={
            log.data && log.data.total > 0 ? (
              // an old link may point past the last page
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="这一页没有记录">
                <Button onClick={() => go(filters)}>回到第一页</Button>
              </Empty>
            ) : (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  filtered
                    ? '没有符合条件的变更记录'
                    : '还没有变更记录。新建或修改项目、填报调度后，每一处改动都记在这里。'
                }
              >
                {filtered && <Button onClick={clear}>清除筛选</Button>}
              </Empty>
            )
          }
        />
      </div>
    </div>
  );
}

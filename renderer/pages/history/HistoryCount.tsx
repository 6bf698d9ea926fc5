import { Button, Pagination } from 'antd';
import { PAGE_SIZE } from '../../links/history-query';

interface HistoryCountProps {
  /** undefined until the first page has come */
  total: number | undefined;
  /** the server stopped counting at `total`: there are more */
  totalCapped: boolean;
  /** where “更多…” goes on from, once the counted pages are used up */
  nextBefore: number | null;
  /** showing rows older than the counted ones */
  older: boolean;
  page: number;
  loading: boolean;
  onPage(page: number): void;
  onMore(before: number): void;
  onNewest(): void;
}

/**
 * “共 N 条记录”, which lines this page shows, and the pages. A log of millions is counted only so far: past
 * that the count says “以上” and “更多…” goes on from the oldest line shown.
 */
export function HistoryCount(props: HistoryCountProps) {
  const { total, totalCapped, nextBefore, older, page, loading, onPage, onMore, onNewest } = props;
  if (total === undefined) return <div className="history-count zd-muted">{loading ? '正在读取变更记录…' : ''}</div>;
  const first = (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(page * PAGE_SIZE, total);
  const lastPage = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <div className="history-count zd-muted">
      <span aria-label="记录条数">
        {older ? '更早的记录：' : ''}共 <b className="num">{total}</b> 条{totalCapped ? '以上' : ''}记录
        {total > PAGE_SIZE && first <= total && (
          <span className="history-range">
            ，本页第 <span className="num">{first}</span>—<span className="num">{last}</span> 条
          </span>
        )}
      </span>
      <span className="history-pages">
        {older && (
          <Button size="small" type="link" onClick={onNewest}>
            回到最新
          </Button>
        )}
        {total > PAGE_SIZE && (
          <Pagination
            size="small"
            simple={false}
            current={page}
            pageSize={PAGE_SIZE}
            total={total}
            showSizeChanger={false}
            showQuickJumper={total > PAGE_SIZE * 10}
            onChange={onPage}
          />
        )}
        {totalCapped && page >= lastPage && nextBefore !== null && (
          <Button size="small" onClick={() => onMore(nextBefore)}>
            更多…
          </Button>
        )}
      </span>
    </div>
  );
}

import { Pagination } from 'antd';
import { PAGE_SIZE } from '../../links/history-query';

interface HistoryCountProps {
  /** undefined until the first page has come */
  total: number | undefined;
  page: number;
  loading: boolean;
  onPage(page: number): void;
}

/** “共 N 条记录”, which lines this page shows, and the pages. */
export function HistoryCount({ total, page, loading, onPage }: HistoryCountProps) {
  if (total === undefined) return <div className="history-count">{loading ? '正在读取变更记录…' : ''}</div>;
  const first = (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(page * PAGE_SIZE, total);
  return (
    <div className="history-count">
      <span aria-label="记录条数">
        共 <b className="num">{total}</b> 条记录
        {total > PAGE_SIZE && first <= total && (
          <span className="history-range">
            ，本页第 <span className="num">{first}</span>—<span className="num">{last}</span> 条
          </span>
        )}
      </span>
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
    </div>
  );
}

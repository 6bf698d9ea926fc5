import { Alert, Table, type TableColumnsType, type TableProps } from 'antd';
import type { ApiQuery } from '../../../hooks/use-api';

interface AccountTableProps<T extends { id: number }> {
  /** the read that fills it: its rows, its first loading, and its failure said above the table */
  query: ApiQuery<T[]>;
  columns: TableColumnsType<T>;
  /** what a failed read is called, e.g. 无法读取用户 */
  failedTitle: string;
  emptyText: string;
  onRow?: TableProps<T>['onRow'];
}

/** The admin's lists (用户, 在线会话, 登录记录): one dense bordered table, one line per row, every row shown. */
export function AccountTable<T extends { id: number }>({
  query,
  columns,
  failedTitle,
  emptyText,
  onRow,
}: AccountTableProps<T>) {
  return (
    <>
      {query.error && <Alert type="error" showIcon title={failedTitle} description={query.error.message} />}
      <Table<T>
        className="settings-table"
        classNames={{ header: { cell: 'zd-cell-line' }, body: { cell: 'zd-cell-line' } }}
        size="small"
        bordered
        rowKey="id"
        columns={columns}
        dataSource={query.data ?? []}
        loading={query.loading && !query.data}
        pagination={false}
        tableLayout="fixed"
        onRow={onRow}
        locale={{ emptyText }}
      />
    </>
  );
}

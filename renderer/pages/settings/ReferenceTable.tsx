import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { retiredRowClass } from './reference-tab';

interface Props<T> {
  columns: TableColumnsType<T>;
  rows: readonly T[];
  /** a double-click opens the row's dialog, as 编辑 does */
  onEdit(row: T): void;
  emptyText: string;
}

/** A reference list of 设置 (产业链, 单位, 园区, 项目级别, 乡镇, 包挂领导), read like a ledger; 停用 rows greyed. */
export function ReferenceTable<T extends { id: number; retired: boolean }>({
  columns,
  rows,
  onEdit,
  emptyText,
}: Props<T>) {
  return (
    <Table<T>
      className="settings-table"
      classNames={{ header: { cell: 'zd-cell-line' }, body: { cell: 'zd-cell-line' } }}
      size="small"
      bordered
      rowKey="id"
      columns={columns}
      dataSource={rows}
      pagination={false}
      tableLayout="fixed"
      rowClassName={retiredRowClass}
      onRow={(record) => ({ onDoubleClick: () => onEdit(record) })}
      locale={{ emptyText }}
    />
  );
}

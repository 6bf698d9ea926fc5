import { Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import type { AuditRow } from '../../../electron/api-spec';
import { ClampedText } from './ClampedText';
import { HistoryObject } from './HistoryObject';
import { ACTION_LABELS, fieldText, formatAt, valueText } from './history-text';

const COLUMNS: TableColumnsType<AuditRow> = [
  {
    key: 'at',
    title: '时间',
    width: 142,
    className: 'zd-nowrap',
    render: (_, entry) => <span className="num">{formatAt(entry.at)}</span>,
  },
  { key: 'operator', title: '操作人', width: 80, dataIndex: 'operator', className: 'zd-nowrap' },
  { key: 'object', title: '对象', width: 260, render: (_, entry) => <HistoryObject entry={entry} /> },
  {
    key: 'action',
    title: '操作',
    width: 48,
    align: 'center',
    render: (_, entry) => (
      <span className={`hist-action is-${entry.action}`}>{ACTION_LABELS[entry.action] ?? entry.action}</span>
    ),
  },
  {
    key: 'field',
    title: '项目',
    width: 200,
    render: (_, entry) => <div className="hist-field">{fieldText(entry)}</div>,
  },
  { key: 'old', title: '原值', render: (_, entry) => <ClampedText text={valueText(entry, entry.oldValue)} /> },
  { key: 'new', title: '新值', render: (_, entry) => <ClampedText text={valueText(entry, entry.newValue)} /> },
];

interface HistoryTableProps {
  entries: AuditRow[];
  /** one project's history: its name is in the filter, not on every line */
  oneProject: boolean;
  loading: boolean;
  empty: ReactNode;
}

/** The log, newest first, one line per changed item. */
export function HistoryTable({ entries, oneProject, loading, empty }: HistoryTableProps) {
  return (
    <Table<AuditRow>
      className="hist-table"
      styles={{
        header: { cell: { padding: '6px 8px' } },
        body: { cell: { padding: '4px 8px', verticalAlign: 'top', lineHeight: '20px' } },
      }}
      size="small"
      bordered
      sticky
      tableLayout="fixed"
      rowKey="id"
      columns={oneProject ? COLUMNS.filter((c) => c.key !== 'object') : COLUMNS}
      dataSource={entries}
      loading={loading ? { description: '正在读取变更记录…' } : false}
      pagination={false}
      locale={{ emptyText: loading ? ' ' : empty }}
    />
  );
}

import { Select, Table, type TableColumnsType } from 'antd';
import type { ImportColumn } from '../../../electron/api-spec';
import { LEDGER_FIELD_LABELS, LEDGER_FIELDS, type LedgerField } from '../../../db/model/ledger-fields';

const LEFT_OUT = '__none__';

/** The header's likely meanings first, then every other field, then 不导入. */
function fieldOptions(column: ImportColumn) {
  const rest = LEDGER_FIELDS.filter((f) => !column.candidates.includes(f));
  const option = (field: LedgerField) => ({ value: field, label: LEDGER_FIELD_LABELS[field] });
  return [
    ...(column.candidates.length ? [{ label: '按列名推断', options: column.candidates.map(option) }] : []),
    { label: '其他栏目', options: rest.map(option) },
    { label: '　', options: [{ value: LEFT_OUT, label: '不导入这一列' }] },
  ];
}

interface ImportColumnMapProps {
  columns: ImportColumn[];
  manySheets: boolean;
  disabled: boolean;
  onChoose(header: string, field: LedgerField | null): void;
}

/** 列对应: every headed column of the sheet and what it is read into, each changeable. */
export function ImportColumnMap({ columns, manySheets, disabled, onChoose }: ImportColumnMapProps) {
  const tableColumns: TableColumnsType<ImportColumn> = [
    ...(manySheets ? [{ title: '工作表', dataIndex: 'sheet', width: 110, ellipsis: true }] : []),
    { title: '表中列名', dataIndex: 'header', width: 220, render: (header: string) => <b>{header}</b> },
    {
      title: '读作',
      key: 'field',
      width: 260,
      render: (_: unknown, column: ImportColumn) => (
        <Select
          aria-label={`“${column.header}”读作`}
          size="small"
          style={{ width: '100%' }}
          value={column.field ?? LEFT_OUT}
          disabled={disabled}
          options={fieldOptions(column)}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(value: string) => onChoose(column.header, value === LEFT_OUT ? null : (value as LedgerField))}
        />
      ),
    },
    {
      title: '说明',
      key: 'note',
      render: (_: unknown, column: ImportColumn) =>
        column.question ? (
          <span className="zd-text-yellow">{column.question}</span>
        ) : column.chosen ? (
          <span className="zd-faint">已按您的选择读取</span>
        ) : column.field === null ? (
          <span className="zd-faint">不导入</span>
        ) : null,
    },
  ];
  return (
    <Table<ImportColumn>
      aria-label="列对应"
      className="ledger-import-table ledger-import-columns"
      styles={{ body: { cell: { verticalAlign: 'top' } } }}
      size="small"
      columns={tableColumns}
      dataSource={columns}
      rowKey={(c) => `${c.sheet}\u0000${c.index}`}
      rowClassName={(c) => (c.question ? 'is-question' : c.field === null ? 'is-ignored' : '')}
      pagination={false}
    />
  );
}

import { Table, Tabs, type TableColumnsType } from 'antd';
import type { ImportRow, ImportRowError, LedgerImportPreview } from '../../../electron/api-spec';
import { formatWan } from '../../../db/model/money';
import { STAGE_LABELS } from '../../../db/model/stages';
import { changeText } from './ledger-import-text';

export type ImportTab = 'creates' | 'updates' | 'errors';

/** The tab a fresh preview opens on: the rows that need the clerk's attention first. */
export function firstTab(preview: LedgerImportPreview): ImportTab {
  if (preview.errors.length > 0) return 'errors';
  if (preview.creates.length === 0 && preview.updates.length > 0) return 'updates';
  return 'creates';
}

const PAGE_SIZE = 50;
const pagination = (rows: number) =>
  rows > PAGE_SIZE ? { pageSize: PAGE_SIZE, showSizeChanger: false, size: 'small' as const } : false;
const rowKey = (row: { sheet: string; row: number }) => `${row.sheet}\u0000${row.row}`;

/** Excel's row number; with several sheets the sheet name is needed to find it. */
function sheetColumn<T extends { sheet: string }>(): TableColumnsType<T>[number] {
  return { title: '工作表', dataIndex: 'sheet', width: 110, ellipsis: true };
}
function rowColumn<T extends { row: number }>(title: string): TableColumnsType<T>[number] {
  return { title, dataIndex: 'row', width: 80, align: 'right', className: 'num' };
}

function createColumns(manySheets: boolean): TableColumnsType<ImportRow> {
  return [
    ...(manySheets ? [sheetColumn<ImportRow>()] : []),
    rowColumn<ImportRow>('Excel行号'),
    { title: '项目编号', dataIndex: 'code', width: 120, render: (code: string) => code || '—' },
    { title: '项目名称', dataIndex: 'name' },
    { title: '建设单位', dataIndex: 'owner', render: (owner: string) => owner || '—' },
    { title: '阶段', dataIndex: 'stage', width: 72, render: (stage: ImportRow['stage']) => STAGE_LABELS[stage] },
    {
      title: '总投资（万元）',
      dataIndex: 'totalInvestmentYuan',
      width: 140,
      align: 'right',
      className: 'num',
      render: (yuan: number) => formatWan(yuan),
    },
  ];
}

function updateColumns(manySheets: boolean): TableColumnsType<ImportRow> {
  return [
    ...(manySheets ? [sheetColumn<ImportRow>()] : []),
    rowColumn<ImportRow>('行号'),
    {
      title: '项目',
      key: 'project',
      width: 300,
      render: (_: unknown, row: ImportRow) => (
        <div className="ledger-import-project">
          <span className="ledger-import-code">{row.code}</span>
          <span>{row.name}</span>
        </div>
      ),
    },
    {
      title: '变化',
      key: 'changes',
      render: (_: unknown, row: ImportRow) => (
        <ul className="ledger-import-changes">
          {row.changes.map((change) => (
            <li key={change.label}>{changeText(change)}</li>
          ))}
        </ul>
      ),
    },
  ];
}

const errorColumns: TableColumnsType<ImportRowError> = [
  sheetColumn<ImportRowError>(),
  rowColumn<ImportRowError>('行号'),
  { title: '项目名称', dataIndex: 'name', width: 260, render: (name: string) => name || '—' },
  { title: '原因', dataIndex: 'message', className: 'ledger-import-reason' },
];

function tabLabel(title: string, count: number, attention = false) {
  return (
    <span className={attention && count > 0 ? 'ledger-import-tab-attention' : undefined}>
      {title}（{count}）
    </span>
  );
}

interface ImportPreviewTablesProps {
  preview: LedgerImportPreview;
  tab: ImportTab;
  onTabChange(tab: ImportTab): void;
}

/** 新建 / 更新 / 有错误: each row of the file that will change something, with its Excel row number. */
export function ImportPreviewTables({ preview, tab, onTabChange }: ImportPreviewTablesProps) {
  const manySheets = preview.sheets.length > 1;
  const table = <T extends object>(
    label: string,
    columns: TableColumnsType<T>,
    rows: T[],
    key: (row: T) => string,
    empty: string,
  ) => (
    <Table<T>
      aria-label={label}
      className="ledger-import-table"
      size="small"
      columns={columns}
      dataSource={rows}
      rowKey={key}
      pagination={pagination(rows.length)}
      locale={{ emptyText: empty }}
    />
  );
  return (
    <Tabs
      className="ledger-import-tabs"
      size="small"
      activeKey={tab}
      onChange={(key) => onTabChange(key as ImportTab)}
      items={[
        {
          key: 'creates',
          label: tabLabel('新建', preview.creates.length),
          children: table('新建的项目', createColumns(manySheets), preview.creates, rowKey, '没有需要新建的项目'),
        },
        {
          key: 'updates',
          label: tabLabel('更新', preview.updates.length),
          children: table('更新的项目', updateColumns(manySheets), preview.updates, rowKey, '没有需要更新的项目'),
        },
        {
          key: 'errors',
          label: tabLabel('有错误', preview.errors.length, true),
          children: table('有错误的行', errorColumns, preview.errors, rowKey, '没有错误'),
        },
      ]}
    />
  );
}

import { Select, Table, Tabs, type TableColumnsType } from 'antd';
import type { ImportRow, ImportRowError, LedgerImportPreview } from '../../../electron/api-spec';
import { formatWan } from '../../../db/model/money';
import { STAGE_LABELS } from '../../../db/model/stages';
import { ImportColumnMap } from './ImportColumnMap';
import { importRowKey, type LedgerField } from '../../../db/model/ledger-fields';
import { CHAIN_SOURCE_LABELS, changeText } from './ledger-import-text';

export type ImportTab = 'creates' | 'updates' | 'warnings' | 'errors' | 'columns';

/** The tab a fresh preview opens on: the rows that need the clerk's attention first. */
export function firstTab(preview: LedgerImportPreview): ImportTab {
  if (preview.columns.some((c) => c.question)) return 'columns';
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
  return { title: '工作表', dataIndex: 'sheet', width: 96, ellipsis: true };
}
function rowColumn<T extends { row: number }>(title: string): TableColumnsType<T>[number] {
  return { title, dataIndex: 'row', width: 56, align: 'right', className: 'num' };
}

function moneyColumn(title: string, pick: (row: ImportRow) => number): TableColumnsType<ImportRow>[number] {
  return {
    title,
    key: title,
    width: 104,
    align: 'right',
    className: 'num',
    render: (_: unknown, row: ImportRow) => formatWan(pick(row)),
  };
}

export interface ChainChoice {
  options: { value: number; label: string }[];
  /** the clerk's chain for one row (a new project without a 产业链 cell) */
  onChoose(key: string, chainId: number): void;
  disabled: boolean;
}

function ChainCell({ row, choice }: { row: ImportRow; choice: ChainChoice }) {
  const { source, reason } = row.chain;
  if (source === 'sheet' || source === 'library') return <span>{row.chain.name}</span>;
  return (
    <div className="ledger-import-chain-cell" title={reason ?? CHAIN_SOURCE_LABELS[source]}>
      <Select
        style={{ width: '100%' }}
        aria-label={`产业链：${row.name}`}
        size="small"
        value={row.chain.id}
        options={choice.options}
        disabled={choice.disabled}
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(id: number) => choice.onChoose(importRowKey(row), id)}
      />
      <span className="zd-ellipsis zd-hint">{reason ?? CHAIN_SOURCE_LABELS[source]}</span>
    </div>
  );
}

function createColumns(manySheets: boolean, choice: ChainChoice): TableColumnsType<ImportRow> {
  return [
    ...(manySheets ? [sheetColumn<ImportRow>()] : []),
    rowColumn<ImportRow>('行号'),
    {
      title: '项目名称 / 编号、建设单位',
      key: 'name',
      render: (_: unknown, row: ImportRow) => (
        <div className="ledger-import-project">
          <span className="ledger-import-name">{row.name}</span>
          <span className="zd-hint">
            <span className="ledger-import-code zd-num zd-hint">{row.code}</span> · {row.owner || '—'}
          </span>
        </div>
      ),
    },
    { title: '阶段', dataIndex: 'stage', width: 60, render: (stage: ImportRow['stage']) => STAGE_LABELS[stage] },
    {
      title: '产业链',
      key: 'chain',
      width: 190,
      render: (_: unknown, row: ImportRow) => <ChainCell row={row} choice={choice} />,
    },
    moneyColumn('总投资', (r) => r.money.totalYuan),
    moneyColumn('本年计划', (r) => r.money.annualPlanYuan),
    moneyColumn('本年完成', (r) => r.money.yearCompletedYuan),
    moneyColumn('自开工累计', (r) => r.money.sinceStartYuan),
  ];
}

function updateColumns(manySheets: boolean): TableColumnsType<ImportRow> {
  return [
    ...(manySheets ? [sheetColumn<ImportRow>()] : []),
    rowColumn<ImportRow>('行号'),
    {
      title: '项目',
      key: 'project',
      width: 260,
      render: (_: unknown, row: ImportRow) => (
        <div className="ledger-import-project">
          <span className="ledger-import-code zd-num zd-hint">{row.code}</span>
          <span>{row.name}</span>
        </div>
      ),
    },
    {
      title: '变化',
      key: 'changes',
      render: (_: unknown, row: ImportRow) => (
        <ul className="ledger-import-changes zd-plain-list zd-num">
          {row.changes.map((change) => (
            <li key={change.label}>{changeText(change)}</li>
          ))}
        </ul>
      ),
    },
    moneyColumn('本年完成', (r) => r.money.yearCompletedYuan),
    moneyColumn('自开工累计', (r) => r.money.sinceStartYuan),
  ];
}

/** 提醒 (imported, to check) and 有错误 (not imported): the same rows, told apart by colour. */
function messageColumns(tone: 'warning' | 'error', choice: ChainChoice | null): TableColumnsType<ImportRowError> {
  return [
    sheetColumn<ImportRowError>(),
    rowColumn<ImportRowError>('行号'),
    { title: '项目名称', dataIndex: 'name', width: 240, render: (name: string) => name || '—' },
    {
      title: '说明',
      key: 'message',
      className: tone === 'error' ? 'ledger-import-reason' : 'ledger-import-warning',
      render: (_: unknown, row: ImportRowError) => (
        <>
          <span>{row.message}</span>
          {choice && row.needsChain && (
            <Select
              aria-label={`产业链：${row.name}`}
              size="small"
              className="ledger-import-error-chain"
              placeholder="选择产业链"
              options={choice.options}
              disabled={choice.disabled}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={(id: number) => choice.onChoose(importRowKey(row), id)}
            />
          )}
        </>
      ),
    },
  ];
}

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
  chainChoice: ChainChoice;
  onChooseColumn(header: string, field: LedgerField | null): void;
}

/** 新建 / 更新 / 提醒 / 有错误 / 列对应: what each row of the file does, with its Excel row number. */
export function ImportPreviewTables({
  preview,
  tab,
  onTabChange,
  chainChoice,
  onChooseColumn,
}: ImportPreviewTablesProps) {
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
      styles={{ body: { cell: { verticalAlign: 'top' } } }}
      columns={columns}
      dataSource={rows}
      rowKey={key}
      pagination={pagination(rows.length)}
      locale={{ emptyText: empty }}
    />
  );
  const questions = preview.columns.filter((c) => c.question).length;
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
          children: table(
            '新建的项目',
            createColumns(manySheets, chainChoice),
            preview.creates,
            rowKey,
            '没有需要新建的项目',
          ),
        },
        {
          key: 'updates',
          label: tabLabel('更新', preview.updates.length),
          children: table('更新的项目', updateColumns(manySheets), preview.updates, rowKey, '没有需要更新的项目'),
        },
        {
          key: 'warnings',
          label: tabLabel('提醒', preview.warnings.length),
          children: table(
            '导入时的提醒',
            messageColumns('warning', null),
            preview.warnings,
            (w) => `${rowKey(w)}\u0000${w.message}`,
            '没有提醒',
          ),
        },
        {
          key: 'errors',
          label: tabLabel('有错误', preview.errors.length, true),
          children: table('有错误的行', messageColumns('error', chainChoice), preview.errors, rowKey, '没有错误'),
        },
        {
          key: 'columns',
          label: (
            <span className={questions > 0 ? 'ledger-import-tab-attention' : undefined}>
              列对应（{preview.columns.length}列{questions > 0 ? `，${questions}列待确认` : ''}）
            </span>
          ),
          children: (
            <ImportColumnMap
              columns={preview.columns}
              manySheets={manySheets}
              disabled={chainChoice.disabled}
              onChoose={onChooseColumn}
            />
          ),
        },
      ]}
    />
  );
}

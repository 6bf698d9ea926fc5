import {
  createColumnHelper,
  createSortedRowModel,
  metaHelper,
  rowSelectionFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  type SortFn,
} from '@tanstack/react-table';
import { Checkbox } from 'antd';
import { Link } from 'wouter';
import {
  PROBLEM_CATEGORY_LABELS,
  PROBLEM_STATUSES,
  type ProblemListRow,
  type ProblemStatus,
} from '../../../db/model/problems';
import { OverdueMark, ProblemStatusTag } from '../../components/problem/ProblemStatusTag';

export interface ProblemColumnMeta {
  label: string;
  /** the column's width; the 问题 column takes what is left */
  width: number;
  /** how narrow the column may get when the window is (the 1366-wide screen) */
  minWidth?: number;
  num?: boolean;
}

export const problemFeatures = tableFeatures({
  rowSortingFeature,
  rowSelectionFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic, alphanumeric: sortFn_alphanumeric },
  columnMeta: metaHelper<ProblemColumnMeta>(),
});
export type ProblemFeatures = typeof problemFeatures;
export const FLEXIBLE_COLUMN = 'problem';

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true, sensitivity: 'base' });
/** Chinese text in pinyin order, the way WPS sorts it; blanks last. */
const byChineseText: SortFn<ProblemFeatures, ProblemListRow> = (a, b, id) =>
  collator.compare(String(a.getValue(id) ?? ''), String(b.getValue(id) ?? ''));
const byStatus: SortFn<ProblemFeatures, ProblemListRow> = (a, b, id) =>
  PROBLEM_STATUSES.indexOf(a.getValue<ProblemStatus>(id)) - PROBLEM_STATUSES.indexOf(b.getValue<ProblemStatus>(id));

/** 牵头单位 first; the 责任单位 that are not also 牵头 after it. */
function otherUnits(p: ProblemListRow): string[] {
  return p.responsibleUnitNames.filter((name) => name !== p.leadUnitName);
}

function CodeCell({ p }: { p: ProblemListRow }) {
  return (
    <div className="pb-cell2">
      <span className="zd-small zd-num">{p.code}</span>
      <span className="pb-sub zd-faint zd-small" title={p.source || undefined}>
        {p.source}
      </span>
    </div>
  );
}

function ProblemCell({ p }: { p: ProblemListRow }) {
  return (
    <div className="pb-cell2">
      <span className="pb-desc" title={p.description}>
        {p.description}
      </span>
      <span className="pb-sub zd-faint zd-small">
        <Link
          href={`/projects/${p.projectId}`}
          title={`${p.projectCode} ${p.projectName}`}
          onClick={(event) => event.stopPropagation()}
          tabIndex={-1}
        >
          {p.projectName}
        </Link>
      </span>
    </div>
  );
}

function UnitsCell({ p }: { p: ProblemListRow }) {
  const others = otherUnits(p);
  const all = [p.leadUnitName ? `牵头：${p.leadUnitName}` : '', others.length ? `责任：${others.join('、')}` : '']
    .filter(Boolean)
    .join('\n');
  if (!all) return <span className="zd-hint">未指定</span>;
  return (
    <div className="pb-cell2" title={all}>
      <span className="zd-small">{p.leadUnitName ?? others[0]}</span>
      <span className="pb-sub zd-faint zd-small">{(p.leadUnitName ? others : others.slice(1)).join('、')}</span>
    </div>
  );
}

const col = createColumnHelper<ProblemFeatures, ProblemListRow>();

/** A tick is not a click on the row: it chooses the problem for 交办单 without opening it. */
const keepToItself = (event: { stopPropagation(): void }) => event.stopPropagation();

export const problemColumns = col.columns([
  col.display({
    id: 'pick',
    header: ({ table }) => (
      <span onClick={keepToItself}>
        <Checkbox
          checked={table.getIsAllRowsSelected()}
          indeterminate={table.getIsSomeRowsSelected() && !table.getIsAllRowsSelected()}
          disabled={table.getRowModel().rows.length === 0}
          onChange={table.getToggleAllRowsSelectedHandler()}
          aria-label="勾选列出的全部问题"
        />
      </span>
    ),
    meta: { label: '勾选（打印交办单）', width: 32 },
    enableSorting: false,
    cell: ({ row }) => (
      <span onClick={keepToItself}>
        <Checkbox
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
          aria-label={`勾选${row.original.code}`}
        />
      </span>
    ),
  }),
  col.accessor('code', {
    id: 'code',
    header: '编号',
    meta: { label: '编号（来源）', width: 96 },
    sortFn: 'alphanumeric',
    cell: (info) => <CodeCell p={info.row.original} />,
  }),
  col.accessor((p) => `${p.projectCode} ${p.code}`, {
    id: FLEXIBLE_COLUMN,
    header: () => (
      <>
        问题描述<span className="pb-th-sub zd-faint">项目</span>
      </>
    ),
    meta: { label: '问题描述（项目）', width: 200, minWidth: 150 },
    sortFn: 'alphanumeric',
    cell: (info) => <ProblemCell p={info.row.original} />,
  }),
  col.accessor((p) => PROBLEM_CATEGORY_LABELS[p.category], {
    id: 'category',
    header: '类别',
    meta: { label: '类别', width: 68, minWidth: 66 },
    sortFn: byChineseText,
    cell: (info) => <span className="zd-small">{info.getValue()}</span>,
  }),
  col.accessor((p) => p.leadUnitName ?? p.responsibleUnitNames[0] ?? '', {
    id: 'units',
    header: '牵头/责任单位',
    meta: { label: '牵头/责任单位', width: 132, minWidth: 104 },
    sortFn: byChineseText,
    cell: (info) => <UnitsCell p={info.row.original} />,
  }),
  col.accessor('chainLead', {
    id: 'chainLead',
    header: '链长',
    meta: { label: '链长', width: 104, minWidth: 84 },
    sortFn: byChineseText,
    cell: (info) => (
      <span className="pb-lead zd-small zd-secondary" title={info.getValue()}>
        {info.getValue()}
      </span>
    ),
  }),
  col.accessor('raisedOn', {
    id: 'raisedOn',
    header: '登记日期',
    meta: { label: '登记日期', width: 82, num: true },
    sortFn: 'basic',
  }),
  col.accessor((p) => p.deadline ?? '', {
    id: 'deadline',
    header: '办结时限',
    meta: { label: '办结时限', width: 82, num: true },
    sortFn: 'basic',
    cell: (info) => info.getValue() || <span className="zd-hint">未定</span>,
  }),
  col.accessor('status', {
    id: 'status',
    header: '状态',
    meta: { label: '状态', width: 68 },
    sortFn: byStatus,
    cell: (info) => <ProblemStatusTag status={info.getValue()} />,
  }),
  col.accessor('daysOpen', {
    id: 'daysOpen',
    header: '办理天数',
    meta: { label: '办理天数', width: 56, num: true },
    sortFn: 'basic',
    sortDescFirst: true,
  }),
  col.accessor('daysOverdue', {
    id: 'daysOverdue',
    header: '超期',
    // room for “超期120天”: the column a clerk scans for, so it never gives way
    meta: { label: '超期天数', width: 84, num: true },
    sortFn: 'basic',
    sortDescFirst: true,
    cell: (info) => <OverdueMark days={info.getValue()} />,
  }),
]);

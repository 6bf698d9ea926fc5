import { createColumnHelper, metaHelper, tableFeatures } from '@tanstack/react-table';
import type { MonthGridRow } from '../../../electron/api-spec';
import { formatWan } from '../../../db/model/money';
import { DerivedCell, MonthColumnCell, type DerivedKey } from './investment-cells';
import { MONTHS } from './investment-model';
import { StageTag } from '../../ui/StageTag';

export interface InvestmentColumnMeta {
  /** the header as plain text, for tooltips */
  label: string;
  width: number;
  num?: boolean;
  /** frozen at the left while the clerk scrolls across the months */
  pinned?: boolean;
  /** an editable month cell, 1 … 12 */
  month?: number;
  /** a figure recomputed from the months as the clerk types */
  derived?: DerivedKey;
}

export const investmentFeatures = tableFeatures({ columnMeta: metaHelper<InvestmentColumnMeta>() });
export type InvestmentFeatures = typeof investmentFeatures;

const col = createColumnHelper<InvestmentFeatures, MonthGridRow>();

const chainTitle = (name: string) => (name.endsWith('产业链') ? name : `${name}产业链`);

function WithUnit({ label }: { label: string }) {
  return (
    <>
      {label}
      <span className="zd-grid-unit">（万元）</span>
    </>
  );
}

export const investmentColumns = col.columns([
  col.accessor('name', {
    header: '项目',
    meta: { label: '项目名称与编号', width: 290, pinned: true },
    cell: (info) => (
      <span className="inv-project" title={`${info.row.original.name}\n${info.row.original.code}`}>
        <span className="zd-ellipsis">{info.getValue()}</span>
        <span className="inv-project-code zd-faint zd-num">{info.row.original.code}</span>
      </span>
    ),
  }),
  col.accessor('stage', {
    header: '阶段',
    meta: { label: '阶段', width: 64 },
    cell: (info) => <StageTag stage={info.getValue()} compact />,
  }),
  col.accessor('chainLead', {
    header: '链长',
    meta: { label: '链长', width: 150 },
    cell: (info) => (
      <span title={`${chainTitle(info.row.original.chainName)}，链长：${info.getValue()}`}>{info.getValue()}</span>
    ),
  }),
  col.accessor('annualPlanYuan', {
    header: () => <WithUnit label="本年计划" />,
    meta: { label: '本年计划（万元）', width: 100, num: true },
    cell: (info) => formatWan(info.getValue()),
  }),
  ...MONTHS.map((month) =>
    col.display({
      id: `m${month}`,
      header: `${month}月`,
      meta: { label: `${month}月完成投资（万元）`, width: 86, num: true, month },
      cell: (info) => <MonthColumnCell row={info.row.original} rowIndex={info.row.index} month={month} />,
    }),
  ),
  col.display({
    id: 'yearCompleted',
    header: '本年累计',
    meta: { label: '本年累计完成投资（万元）', width: 104, num: true, derived: 'yearCompleted' },
    cell: (info) => <DerivedCell row={info.row.original} figure="yearCompleted" />,
  }),
  col.display({
    id: 'rate',
    header: '完成率',
    meta: { label: '年度投资完成率', width: 68, num: true, derived: 'rate' },
    cell: (info) => <DerivedCell row={info.row.original} figure="rate" />,
  }),
  col.accessor('investedBeforeYearYuan', {
    header: '截至上年底累计',
    meta: { label: '截至上年底累计完成投资（万元）', width: 112, num: true },
    cell: (info) => formatWan(info.getValue()),
  }),
  col.display({
    id: 'sinceStart',
    header: '自开工累计',
    meta: { label: '自开工累计完成投资（万元）', width: 108, num: true, derived: 'sinceStart' },
    cell: (info) => <DerivedCell row={info.row.original} figure="sinceStart" />,
  }),
]);

import { suspensionText } from '../../db/model/list-membership';
import type { ReactNode } from 'react';
import { formatChineseDate } from '../../db/model/dates';
import type { PrintTotals } from '../../db/model/dispatch-print';
import { LIGHT_LABELS } from '../../db/model/lights';
import { formatWan } from '../../db/model/money';
import { STAGE_LABELS } from '../../db/model/stages';
import type { DispatchPrint } from '../../electron/api-spec';
import { CONTINUED, type PrintRow, type SheetLine } from './print-dispatch-lines';
import { columnWidthsMm } from './print-dispatch-widths';
import {
  DISPATCH_PRINT_COLUMN_LABELS,
  MONEY_COLUMNS,
  type DispatchPrintColumn,
  type DispatchPrintOptions,
} from './print-options';

const MONEY_FIELD: Record<string, 'totalInvestmentYuan' | 'annualPlanYuan' | 'yearCompletedYuan'> = {
  totalInvestment: 'totalInvestmentYuan',
  annualPlan: 'annualPlanYuan',
  yearCompleted: 'yearCompletedYuan',
};

const isMoney = (column: DispatchPrintColumn) => MONEY_COLUMNS.includes(column);

function headLabel(column: DispatchPrintColumn, reportedMonths: number): ReactNode {
  if (column === 'yearCompleted' && reportedMonths > 0) {
    return (
      <>
        <span className="paper-head-line">本年完成</span>
        <span className="paper-head-line">（1—{reportedMonths}月）</span>
      </>
    );
  }
  return DISPATCH_PRINT_COLUMN_LABELS[column];
}

function cellOf(row: PrintRow, column: DispatchPrintColumn): ReactNode {
  switch (column) {
    case 'units':
      return <td key={column}>{row.responsibleUnitNames.join('、')}</td>;
    case 'stage':
      return (
        <td key={column} className="paper-center">
          {STAGE_LABELS[row.stage]}
        </td>
      );
    case 'totalInvestment':
    case 'annualPlan':
    case 'yearCompleted':
      return (
        <td key={column} className="num">
          {formatWan(row[MONEY_FIELD[column]])}
        </td>
      );
    case 'progress':
    case 'problems':
    case 'coordination':
    case 'nextPlan':
      return (
        <td key={column} className="paper-text">
          {row[column]}
        </td>
      );
    case 'approvals':
      return (
        <td key={column} className="paper-text">
          {row.approvalProgress}
        </td>
      );
    case 'light':
      // 停建/缓建: listed with its status, no light
      if (row.suspended) {
        return (
          <td key={column} className="paper-text">
            {suspensionText(row.suspended)}
          </td>
        );
      }
      return (
        <td key={column} className="paper-text">
          <span className={`paper-light paper-light-${row.light}`}>
            <i className="paper-light-mark" aria-hidden="true" />
            {LIGHT_LABELS[row.light]}
          </span>
          {row.lightReasons.length > 0 && <span className="paper-light-reasons">{row.lightReasons.join('；')}</span>}
        </td>
      );
  }
}

/** 小计/合计: the label spans the columns before the money, the text columns stay empty. */
function TotalsRow({
  label,
  totals,
  columns,
  className,
}: {
  label: string;
  totals: PrintTotals;
  columns: DispatchPrintColumn[];
  className: string;
}) {
  const firstMoney = columns.findIndex(isMoney);
  const money = columns.filter(isMoney);
  const before = firstMoney < 0 ? columns.length : firstMoney;
  const after = columns.length - before - money.length;
  return (
    <tr className={className}>
      <td colSpan={2 + before} className="paper-center">
        {label.replace('{n}', String(totals.count))}
      </td>
      {money.map((column) => (
        <td key={column} className="num">
          {formatWan(totals[MONEY_FIELD[column]])}
        </td>
      ))}
      {after > 0 && <td colSpan={after} />}
    </tr>
  );
}

function Line({ line, columns, data }: { line: SheetLine; columns: DispatchPrintColumn[]; data: DispatchPrint }) {
  const span = 2 + columns.length;
  switch (line.kind) {
    case 'group':
      return (
        <tr className="paper-group">
          <td colSpan={span}>{line.group.title}</td>
        </tr>
      );
    case 'continued':
      return (
        <tr className="paper-group paper-group-continued">
          <td colSpan={span}>
            {line.group.title}
            {CONTINUED}
          </td>
        </tr>
      );
    case 'row':
      return (
        <tr className="paper-row">
          <td className="paper-center">{line.row.serial}</td>
          <td className="paper-text">{line.row.name}</td>
          {columns.map((column) => cellOf(line.row, column))}
        </tr>
      );
    case 'subtotal':
      return (
        <TotalsRow label="小计 {n} 个项目" totals={line.group.subtotal} columns={columns} className="paper-subtotal" />
      );
    case 'total':
      return <TotalsRow label="合计 {n} 个项目" totals={data.total} columns={columns} className="paper-total" />;
    case 'empty':
      return (
        <tr className="paper-row">
          <td colSpan={span} className="paper-center paper-empty">
            本周没有符合条件的项目
          </td>
        </tr>
      );
    case 'sign':
      return (
        <tr className="paper-footer-row">
          <td colSpan={span}>
            <DispatchSignLine data={data} />
          </td>
        </tr>
      );
  }
}

export function DispatchTable({
  data,
  options,
  lines,
}: {
  data: DispatchPrint;
  options: Pick<DispatchPrintOptions, 'paper' | 'cols'>;
  lines: SheetLine[];
}) {
  const widths = columnWidthsMm(options.paper, options.cols);
  const width = (column: string) => ({ width: `${widths[column].toFixed(2)}mm` });
  return (
    <table className="paper-table">
      <colgroup>
        <col style={width('serial')} />
        <col style={width('name')} />
        {options.cols.map((column) => (
          <col key={column} style={width(column)} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th>序号</th>
          <th>项目名称</th>
          {options.cols.map((column) => (
            <th key={column}>{headLabel(column, data.reportedMonths)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <Line key={line.key} line={line} columns={options.cols} data={data} />
        ))}
      </tbody>
    </table>
  );
}

function narrowedTo(options: Pick<DispatchPrintOptions, 'scope' | 'lead'>): string {
  const parts = [
    options.lead ? `链长：${options.lead}` : '',
    options.scope === 'redYellow' ? '范围：红灯、黄灯项目' : '',
  ];
  return parts.filter(Boolean).join('　');
}

export function DispatchTitle({
  data,
  options,
}: {
  data: DispatchPrint;
  options: Pick<DispatchPrintOptions, 'scope' | 'lead'>;
}) {
  return (
    <header className="paper-head">
      <h1 className="paper-title">{data.title}</h1>
      <div className="paper-subhead">
        <span>{narrowedTo(options)}</span>
        <span className="paper-center">统计时段：{data.span}</span>
        <span className="paper-unit">单位：万元</span>
      </div>
    </header>
  );
}

export function DispatchSignLine({ data }: { data: DispatchPrint }) {
  return (
    <div className="paper-sign">
      <span>填表人：{data.operatorName}</span>
      <span>
        审核人：
        <span className="paper-blank" />
      </span>
      <span>
        联系电话：
        <span className="paper-blank" />
      </span>
      <span>填报日期：{formatChineseDate(data.printedOn)}</span>
    </div>
  );
}

/** One page as `paginate` dealt it: the title on the first, then the table with its header row. */
export function DispatchPage({
  data,
  options,
  page,
}: {
  data: DispatchPrint;
  options: DispatchPrintOptions;
  page: { lines: SheetLine[]; first: boolean };
}) {
  return (
    <>
      {page.first && <DispatchTitle data={data} options={options} />}
      {page.lines.length > 0 && <DispatchTable data={data} options={options} lines={page.lines} />}
    </>
  );
}

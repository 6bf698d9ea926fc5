import { useTable, type Column } from '@tanstack/react-table';
import { useRef, type ReactNode } from 'react';
import type { MonthGridRow } from '../../../electron/api-spec';
import { formatWan } from '../../../db/model/money';
import { DataGrid, type DataGridHandle } from '../../ui/DataGrid';
import type { CellMove } from './investment-cell';
import { InvestmentCells, type InvestmentCellsContext } from './investment-cells';
import { investmentColumns, investmentFeatures, type InvestmentFeatures } from './investment-columns';
import type { MonthDrafts } from './investment-drafts';
import { formatRate, moveFrom, type GridTotals } from './investment-model';

type InvestmentColumn = Column<InvestmentFeatures, MonthGridRow>;

interface InvestmentGridProps {
  rows: MonthGridRow[];
  totals: GridTotals;
  editor: MonthDrafts;
  /** months from this one on have not begun: dimmed, still editable */
  firstFutureMonth: number;
  /** the month shown as 本月 in the header */
  currentMonth: number | null;
  empty: ReactNode;
}

function totalText(column: InvestmentColumn, totals: GridTotals): string {
  const meta = column.columnDef.meta;
  if (meta?.month) return formatWan(totals.months[meta.month - 1]);
  switch (meta?.derived ?? column.id) {
    case 'annualPlanYuan':
      return formatWan(totals.annualPlanYuan);
    case 'yearCompleted':
      return formatWan(totals.yearCompletedYuan);
    case 'rate':
      return formatRate(totals.rate);
    case 'investedBeforeYearYuan':
      return formatWan(totals.investedBeforeYearYuan);
    case 'sinceStart':
      return formatWan(totals.sinceStartCompletedYuan);
    default:
      return '';
  }
}

/** 月度投资: a project per row, its twelve months typed into like a spreadsheet, the sums recomputed as it goes. */
export function InvestmentGrid({ rows, totals, editor, firstFutureMonth, currentMonth, empty }: InvestmentGridProps) {
  const gridRef = useRef<DataGridHandle>(null);
  const table = useTable({
    features: investmentFeatures,
    columns: investmentColumns,
    data: rows,
    getRowId: (row) => String(row.projectId),
  });
  const columns = table.getAllLeafColumns();
  const pinnedWidth = columns
    .filter((c) => c.columnDef.meta?.pinned)
    .reduce((sum, c) => sum + c.columnDef.meta!.width, 0);

  /** Brings a cell out from under the frozen project column and the sticky header/totals, then focuses it. */
  function focusCell(rowIndex: number, month: number, attempt = 0) {
    const input = document.querySelector<HTMLInputElement>(`input[data-row="${rowIndex}"][data-month="${month}"]`);
    const scroller = input?.closest<HTMLElement>('.zd-grid-scroll');
    if (!input || !scroller) {
      // the row is outside the rendered window: scroll to it and try again once it is drawn
      if (attempt === 0) gridRef.current?.scrollToIndex(rowIndex);
      if (attempt < 10) requestAnimationFrame(() => focusCell(rowIndex, month, attempt + 1));
      return;
    }
    input.focus({ preventScroll: true });
    const cell = input.closest('td');
    if (cell) {
      const left = cell.offsetLeft;
      const right = left + cell.offsetWidth;
      if (left < scroller.scrollLeft + pinnedWidth) scroller.scrollLeft = left - pinnedWidth;
      else if (right > scroller.scrollLeft + scroller.clientWidth) scroller.scrollLeft = right - scroller.clientWidth;
    }
    gridRef.current?.scrollToIndex(rowIndex);
  }

  const cells: InvestmentCellsContext = {
    editor,
    firstFutureMonth,
    move(rowIndex: number, month: number, direction: CellMove) {
      const target = moveFrom({ rowIndex, month }, direction, rows.length);
      if (target) focusCell(target.rowIndex, target.month);
    },
  };

  return (
    <InvestmentCells value={cells}>
      <DataGrid
        ref={gridRef}
        table={table}
        label="月度完成投资（万元）"
        className="inv-scroll"
        cellClassName={(column) => {
          const { month, derived } = column.columnDef.meta ?? {};
          return [
            month ? 'inv-month' : '',
            month && month >= firstFutureMonth ? 'is-future' : '',
            month && month === currentMonth ? 'is-current' : '',
            derived ? 'inv-derived' : '',
          ]
            .filter(Boolean)
            .join(' ');
        }}
        headerTitle={(column) => {
          const meta = column.columnDef.meta;
          return meta?.month === currentMonth ? `${meta?.label}（本月）` : meta?.label;
        }}
        totals={{ label: `合计（${totals.count}个项目）`, value: (column) => totalText(column, totals) }}
        empty={empty}
      />
    </InvestmentCells>
  );
}

import { useTable, type Column } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';
import type { MonthGridRow } from '../../../electron/api-spec';
import { formatWan } from '../../../db/model/money';
import { MonthCell, type CellMove } from './investment-cell';
import { investmentColumns, investmentFeatures, type DerivedKey, type InvestmentFeatures } from './investment-columns';
import type { MonthDrafts } from './investment-drafts';
import { formatRate, moveFrom, rowFigures, type GridTotals, type RowFigures } from './investment-model';

/** Kept in step with investment.css: the virtualizer places rows by these heights. */
const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 40;
const TOTALS_HEIGHT = 30;

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

function derivedText(key: DerivedKey, figures: RowFigures): string {
  if (key === 'rate') return formatRate(figures.rate);
  return formatWan(key === 'yearCompleted' ? figures.yearCompletedYuan : figures.sinceStartCompletedYuan);
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

export function InvestmentGrid({ rows, totals, editor, firstFutureMonth, currentMonth, empty }: InvestmentGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const table = useTable({
    features: investmentFeatures,
    columns: investmentColumns,
    data: rows,
    getRowId: (row) => String(row.projectId),
  });
  const tableRows = table.getRowModel().rows;
  // The app does not run the React Compiler; this component simply re-reads the virtualizer every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (index) => tableRows[index].id,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    scrollPaddingEnd: TOTALS_HEIGHT,
  });

  const columns = table.getAllLeafColumns();
  const widthOf = (column: InvestmentColumn) => column.columnDef.meta?.width ?? 100;
  const tableWidth = columns.reduce((sum, c) => sum + widthOf(c), 0);
  const pinnedWidth = columns.filter((c) => c.columnDef.meta?.pinned).reduce((sum, c) => sum + widthOf(c), 0);

  const items = virtualizer.getVirtualItems();
  const padTop = items.length ? items[0].start - HEADER_HEIGHT : 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1].end - HEADER_HEIGHT) : 0;

  /** Brings a cell out from under the frozen project column and the sticky header/totals, then focuses it. */
  function focusCell(rowIndex: number, month: number, attempt = 0) {
    const scroller = scrollRef.current;
    const input = scroller?.querySelector<HTMLInputElement>(`input[data-row="${rowIndex}"][data-month="${month}"]`);
    if (!scroller || !input) {
      // the row is outside the rendered window: scroll to it and try again once it is drawn
      if (attempt === 0) virtualizer.scrollToIndex(rowIndex, { align: 'auto' });
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
    virtualizer.scrollToIndex(rowIndex, { align: 'auto' });
  }

  function move(rowIndex: number, month: number, direction: CellMove) {
    const target = moveFrom({ rowIndex, month }, direction, tableRows.length);
    if (target) focusCell(target.rowIndex, target.month);
  }

  const cellClass = (column: InvestmentColumn, extra = '') => {
    const meta = column.columnDef.meta;
    return [
      meta?.num ? 'num' : '',
      meta?.pinned ? 'is-pinned' : '',
      meta?.month ? 'inv-month' : '',
      meta?.month && meta.month >= firstFutureMonth ? 'is-future' : '',
      meta?.month && meta.month === currentMonth ? 'is-current' : '',
      meta?.derived ? 'inv-derived' : '',
      extra,
    ]
      .filter(Boolean)
      .join(' ');
  };

  return (
    <div ref={scrollRef} className="zd-grid-scroll inv-scroll" role="region" aria-label="月度完成投资（万元）">
      <table className="zd-grid inv-table" style={{ width: tableWidth }}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.id} style={{ width: widthOf(c) }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  className={cellClass(header.column)}
                  title={
                    header.column.columnDef.meta?.month === currentMonth
                      ? `${header.column.columnDef.meta?.label}（本月）`
                      : header.column.columnDef.meta?.label
                  }
                >
                  <table.FlexRender header={header} />
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {tableRows.length === 0 && (
            <tr className="zd-grid-empty">
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          )}
          {padTop > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columns.length} className="zd-grid-pad" style={{ height: padTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = tableRows[item.index];
            const figures = rowFigures(row.original, editor.drafts);
            return (
              <tr key={row.id} className={item.index % 2 ? 'is-odd' : undefined}>
                {row.getAllCells().map((cell) => {
                  const meta = cell.column.columnDef.meta;
                  let content: ReactNode;
                  if (meta?.month) {
                    const month = meta.month;
                    content = (
                      <MonthCell
                        row={row.original}
                        rowIndex={item.index}
                        month={month}
                        future={month >= firstFutureMonth}
                        editor={editor}
                        onMove={(direction) => move(item.index, month, direction)}
                      />
                    );
                  } else if (meta?.derived) {
                    content = derivedText(meta.derived, figures);
                  } else {
                    content = <table.FlexRender cell={cell} />;
                  }
                  return (
                    <td key={cell.id} className={cellClass(cell.column)}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columns.length} className="zd-grid-pad" style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
        {tableRows.length > 0 && (
          <tfoot>
            <tr className="inv-totals" aria-label="合计">
              {columns.map((c, i) => (
                <td key={c.id} className={cellClass(c)}>
                  {i === 0 ? `合计（${totals.count}个项目）` : totalText(c, totals)}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

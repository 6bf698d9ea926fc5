import type { Column, ReactTable, Row } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useRef, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { columnWidths, listMove, PadRow, SortableTh, useInnerWidth } from '../../components/virtual-table';
import { formatWan } from '../../../db/model/money';
import type { LitProjectRow } from '../../../db/model/overview';
import type { LibraryFeatures } from './library-columns';
import type { LibraryTotals } from './library-totals';

/** Kept in step with library.css: the virtualizer needs the real heights to place rows. */
const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 40;
const TOTALS_HEIGHT = 30;
const FLEXIBLE_COLUMN = 'name';

type LibraryColumn = Column<LibraryFeatures, LitProjectRow>;

export interface LibraryTableHandle {
  /** moves the keyboard into the list, on the selected row or else the first */
  focus(): void;
}

interface LibraryTableProps {
  table: ReactTable<LibraryFeatures, LitProjectRow>;
  rows: Row<LibraryFeatures, LitProjectRow>[];
  totals: LibraryTotals;
  focusedId: string | null;
  onFocusRow(rowId: string): void;
  onOpen(projectId: number): void;
  /** shown instead of rows when the filters match nothing */
  empty?: ReactNode;
  ref?: Ref<LibraryTableHandle>;
}

function cellClass(column: LibraryColumn, extra?: string): string {
  const meta = column.columnDef.meta;
  return [meta?.num ? 'num' : '', meta?.pinned ? 'is-pinned' : '', extra ?? ''].filter(Boolean).join(' ');
}

/** Left offsets of the frozen columns, which stay in view while the clerk scrolls sideways. */
function pinnedOffsets(columns: LibraryColumn[], widths: Map<string, number>): Map<string, number> {
  const offsets = new Map<string, number>();
  let left = 0;
  for (const column of columns) {
    if (!column.columnDef.meta?.pinned) continue;
    offsets.set(column.id, left);
    left += widths.get(column.id) ?? 0;
  }
  return offsets;
}

function totalText(column: LibraryColumn, totals: LibraryTotals): string {
  const key = column.columnDef.meta?.total;
  if (!key) return '';
  const value = totals[key];
  return typeof value === 'number' ? formatWan(value) : value;
}

export function LibraryTable({ table, rows, totals, focusedId, onFocusRow, onOpen, empty, ref }: LibraryTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The app does not run the React Compiler; this component simply re-reads the virtualizer every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => rows[index].id,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    scrollPaddingEnd: TOTALS_HEIGHT,
  });

  const viewWidth = useInnerWidth(scrollRef);
  const columns = table.getVisibleLeafColumns();
  const widths = columnWidths(columns, FLEXIBLE_COLUMN, viewWidth);
  const offsets = pinnedOffsets(columns, widths);
  const tableWidth = [...widths.values()].reduce((sum, w) => sum + w, 0);
  const pinnedStyle = (column: LibraryColumn) =>
    offsets.has(column.id) ? { left: offsets.get(column.id) } : undefined;

  const items = virtualizer.getVirtualItems();
  const padTop = items.length ? items[0].start - HEADER_HEIGHT : 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1].end - HEADER_HEIGHT) : 0;

  function moveFocus(next: number) {
    onFocusRow(rows[next].id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  useImperativeHandle(ref, () => ({
    focus() {
      scrollRef.current?.focus();
      if (rows.length > 0 && !rows.some((r) => r.id === focusedId)) moveFocus(0);
    },
  }));

  // back from a project: bring the row the clerk left from into view
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    const index = focusedId === null ? -1 : rows.findIndex((r) => r.id === focusedId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
  }, [rows, focusedId, virtualizer]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (rows.length === 0 || event.target !== event.currentTarget) return;
    const current = focusedId === null ? -1 : rows.findIndex((r) => r.id === focusedId);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 2);
    const next = listMove(event.key, current, rows.length, page);
    if (next !== undefined) {
      event.preventDefault();
      moveFocus(next);
    } else if (event.key === 'Enter' && current >= 0) {
      event.preventDefault();
      onOpen(rows[current].original.id);
    }
  }

  const leadingPinned = columns.findIndex((c) => !c.columnDef.meta?.pinned);
  const labelSpan = Math.max(1, leadingPinned < 0 ? columns.length : leadingPinned);

  return (
    <div
      ref={scrollRef}
      className="zd-grid-scroll library-scroll"
      tabIndex={0}
      role="region"
      aria-label="项目列表（↑↓ 选择，回车打开）"
      onKeyDown={onKeyDown}
    >
      <table className="zd-grid library-table" style={{ width: tableWidth }}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.id} style={{ width: widths.get(c.id) }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <SortableTh
                  key={header.id}
                  column={header.column}
                  prefix="zd-grid"
                  className={cellClass(header.column, header.column.getCanSort() ? 'is-sortable' : undefined)}
                  style={pinnedStyle(header.column)}
                >
                  <table.FlexRender header={header} />
                </SortableTh>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr className="zd-grid-empty library-empty-row">
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          )}
          <PadRow height={padTop} span={columns.length} className="zd-grid-pad" />
          {items.map((item) => {
            const row = rows[item.index];
            const focused = row.id === focusedId;
            return (
              <tr
                key={row.id}
                className={`${item.index % 2 ? 'is-odd' : ''}${focused ? ' is-focused' : ''}`}
                aria-selected={focused}
                onClick={() => onFocusRow(row.id)}
                onDoubleClick={() => onOpen(row.original.id)}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cellClass(cell.column)} style={pinnedStyle(cell.column)}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
          <PadRow height={padBottom} span={columns.length} className="zd-grid-pad" />
        </tbody>
        {rows.length > 0 && (
          <tfoot>
            <tr className="library-totals">
              <td colSpan={labelSpan} className="is-pinned" style={{ left: 0 }}>
                合计 {totals.count} 个项目
              </td>
              {columns.slice(labelSpan).map((c) => (
                <td key={c.id} className={cellClass(c)} title={totalText(c, totals) || undefined}>
                  {totalText(c, totals)}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

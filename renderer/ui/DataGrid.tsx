import type { Column, ReactTable, Row, RowData, TableFeatures } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useEffect,
  useImperativeHandle,
  useRef,
  type CSSProperties,
  type HTMLAttributes,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { columnWidths, listMove, pinnedOffsets, useInnerWidth } from './grid-layout';
import { GridHeaderCell, type HeaderColumn } from './GridHeaderCell';
import { GridRow } from './GridRow';
import { RowLinkScope } from './RowLink';
import { sizes } from './tokens';

/** What DataGrid reads from a column's meta; the pages' meta types extend it. */
export interface GridColumnMeta {
  /** the header as plain text: tooltips and the column picker */
  label?: string;
  /** px; a string is a CSS width ('21%'), and no width shares what the others leave */
  width?: number | string;
  /** how narrow the column may get when the window is (the 1366-wide screen) */
  minWidth?: number;
  /** figures: right-aligned, tabular digits */
  num?: boolean;
  /** frozen at the left while scrolling sideways, like 冻结窗格 */
  pinned?: boolean;
}

export interface DataGridHandle {
  /** moves the keyboard into the list, on the selected row or else the first */
  focus(): void;
  /** brings a row into view (its cells are drawn only once it is near the window) */
  scrollToIndex(index: number): void;
}

/** Keyboard selection: ↑↓ PageUp PageDown Home End move the mark, other keys go to `onKey`. */
export interface GridSelection<TFeatures extends TableFeatures, TData extends RowData> {
  /** the row the keyboard is on (its row id), or null */
  focusedId: string | null;
  onFocus(rowId: string): void;
  /** Enter, Space, …on the marked row; true when the key was used */
  onKey?(key: string, row: Row<TFeatures, TData>): boolean;
}

export interface GridTotals<TFeatures extends TableFeatures, TData extends RowData> {
  /** spans the frozen columns at the left (or the first column) */
  label: ReactNode;
  value(column: Column<TFeatures, TData>): string;
}

/**
 * A row that draws its own cells (周调度's rows hold their own editing state); it must put `ref` and `data-index` on
 * its <tr>. With `flung`, the list is being flung past it: the page may draw a light row of that height instead.
 */
export type RenderRow<TFeatures extends TableFeatures, TData extends RowData> = (
  row: Row<TFeatures, TData>,
  index: number,
  measure: (element: HTMLTableRowElement | null) => void,
  flung: { height: number } | null,
) => ReactNode;

interface DataGridProps<TFeatures extends TableFeatures, TData extends RowData> {
  table: ReactTable<TFeatures, TData>;
  /** the rows to show; the table's row model by default */
  rows?: Row<TFeatures, TData>[];
  /** the scroll box's accessible name */
  label: string;
  /** the page's hook on the scroll box, for layout */
  className?: string;
  /** a row's height in px; the virtualiser places rows by it */
  rowHeight?: number;
  /** rows of different heights, measured as they are drawn (`rowHeight` is then the estimate) */
  measureRows?: boolean;
  headHeight?: number;
  /** the column that takes the room left over */
  flexibleColumn?: string;
  /** with widths that are not all px: the width under which the grid scrolls sideways */
  minWidth?: number;
  overscan?: number;
  selection?: GridSelection<TFeatures, TData>;
  totals?: GridTotals<TFeatures, TData>;
  /** the page's attributes for a row: aria-label, classes, clicks */
  rowProps?(row: Row<TFeatures, TData>, index: number): HTMLAttributes<HTMLTableRowElement>;
  /** the page's classes for a column's cells, header and totals included */
  cellClassName?(column: Column<TFeatures, TData>): string;
  /** a header cell's tooltip; the column's label by default */
  headerTitle?(column: Column<TFeatures, TData>): string | undefined;
  renderRow?: RenderRow<TFeatures, TData>;
  /** the rows are the first of a list still arriving: the marked row may be among the rest */
  rowsArriving?: boolean;
  /**
   * The cells show only their row's data (no selection, no state of the page): a row already drawn is drawn
   * again only when its data, its place or its mark change, and keeps the handlers `rowProps` gave it then.
   */
  stableRows?: boolean;
  /** shown instead of rows when there are none */
  empty?: ReactNode;
  ref?: Ref<DataGridHandle>;
}

/** more than any window of rows drawn at once, so that every drawn row has its own slot */
const ROW_SLOTS = 512;

const metaOf = (column: { columnDef: { meta?: unknown } }) => column.columnDef.meta as GridColumnMeta | undefined;
const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ') || undefined;

/** The visible columns: the table's column picker decides when it has one. */
function visibleColumns<TFeatures extends TableFeatures, TData extends RowData>(
  table: ReactTable<TFeatures, TData>,
): Column<TFeatures, TData>[] {
  const columns = table.getAllLeafColumns() as Column<TFeatures, TData>[];
  return columns.filter((c) => (c as { getIsVisible?: () => boolean }).getIsVisible?.() ?? true);
}

/**
 * The one virtual table of the app (项目库, 问题清单, 本周调度, 月度投资): a sticky header that sorts on click,
 * rows drawn only near the window, an optional totals row stuck to the bottom, frozen columns at the left and a
 * keyboard mark that ↑↓ move. The pages pass their cells in as the table's columns.
 */
export function DataGrid<TFeatures extends TableFeatures, TData extends RowData>(
  props: DataGridProps<TFeatures, TData>,
) {
  const { table, label, selection, totals, empty, cellClassName } = props;
  const rows = props.rows ?? (table.getRowModel().rows as Row<TFeatures, TData>[]);
  const rowHeight = props.rowHeight ?? sizes.rowHeight;
  const headHeight = props.headHeight ?? sizes.headHeight;
  const scrollRef = useRef<HTMLDivElement>(null);
  const fling = useRef({ offset: 0, on: false });
  // The app does not run the React Compiler; this component simply re-reads the virtualizer every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: props.overscan ?? 10,
    getItemKey: (index) => rows[index].id,
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
    scrollPaddingEnd: totals ? rowHeight : 0,
    // a scroll draws its rows in the next task rather than inside the scroll event: the frame that scrolls
    // is not held up by React, and a fast drag costs two short tasks instead of one long one
    useFlushSync: false,
    // flung: whole windows of rows scrolled past at a step (the scrollbar dragged, End): until the list stops, the
    // rows drawn show their first columns only, so each step lays out and paints a fraction of a full row
    onChange(instance) {
      const offset = instance.scrollOffset ?? 0;
      const windowHeight = instance.scrollRect?.height ?? 0;
      if (!instance.isScrolling) fling.current.on = false;
      else if (windowHeight > 0 && Math.abs(offset - fling.current.offset) >= windowHeight) fling.current.on = true;
      fling.current.offset = offset;
    },
  });
  // as the virtualizer left it on the scroll that asked for this drawing
  const flinging = fling.current.on;

  const columns = visibleColumns(table);
  const shown = new Set(columns.map((c) => c.id));
  const viewWidth = useInnerWidth(scrollRef);
  const metas = columns.map((c) => ({ id: c.id, ...metaOf(c) }));
  const pxOnly = metas.every((m) => typeof m.width !== 'string' && m.width !== undefined);
  const widths = pxOnly
    ? columnWidths(
        metas.map((m) => ({ id: m.id, width: m.width as number, minWidth: m.minWidth })),
        props.flexibleColumn,
        viewWidth,
      )
    : new Map<string, number>();
  const offsets = pinnedOffsets(metas, widths);
  const pxWidth = [...widths.values()].reduce((sum, w) => sum + w, 0);
  const tableStyle: CSSProperties = pxOnly
    ? { width: pxWidth || undefined }
    : { width: '100%', minWidth: props.minWidth };
  // frozen columns stick only when there is something to scroll sideways: a sticky cell costs every frame
  const sideways = !pxOnly || viewWidth === 0 || pxWidth > viewWidth;
  const colWidth = (column: Column<TFeatures, TData>) => widths.get(column.id) ?? metaOf(column)?.width;
  const pinnedStyle = (column: Column<TFeatures, TData>) =>
    offsets.has(column.id) ? { left: offsets.get(column.id) } : undefined;
  const cellClass = (column: Column<TFeatures, TData>, extra?: string) => {
    const meta = metaOf(column);
    return classes(meta?.num && 'num', meta?.pinned && 'is-pinned', cellClassName?.(column), extra);
  };

  const items = virtualizer.getVirtualItems();
  const padTop = items.length ? items[0].start - headHeight : 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1].end - headHeight) : 0;
  const focusedIndex = (id: string | null | undefined) => (id == null ? -1 : rows.findIndex((r) => r.id === id));

  function mark(index: number) {
    selection?.onFocus(rows[index].id);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }

  useImperativeHandle(props.ref, () => ({
    focus() {
      scrollRef.current?.focus();
      if (selection && rows.length > 0 && focusedIndex(selection.focusedId) < 0) mark(0);
    },
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  }));

  // back from a detail page: bring the row the clerk left from into view
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current) return;
    const index = focusedIndex(selection?.focusedId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
    if (index >= 0 || !props.rowsArriving) restored.current = true;
  });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!selection || rows.length === 0 || event.target !== event.currentTarget) return;
    const current = focusedIndex(selection.focusedId);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / rowHeight) - 2);
    const next = listMove(event.key, current, rows.length, page);
    if (next !== undefined) {
      event.preventDefault();
      mark(next);
    } else if (current >= 0 && selection.onKey?.(event.key, rows[current])) {
      event.preventDefault();
    }
  }

  const leadingPinned = columns.findIndex((c) => !metaOf(c)?.pinned);
  const labelSpan = Math.max(1, leadingPinned < 0 ? columns.length : leadingPinned);
  const headerTitle = props.headerTitle ?? ((column) => metaOf(column)?.label);

  const layoutKey = columns.map((c) => `${c.id}:${cellClass(c) ?? ''}:${offsets.get(c.id) ?? ''}`).join('|');

  function drawRow(row: Row<TFeatures, TData>, index: number, size: number) {
    if (props.renderRow) {
      return props.renderRow(row, index, virtualizer.measureElement, flinging ? { height: size } : null);
    }
    const focused = selection ? row.id === selection.focusedId : undefined;
    return (
      <GridRow
        // stable rows live in slots: a row scrolled in takes over the <tr> of one scrolled out, instead of a new one
        key={props.stableRows ? `slot-${index % ROW_SLOTS}` : row.id}
        table={table}
        row={row}
        index={index}
        focused={focused}
        columns={columns}
        layoutKey={layoutKey}
        cellClass={cellClass}
        pinnedStyle={pinnedStyle}
        own={props.rowProps?.(row, index)}
        stable={props.stableRows ?? false}
        light={flinging && !focused}
      />
    );
  }

  return (
    <div
      ref={scrollRef}
      className={classes('zd-grid-scroll', sideways && 'is-sideways', props.className)}
      tabIndex={selection ? 0 : undefined}
      role="region"
      aria-label={label}
      onKeyDown={onKeyDown}
    >
      <RowLinkScope>
        <table
          className="zd-grid"
          style={
            {
              ...tableStyle,
              // measured rows are as tall as their text; fixed ones exactly as tall as the virtualiser counts
              '--grid-row': props.measureRows ? 'auto' : `${rowHeight}px`,
              '--grid-head': `${headHeight}px`,
            } as CSSProperties
          }
        >
          <colgroup>
            {columns.map((c) => (
              <col key={c.id} style={{ width: colWidth(c) }} />
            ))}
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers
                  .filter((header) => shown.has(header.column.id))
                  .map((header) => (
                    <GridHeaderCell
                      key={header.id}
                      column={header.column as HeaderColumn}
                      className={cellClass(header.column)}
                      style={pinnedStyle(header.column)}
                      title={headerTitle(header.column)}
                    >
                      <table.FlexRender header={header} />
                    </GridHeaderCell>
                  ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr className="zd-grid-empty">
                <td colSpan={columns.length}>{empty}</td>
              </tr>
            )}
            {padTop > 0 && (
              <tr aria-hidden="true">
                <td colSpan={columns.length} className="zd-grid-pad" style={{ height: padTop }} />
              </tr>
            )}
            {items.map((item) => drawRow(rows[item.index], item.index, item.size))}
            {padBottom > 0 && (
              <tr aria-hidden="true">
                <td colSpan={columns.length} className="zd-grid-pad" style={{ height: padBottom }} />
              </tr>
            )}
          </tbody>
          {totals && rows.length > 0 && (
            <tfoot>
              <tr aria-label="合计">
                <td
                  colSpan={labelSpan}
                  className={classes(metaOf(columns[0])?.pinned && 'is-pinned')}
                  style={{ left: 0 }}
                >
                  {totals.label}
                </td>
                {columns.slice(labelSpan).map((c) => {
                  const value = totals.value(c);
                  return (
                    <td key={c.id} className={cellClass(c)} title={value || undefined}>
                      {value}
                    </td>
                  );
                })}
              </tr>
            </tfoot>
          )}
        </table>
      </RowLinkScope>
    </div>
  );
}

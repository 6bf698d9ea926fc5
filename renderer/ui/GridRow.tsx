import {
  constructCell,
  type Cell,
  type Column,
  type ReactTable,
  type Row,
  type RowData,
  type TableFeatures,
} from '@tanstack/react-table';
import { memo, type CSSProperties, type HTMLAttributes } from 'react';

export interface GridRowProps<TFeatures extends TableFeatures, TData extends RowData> {
  table: ReactTable<TFeatures, TData>;
  row: Row<TFeatures, TData>;
  index: number;
  focused: boolean | undefined;
  /** the visible columns, in order */
  columns: Column<TFeatures, TData>[];
  /** every column's id, class and frozen offset: when it is the same, so are the cells' frames */
  layoutKey: string;
  cellClass(column: Column<TFeatures, TData>): string | undefined;
  pinnedStyle(column: Column<TFeatures, TData>): CSSProperties | undefined;
  /** the page's attributes for the row */
  own: HTMLAttributes<HTMLTableRowElement> | undefined;
  /** the cells show only the row's data: the row is drawn again only when that, its place or its mark change */
  stable: boolean;
  /** drawn while the list is flung: the frozen columns' text only, the rest when the list stops */
  light: boolean;
}

const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ') || undefined;

function GridRowView<TFeatures extends TableFeatures, TData extends RowData>(props: GridRowProps<TFeatures, TData>) {
  const { table, row, index, focused, columns, cellClass, pinnedStyle, own, light } = props;
  if (light) return <LightRow {...props} />;
  // cells made for this drawing only, of the visible columns: the row's own getAllCells() would keep one per
  // column on every row ever drawn (120,000 on the way to the end of 5,000 rows) for the garbage collector to mark
  const cells = columns.map((column) => constructCell(column, row, row.table) as Cell<TFeatures, TData, unknown>);
  return (
    <tr
      {...own}
      className={classes(index % 2 === 1 && 'is-odd', focused && 'is-focused', own?.className)}
      aria-selected={focused}
    >
      {cells.map((cell) => (
        <td key={cell.column.id} className={cellClass(cell.column)} style={pinnedStyle(cell.column)}>
          <table.FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  );
}

const isPinned = (column: { columnDef: { meta?: unknown } }) =>
  (column.columnDef.meta as { pinned?: boolean } | undefined)?.pinned === true;

/** A row flung past: the frozen columns' text (or the first column's), plain, and empty cells beside it. */
function LightRow<TFeatures extends TableFeatures, TData extends RowData>(props: GridRowProps<TFeatures, TData>) {
  const { row, index, columns, cellClass, pinnedStyle, own } = props;
  const pinned = columns.filter(isPinned);
  const named = pinned.length ? pinned : columns.slice(0, 1);
  return (
    <tr {...own} className={classes(index % 2 === 1 && 'is-odd', 'is-light', own?.className)}>
      {columns.map((column) => (
        <td key={column.id} className={cellClass(column)} style={pinnedStyle(column)}>
          {named.includes(column) ? String(row.getValue(column.id) ?? '') : null}
        </td>
      ))}
    </tr>
  );
}

const sameItems = <T,>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((item, i) => item === b[i]);

/** The page's attributes, its handlers aside: a stable row keeps the handlers of its last drawing. */
function sameAttributes(a: object | undefined, b: object | undefined): boolean {
  const entries = (o: object | undefined) => Object.entries(o ?? {}).filter(([, v]) => typeof v !== 'function');
  const left = entries(a);
  const right = new Map(entries(b));
  return left.length === right.size && left.every(([key, value]) => right.has(key) && right.get(key) === value);
}

function unchanged<TFeatures extends TableFeatures, TData extends RowData>(
  before: GridRowProps<TFeatures, TData>,
  after: GridRowProps<TFeatures, TData>,
): boolean {
  return (
    after.stable &&
    before.table === after.table &&
    before.row === after.row &&
    before.index === after.index &&
    before.focused === after.focused &&
    before.light === after.light &&
    before.layoutKey === after.layoutKey &&
    sameItems(before.columns, after.columns) &&
    sameAttributes(before.own, after.own)
  );
}

/** One row of DataGrid's own drawing: a cell per visible column, the page's attributes on the <tr>. */
export const GridRow = memo(GridRowView, unchanged) as typeof GridRowView;

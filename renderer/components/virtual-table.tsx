import { useEffect, useState, type CSSProperties, type ReactNode, type RefObject } from 'react';

// What the virtualised lists (项目库, 问题清单) share: the scroll box's width, column widths with one column
// taking the room left over, the sortable header cell, the spacer rows above and below the rendered window, and
// the keys that move through the list.

/** The scroll box's inner width, followed as the window is resized. */
export function useInnerWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    // the first callback arrives right after observe(), with the initial size
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

interface SizedColumn {
  id: string;
  columnDef: { meta?: { width?: number; minWidth?: number } };
}

const total = (widths: Map<string, number>) => [...widths.values()].reduce((sum, w) => sum + w, 0);

/**
 * Each column's width from its meta (100 by default). `flexible` takes whatever room the window has left over;
 * in a narrow window the columns with a `minWidth` give up room in proportion to what they can spare, so the
 * list fits without scrolling sideways for as long as it can (1366 wide is the office's usual screen).
 */
export function columnWidths(columns: SizedColumn[], flexible: string, viewWidth: number): Map<string, number> {
  const widths = new Map(columns.map((c) => [c.id, c.columnDef.meta?.width ?? 100]));
  const excess = total(widths) - viewWidth;
  if (viewWidth > 0 && excess > 0) {
    const spare = new Map(
      columns.map((c) => [c.id, Math.max(0, widths.get(c.id)! - (c.columnDef.meta?.minWidth ?? Infinity))]),
    );
    const spareTotal = total(spare);
    const share = spareTotal > 0 ? Math.min(1, excess / spareTotal) : 0;
    for (const [id, room] of spare) widths.set(id, widths.get(id)! - Math.ceil(room * share));
  }
  const own = widths.get(flexible);
  const used = total(widths);
  if (own !== undefined && viewWidth > used) widths.set(flexible, own + viewWidth - used);
  return widths;
}

interface SortableColumn {
  getIsSorted(): false | 'asc' | 'desc';
  getToggleSortingHandler(): ((event: unknown) => void) | undefined;
  columnDef: { meta?: { label?: string } };
}

/** A header cell that sorts on click: ▲/▼ beside the label, aria-sort for screen readers. */
export function SortableTh(props: {
  column: SortableColumn;
  /** class prefix of the list's stylesheet: `<prefix>-th`, `<prefix>-th-label`, `<prefix>-sort` */
  prefix: string;
  className?: string;
  style?: CSSProperties;
  children: ReactNode;
}) {
  const { column, prefix, className, style, children } = props;
  const sorted = column.getIsSorted();
  return (
    <th
      className={className}
      style={style}
      title={`${column.columnDef.meta?.label ?? ''}（点击排序）`}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
      onClick={column.getToggleSortingHandler()}
    >
      <span className={`${prefix}-th`}>
        <span className={`${prefix}-th-label`}>{children}</span>
        <span className={`${prefix}-sort`}>{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
      </span>
    </th>
  );
}

/** Stands in for the rows not rendered above or below the window, so the scrollbar is true. */
export function PadRow({ height, span, className }: { height: number; span: number; className: string }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true">
      <td colSpan={span} className={className} style={{ height }} />
    </tr>
  );
}

/** Where ↑↓ PageUp PageDown Home End move from row `current` (-1: none yet), or undefined for other keys. */
export function listMove(key: string, current: number, count: number, page: number): number | undefined {
  const moves: Record<string, number> = {
    ArrowDown: current + 1,
    ArrowUp: current < 0 ? 0 : current - 1,
    PageDown: current + page,
    PageUp: current - page,
    Home: 0,
    End: count - 1,
  };
  return key in moves ? Math.max(0, Math.min(count - 1, moves[key])) : undefined;
}

import { useEffect, useState, type RefObject } from 'react';

// The arithmetic of a virtualised grid: the scroll box's width, column widths with one column taking the room
// left over, the offsets of the frozen columns, and the keys that move through the list.

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

export interface SizedColumn {
  id: string;
  width: number;
  /** how narrow the column may get in a narrow window; without it the column keeps its width */
  minWidth?: number;
}

const total = (widths: Map<string, number>) => [...widths.values()].reduce((sum, w) => sum + w, 0);

/**
 * Each column's width. `flexible` takes whatever room the window has left over; in a narrow window the columns
 * with a `minWidth` give up room in proportion to what they can spare, so the list fits without scrolling
 * sideways for as long as it can (1366 wide is the office's usual screen).
 */
export function columnWidths(
  columns: SizedColumn[],
  flexible: string | undefined,
  viewWidth: number,
): Map<string, number> {
  const widths = new Map(columns.map((c) => [c.id, c.width]));
  const excess = total(widths) - viewWidth;
  if (viewWidth > 0 && excess > 0) {
    const spare = new Map(columns.map((c) => [c.id, Math.max(0, c.width - (c.minWidth ?? Infinity))]));
    const spareTotal = total(spare);
    const share = spareTotal > 0 ? Math.min(1, excess / spareTotal) : 0;
    for (const [id, room] of spare) widths.set(id, widths.get(id)! - Math.ceil(room * share));
  }
  const own = flexible === undefined ? undefined : widths.get(flexible);
  const used = total(widths);
  if (flexible !== undefined && own !== undefined && viewWidth > used) widths.set(flexible, own + viewWidth - used);
  return widths;
}

/** Left offsets of the frozen columns, which stay in view while the clerk scrolls sideways. */
export function pinnedOffsets(
  columns: { id: string; pinned?: boolean }[],
  widths: Map<string, number>,
): Map<string, number> {
  const offsets = new Map<string, number>();
  let left = 0;
  for (const column of columns) {
    if (!column.pinned) continue;
    offsets.set(column.id, left);
    left += widths.get(column.id) ?? 0;
  }
  return offsets;
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

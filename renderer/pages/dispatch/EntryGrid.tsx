import { useVirtualizer } from '@tanstack/react-virtual';
import { Checkbox } from 'antd';
import { useCallback, useImperativeHandle, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import { DISPATCH_FIELDS, DISPATCH_FIELD_LABELS, type DispatchRow } from '../../../db/model/dispatch';
import type { CellMode, GridNav, Move } from './entry-cell';
import type { EntryStore } from './entry-store';
import { EntryRow } from './EntryRow';

/** Kept in step with dispatch.css: the virtualizer places rows below the sticky header. */
const HEADER_HEIGHT = 34;
/** a row of one or two lines; real heights are measured as rows render */
const ESTIMATED_ROW = 52;
const LAST_COL = DISPATCH_FIELDS.length - 1;

export interface EntryGridHandle {
  /** moves the keyboard into the first cell of the list */
  focusFirst(): void;
}

interface ActiveCell {
  id: number;
  col: number;
  mode: CellMode;
}

interface EntryGridProps {
  rows: DispatchRow[];
  store: EntryStore;
  selected: ReadonlySet<number>;
  onToggle(projectId: number): void;
  /** the header box: all, some or none of the rows waiting for confirmation are selected */
  selectAll: { checked: boolean; indeterminate: boolean; disabled: boolean; onChange(): void };
  empty: ReactNode;
  ref?: Ref<EntryGridHandle>;
}

/**
 * The week's entries as a spreadsheet: Tab / Shift+Tab through the four text cells and on to the next row,
 * Enter down (back to the column where the Tab run began, as Excel does), arrows while a cell is selected.
 */
export function EntryGrid({ rows, store, selected, onToggle, selectAll, empty, ref }: EntryGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The app does not run the React Compiler; this component simply re-reads the virtualizer every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 6,
    getItemKey: (index) => rows[index].projectId,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const [active, setActive] = useState<ActiveCell | null>(null);
  const activeRef = useRef<ActiveCell | null>(null);
  /** where Enter returns to: the column a run of Tabs started from */
  const anchor = useRef<number | null>(null);
  const pendingFocus = useRef<{ id: number; col: number } | null>(null);

  const go = useCallback(
    (index: number, col: number, mode: CellMode, how: { keepAnchor?: boolean; focus?: boolean } = {}) => {
      const row = rows[index];
      if (!row) return;
      const previous = activeRef.current;
      const moved = previous?.id !== row.projectId || previous.col !== col;
      if (moved && !how.keepAnchor) anchor.current = null;
      const next = { id: row.projectId, col, mode };
      activeRef.current = next;
      setActive(next);
      if (moved || how.focus) {
        pendingFocus.current = { id: row.projectId, col };
        virtualizer.scrollToIndex(index, { align: 'auto' });
      }
    },
    [rows, virtualizer],
  );

  const nav = useMemo<GridNav>(
    () => ({
      activate: (index, col, mode) => go(index, col, mode),
      takeFocus(projectId, col) {
        const pending = pendingFocus.current;
        if (pending?.id !== projectId || pending.col !== col) return false;
        pendingFocus.current = null;
        return true;
      },
      move(index, col, how: Move) {
        const last = rows.length - 1;
        if (how === 'next' || how === 'prev') {
          anchor.current ??= col;
          const tabbing = { keepAnchor: true };
          if (how === 'next' && col < LAST_COL) go(index, col + 1, 'nav', tabbing);
          else if (how === 'next' && index < last) go(index + 1, 0, 'nav', tabbing);
          else if (how === 'prev' && col > 0) go(index, col - 1, 'nav', tabbing);
          else if (how === 'prev' && index > 0) go(index - 1, LAST_COL, 'nav', tabbing);
          return;
        }
        if (how === 'enter') {
          const back = anchor.current ?? col;
          anchor.current = null;
          if (index < last) go(index + 1, back, 'nav');
          else {
            // the last row: nowhere to go down to, but the cell is done
            void store.flush(rows[index].projectId);
            go(index, col, 'nav');
          }
          return;
        }
        const target = {
          up: [index - 1, col],
          down: [index + 1, col],
          left: [index, col - 1],
          right: [index, col + 1],
        }[how];
        if (target[0] >= 0 && target[0] <= last && target[1] >= 0 && target[1] <= LAST_COL) {
          go(target[0], target[1], 'nav');
        }
      },
    }),
    [go, rows, store],
  );

  useImperativeHandle(ref, () => ({ focusFirst: () => go(0, 0, 'nav', { focus: true }) }), [go]);

  const items = virtualizer.getVirtualItems();
  const padTop = items.length ? items[0].start - HEADER_HEIGHT : 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1].end - HEADER_HEIGHT) : 0;
  const columnCount = DISPATCH_FIELDS.length + 5;

  return (
    <div ref={scrollRef} className="zd-grid-scroll">
      <table className="zd-grid entries-table">
        <colgroup>
          <col className="entries-col-check" />
          <col className="entries-col-serial" />
          <col className="entries-col-project" />
          <col className="entries-col-stage" />
          {DISPATCH_FIELDS.map((field) => (
            <col key={field} className={`entries-col-text entries-col-${field}`} />
          ))}
          <col className="entries-col-status" />
        </colgroup>
        <thead>
          <tr>
            <th className="entries-check">
              <Checkbox
                checked={selectAll.checked}
                indeterminate={selectAll.indeterminate}
                disabled={selectAll.disabled}
                onChange={selectAll.onChange}
                aria-label="选择列表中全部待确认的项目"
              />
            </th>
            <th className="num">序号</th>
            <th>项目名称</th>
            <th>阶段</th>
            {DISPATCH_FIELDS.map((field) => (
              <th key={field}>{DISPATCH_FIELD_LABELS[field]}</th>
            ))}
            <th>状态</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr className="zd-grid-empty entries-empty-row">
              <td colSpan={columnCount}>{empty}</td>
            </tr>
          )}
          {padTop > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columnCount} className="zd-grid-pad" style={{ height: padTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            const isActive = active?.id === row.projectId;
            return (
              <EntryRow
                key={row.projectId}
                project={row}
                index={item.index}
                store={store}
                activeCol={isActive ? active.col : null}
                mode={isActive ? active.mode : 'nav'}
                selected={selected.has(row.projectId)}
                nav={nav}
                onToggle={onToggle}
                measure={virtualizer.measureElement}
              />
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columnCount} className="zd-grid-pad" style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

import { useTable } from '@tanstack/react-table';
import { useCallback, useImperativeHandle, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import { DISPATCH_FIELDS, type DispatchRow } from '../../../db/model/dispatch';
import { DataGrid, type DataGridHandle } from '../../ui/DataGrid';
import { sizes } from '../../ui/tokens';
import type { CellMode, GridNav, Move } from './entry-cell';
import { entryColumns, entryFeatures, type SelectAll } from './entry-columns';
import type { EntryStore } from './entry-store';
import { EntryRow, FlungEntryRow } from './EntryRow';

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
  selectAll: SelectAll;
  empty: ReactNode;
  ref?: Ref<EntryGridHandle>;
}

/**
 * The week's entries as a spreadsheet: Tab / Shift+Tab through the four text cells and on to the next row,
 * Enter down (back to the column where the Tab run began, as Excel does), arrows while a cell is selected.
 */
export function EntryGrid({ rows, store, selected, onToggle, selectAll, empty, ref }: EntryGridProps) {
  const gridRef = useRef<DataGridHandle>(null);
  const { checked, indeterminate, disabled, onChange } = selectAll;
  const columns = useMemo(
    () => entryColumns({ checked, indeterminate, disabled, onChange }),
    [checked, indeterminate, disabled, onChange],
  );
  const table = useTable({
    features: entryFeatures,
    columns,
    data: rows,
    getRowId: (row) => String(row.projectId),
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
        gridRef.current?.scrollToIndex(index);
      }
    },
    [rows],
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

  return (
    <DataGrid
      ref={gridRef}
      table={table}
      label="本周调度填报"
      className="entries-grid"
      headHeight={sizes.headHeightSmall}
      rowHeight={ESTIMATED_ROW}
      measureRows
      overscan={2}
      minWidth={1120}
      cellClassName={(column) => (column.id === 'check' ? 'entries-check' : '')}
      headerTitle={() => undefined}
      renderRow={(row, index, measure, flung) => {
        const isActive = active?.id === row.original.projectId;
        // the clerk's own cell is never drawn light: it holds the caret and what is being typed
        if (flung && !isActive) {
          return <FlungEntryRow key={row.id} project={row.original} index={index} height={flung.height} />;
        }
        return (
          <EntryRow
            key={row.id}
            project={row.original}
            index={index}
            store={store}
            activeCol={isActive ? active.col : null}
            mode={isActive ? active.mode : 'nav'}
            selected={selected.has(row.original.projectId)}
            nav={nav}
            onToggle={onToggle}
            measure={measure}
          />
        );
      }}
      empty={empty}
    />
  );
}

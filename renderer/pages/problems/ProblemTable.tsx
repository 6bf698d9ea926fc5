import type { Column, ReactTable, Row } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { ProblemListRow } from '../../../db/model/problems';
import { FLEXIBLE_COLUMN, type ProblemFeatures } from './problem-columns';

/** Kept in step with problems.css: the virtualizer places fixed-height rows below the sticky header. */
const ROW_HEIGHT = 46;
const HEADER_HEIGHT = 34;

type ProblemColumn = Column<ProblemFeatures, ProblemListRow>;

interface ProblemTableProps {
  table: ReactTable<ProblemFeatures, ProblemListRow>;
  rows: Row<ProblemFeatures, ProblemListRow>[];
  /** the problem open in the drawer, marked in the list */
  openId: number | null;
  onOpen(problemId: number): void;
  empty: ReactNode;
}

function useInnerWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

function columnWidths(columns: ProblemColumn[], viewWidth: number): Map<string, number> {
  const widths = new Map(columns.map((c) => [c.id, c.columnDef.meta?.width ?? 100]));
  const used = [...widths.values()].reduce((sum, w) => sum + w, 0);
  const flexible = widths.get(FLEXIBLE_COLUMN);
  if (flexible !== undefined && viewWidth > used) widths.set(FLEXIBLE_COLUMN, flexible + viewWidth - used);
  return widths;
}

/** 问题清单: fixed two-line rows; ↑↓ PageUp PageDown Home End move, Enter or a click opens the problem. */
export function ProblemTable({ table, rows, openId, onOpen, empty }: ProblemTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusedId, setFocusedId] = useState<number | null>(null);
  // The app does not run the React Compiler; this component simply re-reads the virtualizer every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (index) => rows[index].id,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const viewWidth = useInnerWidth(scrollRef);
  const columns = table.getAllLeafColumns();
  const widths = columnWidths(columns, viewWidth);
  const tableWidth = [...widths.values()].reduce((sum, w) => sum + w, 0);

  const items = virtualizer.getVirtualItems();
  const padTop = items.length ? items[0].start - HEADER_HEIGHT : 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1].end - HEADER_HEIGHT) : 0;
  const marked = focusedId ?? openId;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (rows.length === 0 || event.target !== event.currentTarget) return;
    const current = marked === null ? -1 : rows.findIndex((r) => r.original.id === marked);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current < 0 ? 0 : current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: rows.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      const next = Math.max(0, Math.min(rows.length - 1, moves[event.key]));
      setFocusedId(rows[next].original.id);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    } else if (event.key === 'Enter' && current >= 0) {
      event.preventDefault();
      onOpen(rows[current].original.id);
    }
  }

  return (
    <div
      ref={scrollRef}
      className="pb-scroll"
      tabIndex={0}
      role="region"
      aria-label="问题清单（↑↓ 选择，回车查看）"
      onKeyDown={onKeyDown}
    >
      <table className="pb-table" style={{ width: tableWidth || undefined }}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.id} style={{ width: widths.get(c.id) }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const { column } = header;
                const sorted = column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    className={column.columnDef.meta?.num ? 'num' : undefined}
                    title={`${column.columnDef.meta?.label ?? ''}（点击排序）`}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    onClick={column.getToggleSortingHandler()}
                  >
                    <span className="pb-th">
                      <span className="pb-th-label">
                        <table.FlexRender header={header} />
                      </span>
                      <span className="pb-sort">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
                    </span>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr className="pb-empty-row">
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          )}
          {padTop > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columns.length} className="pb-pad" style={{ height: padTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            const p = row.original;
            const classes = [
              item.index % 2 ? 'is-odd' : '',
              p.id === marked ? 'is-focused' : '',
              p.daysOverdue > 0 ? 'is-overdue' : '',
            ];
            return (
              <tr
                key={row.id}
                className={classes.filter(Boolean).join(' ')}
                aria-label={p.code}
                aria-selected={p.id === marked}
                onClick={() => {
                  setFocusedId(p.id);
                  onOpen(p.id);
                }}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={cell.column.columnDef.meta?.num ? 'num' : undefined}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columns.length} className="pb-pad" style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

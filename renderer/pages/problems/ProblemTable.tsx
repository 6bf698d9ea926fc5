import type { ReactTable, Row } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { columnWidths, listMove, PadRow, SortableTh, useInnerWidth } from '../../components/virtual-table';
import type { ProblemListRow } from '../../../db/model/problems';
import { FLEXIBLE_COLUMN, type ProblemFeatures } from './problem-columns';

/** Kept in step with problems.css: the virtualizer places fixed-height rows below the sticky header. */
const ROW_HEIGHT = 46;
const HEADER_HEIGHT = 34;

interface ProblemTableProps {
  table: ReactTable<ProblemFeatures, ProblemListRow>;
  rows: Row<ProblemFeatures, ProblemListRow>[];
  /** the problem open in the drawer, marked in the list */
  openId: number | null;
  onOpen(problemId: number): void;
  empty: ReactNode;
}

/**
 * 问题清单: fixed two-line rows; ↑↓ PageUp PageDown Home End move, Enter or a click opens the problem, Space
 * ticks it for 交办单.
 */
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
  const widths = columnWidths(columns, FLEXIBLE_COLUMN, viewWidth);
  const tableWidth = [...widths.values()].reduce((sum, w) => sum + w, 0);

  const items = virtualizer.getVirtualItems();
  const padTop = items.length ? items[0].start - HEADER_HEIGHT : 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1].end - HEADER_HEIGHT) : 0;
  const marked = focusedId ?? openId;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (rows.length === 0 || event.target !== event.currentTarget) return;
    const current = marked === null ? -1 : rows.findIndex((r) => r.original.id === marked);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    const next = listMove(event.key, current, rows.length, page);
    if (next !== undefined) {
      event.preventDefault();
      setFocusedId(rows[next].original.id);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    } else if (event.key === 'Enter' && current >= 0) {
      event.preventDefault();
      onOpen(rows[current].original.id);
    } else if (event.key === ' ' && current >= 0) {
      event.preventDefault();
      rows[current].toggleSelected();
    }
  }

  return (
    <div
      ref={scrollRef}
      className="zd-grid-scroll pb-scroll"
      tabIndex={0}
      role="region"
      aria-label="问题清单（↑↓ 选择，回车查看，空格勾选）"
      onKeyDown={onKeyDown}
    >
      <table className="zd-grid pb-table" style={{ width: tableWidth || undefined }}>
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
                  className={header.column.columnDef.meta?.num ? 'num is-sortable' : 'is-sortable'}
                >
                  <table.FlexRender header={header} />
                </SortableTh>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr className="zd-grid-empty pb-empty-row">
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          )}
          <PadRow height={padTop} span={columns.length} className="zd-grid-pad" />
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
          <PadRow height={padBottom} span={columns.length} className="zd-grid-pad" />
        </tbody>
      </table>
    </div>
  );
}

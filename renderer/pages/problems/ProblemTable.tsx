import type { ReactTable, Row } from '@tanstack/react-table';
import { useState, type ReactNode } from 'react';
import type { ProblemListRow } from '../../../db/model/problems';
import { DataGrid } from '../../ui/DataGrid';
import { sizes } from '../../ui/tokens';
import { FLEXIBLE_COLUMN, type ProblemFeatures } from './problem-columns';

/** two lines: the problem and the project it belongs to */
const ROW_HEIGHT = 46;

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
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const marked = focusedId ?? (openId === null ? null : String(openId));
  return (
    <DataGrid
      table={table}
      rows={rows}
      label="问题清单（↑↓ 选择，回车查看，空格勾选）"
      className="pb-scroll"
      rowHeight={ROW_HEIGHT}
      headHeight={sizes.headHeightSmall}
      flexibleColumn={FLEXIBLE_COLUMN}
      selection={{
        focusedId: marked,
        onFocus: setFocusedId,
        onKey(key, row) {
          if (key === 'Enter') onOpen(row.original.id);
          else if (key === ' ') row.toggleSelected();
          else return false;
          return true;
        },
      }}
      rowProps={(row) => ({
        'aria-label': row.original.code,
        className: row.original.daysOverdue > 0 ? 'is-overdue' : undefined,
        onClick: () => {
          setFocusedId(row.id);
          onOpen(row.original.id);
        },
      })}
      empty={empty}
    />
  );
}

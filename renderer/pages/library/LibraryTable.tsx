import type { Column, ReactTable, Row } from '@tanstack/react-table';
import type { ReactNode, Ref } from 'react';
import { formatWan } from '../../../db/model/money';
import type { ProjectListRow } from '../../../db/model/project-list';
import { DataGrid, type DataGridHandle } from '../../ui/DataGrid';
import type { LibraryFeatures } from './library-columns';
import type { LibraryTotals } from './library-totals';

type LibraryColumn = Column<LibraryFeatures, ProjectListRow>;

interface LibraryTableProps {
  table: ReactTable<LibraryFeatures, ProjectListRow>;
  rows: Row<LibraryFeatures, ProjectListRow>[];
  /** null while only the first rows are here */
  totals: LibraryTotals | null;
  focusedId: string | null;
  onFocusRow(rowId: string): void;
  onOpen(projectId: number): void;
  /** shown instead of rows when the filters match nothing */
  empty?: ReactNode;
  ref?: Ref<DataGridHandle>;
}

function totalText(column: LibraryColumn, totals: LibraryTotals): string {
  const key = column.columnDef.meta?.total;
  if (!key) return '';
  const value = totals[key];
  return typeof value === 'number' ? formatWan(value) : value;
}

/** 项目库's list: ↑↓ choose a project, Enter or a double click opens it; the totals follow the filters. */
export function LibraryTable({ table, rows, totals, focusedId, onFocusRow, onOpen, empty, ref }: LibraryTableProps) {
  return (
    <DataGrid
      ref={ref}
      table={table}
      rows={rows}
      label="项目列表（↑↓ 选择，回车打开）"
      className="library-scroll"
      overscan={3}
      flexibleColumn="name"
      stableRows
      selection={{
        focusedId,
        onFocus: onFocusRow,
        onKey(key, row) {
          if (key !== 'Enter') return false;
          onOpen(row.original.id);
          return true;
        },
      }}
      rowProps={(row) => ({
        onClick: () => onFocusRow(row.id),
        onDoubleClick: () => onOpen(row.original.id),
      })}
      rowsArriving={totals === null}
      totals={
        totals
          ? { label: `合计 ${totals.count} 个项目`, value: (column) => totalText(column, totals) }
          : { label: '正在载入全部项目…', value: () => '' }
      }
      empty={empty}
    />
  );
}

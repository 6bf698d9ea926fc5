import { createContext, useContext } from 'react';
import type { MonthGridRow } from '../../../electron/api-spec';
import { formatWan } from '../../../db/model/money';
import { MonthCell, type CellMove } from './investment-cell';
import type { MonthDrafts } from './investment-drafts';
import { formatRate, rowFigures } from './investment-model';

export type DerivedKey = 'yearCompleted' | 'rate' | 'sinceStart';

/** What the editable and recomputed cells need from the grid around them. */
export interface InvestmentCellsContext {
  editor: MonthDrafts;
  /** months from this one on have not begun: dimmed, still editable */
  firstFutureMonth: number;
  move(rowIndex: number, month: number, direction: CellMove): void;
}

export const InvestmentCells = createContext<InvestmentCellsContext | null>(null);

function useCells(): InvestmentCellsContext {
  const cells = useContext(InvestmentCells);
  if (!cells) throw new Error('investment cells outside InvestmentGrid');
  return cells;
}

/** A month's amount of one project, typed into as in a spreadsheet. */
export function MonthColumnCell({ row, rowIndex, month }: { row: MonthGridRow; rowIndex: number; month: number }) {
  const { editor, firstFutureMonth, move } = useCells();
  return (
    <MonthCell
      row={row}
      rowIndex={rowIndex}
      month={month}
      future={month >= firstFutureMonth}
      editor={editor}
      onMove={(direction) => move(rowIndex, month, direction)}
    />
  );
}

/** A figure recomputed from the months, the unsaved drafts included, as the clerk types. */
export function DerivedCell({ row, figure }: { row: MonthGridRow; figure: DerivedKey }) {
  const figures = rowFigures(row, useCells().editor.drafts);
  if (figure === 'rate') return formatRate(figures.rate);
  return formatWan(figure === 'yearCompleted' ? figures.yearCompletedYuan : figures.sinceStartCompletedYuan);
}

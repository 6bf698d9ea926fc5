import type { MonthGridRow } from '../../../electron/api-spec';
import { annualCompletionRate } from '../../../db/model/derived';
import { parseWan } from '../../../db/model/money';

export const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** What the clerk has typed into a cell and not yet had saved (or had refused). */
export interface Draft {
  text: string;
  /** the Chinese reason the amount was refused, shown on the cell */
  error?: string;
  saving?: boolean;
  /** left again while its earlier amount was still being saved: save once more when that returns */
  resave?: boolean;
}
export type Drafts = ReadonlyMap<string, Draft>;

export const cellKey = (projectId: number, month: number) => `${projectId}:${month}`;

/** A month's figure as the clerk sees it now: the typed amount while it reads as one, else the stored one. */
export function liveAmount(row: MonthGridRow, month: number, drafts: Drafts): number | null {
  const draft = drafts.get(cellKey(row.projectId, month));
  if (draft) {
    const parsed = parseWan(draft.text);
    if (parsed.ok) return parsed.yuan;
  }
  return row.months[month - 1];
}

export interface RowFigures {
  months: (number | null)[];
  yearCompletedYuan: number;
  /** 年度完成率 as a fraction, null without a plan */
  rate: number | null;
  sinceStartCompletedYuan: number;
}

export function rowFigures(row: MonthGridRow, drafts: Drafts): RowFigures {
  const months = MONTHS.map((m) => liveAmount(row, m, drafts));
  const yearCompletedYuan = months.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  return {
    months,
    yearCompletedYuan,
    rate: annualCompletionRate(yearCompletedYuan, row.annualPlanYuan),
    sinceStartCompletedYuan: row.investedBeforeYearYuan + yearCompletedYuan,
  };
}

export interface GridTotals {
  count: number;
  annualPlanYuan: number;
  months: number[];
  yearCompletedYuan: number;
  rate: number | null;
  investedBeforeYearYuan: number;
  sinceStartCompletedYuan: number;
  /** the latest month any project has a figure for (时序进度 1—N月), 0 when none */
  latestMonth: number;
}

export function gridTotals(rows: readonly MonthGridRow[], drafts: Drafts): GridTotals {
  const totals: GridTotals = {
    count: rows.length,
    annualPlanYuan: 0,
    months: MONTHS.map(() => 0),
    yearCompletedYuan: 0,
    rate: null,
    investedBeforeYearYuan: 0,
    sinceStartCompletedYuan: 0,
    latestMonth: 0,
  };
  for (const row of rows) {
    const figures = rowFigures(row, drafts);
    totals.annualPlanYuan += row.annualPlanYuan;
    totals.investedBeforeYearYuan += row.investedBeforeYearYuan;
    totals.yearCompletedYuan += figures.yearCompletedYuan;
    totals.sinceStartCompletedYuan += figures.sinceStartCompletedYuan;
    figures.months.forEach((amount, i) => {
      if (amount === null) return;
      totals.months[i] += amount;
      totals.latestMonth = Math.max(totals.latestMonth, i + 1);
    });
  }
  totals.rate = annualCompletionRate(totals.yearCompletedYuan, totals.annualPlanYuan);
  return totals;
}

/** 67.3% — one decimal, the way the office reports rates; blank without a plan. */
export function formatRate(rate: number | null): string {
  return rate === null ? '' : `${(rate * 100).toFixed(1)}%`;
}

/** The first month that has not begun yet in the grid's year: later months are dimmed, not locked. */
export function firstFutureMonth(year: number, today: string): number {
  const thisYear = Number(today.slice(0, 4));
  if (year < thisYear) return 13;
  if (year > thisYear) return 1;
  return Number(today.slice(5, 7)) + 1;
}

export interface CellPosition {
  rowIndex: number;
  month: number;
}

/** Spreadsheet moves: Tab runs along the months and wraps to the next row, Enter goes down. */
export function moveFrom(
  at: CellPosition,
  move: 'next' | 'previous' | 'down' | 'up',
  rowCount: number,
): CellPosition | null {
  let { rowIndex, month } = at;
  if (move === 'next') {
    if (month < 12) month += 1;
    else [rowIndex, month] = [rowIndex + 1, 1];
  } else if (move === 'previous') {
    if (month > 1) month -= 1;
    else [rowIndex, month] = [rowIndex - 1, 12];
  } else {
    rowIndex += move === 'down' ? 1 : -1;
  }
  return rowIndex >= 0 && rowIndex < rowCount ? { rowIndex, month } : null;
}

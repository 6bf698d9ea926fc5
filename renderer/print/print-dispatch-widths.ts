import type { DispatchPrintColumn, PaperSize } from './print-options';
import { contentBoxMm } from './print-paper';

export type SheetColumn = 'serial' | 'name' | DispatchPrintColumn;

// Widths in mm of the columns whose content has a known size.
const FIXED_MM: Record<PaperSize, Partial<Record<SheetColumn, number>>> = {
  A4: { serial: 10, name: 34, units: 26, stage: 13, totalInvestment: 22, annualPlan: 22, yearCompleted: 22, light: 30 },
  A3: { serial: 11, name: 48, units: 36, stage: 14, totalInvestment: 25, annualPlan: 25, yearCompleted: 25, light: 44 },
};
// The text columns share the rest; 本周进展 is filled in for every project and usually the longest.
const TEXT_WEIGHT: Partial<Record<SheetColumn, number>> = {
  progress: 1.4,
  problems: 1,
  coordination: 1,
  nextPlan: 1,
  approvals: 0.8,
};

/** Every printed column's width in mm, filling the paper's line exactly. */
export function columnWidthsMm(paper: PaperSize, cols: readonly DispatchPrintColumn[]): Record<string, number> {
  const columns: SheetColumn[] = ['serial', 'name', ...cols];
  const fixed = FIXED_MM[paper];
  const fixedTotal = columns.reduce((sum, column) => sum + (fixed[column] ?? 0), 0);
  const weights = columns.reduce((sum, column) => sum + (TEXT_WEIGHT[column] ?? 0), 0);
  const rest = Math.max(0, contentBoxMm(paper).width - fixedTotal);
  const widths: Record<string, number> = {};
  for (const column of columns) {
    const weight = TEXT_WEIGHT[column];
    // without text columns the fixed ones stretch (table-layout: fixed) to fill the line
    widths[column] = weight ? (rest * weight) / weights : (fixed[column] ?? 0);
  }
  return widths;
}

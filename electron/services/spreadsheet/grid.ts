/**
 * A sheet as the importers see it, whatever file it came from: rows of plain cell values (0-based), merged
 * ranges, and where each merged range's value lives (its top-left cell only).
 */
export type Cell =
  | null
  | string
  | number
  | boolean
  | { date: string }
  | { formula: string; result: string | number | null }
  | { error: string };

export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  name: string;
  rows: Cell[][];
  merges: MergedRange[];
  /** a sheet the workbook hides (an app's own key sheet, a WPS scratch sheet) */
  hidden?: boolean;
}

export function cellAt(grid: Grid, row: number, column: number): Cell {
  return grid.rows[row]?.[column] ?? null;
}

// A cell may hold U+0000 (xlsx writes it as _x0000_): nobody reads it, and PostgreSQL cannot keep it in text.
const withoutNul = (text: string) => text.replaceAll('\u0000', '');

/** What a person reads in the cell: text trimmed, numbers as typed, dates ISO. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return withoutNul(cell).trim();
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  if ('date' in cell) return cell.date;
  if ('formula' in cell) return cell.result === null ? '' : withoutNul(String(cell.result)).trim();
  return cell.error;
}

export function isBlank(cell: Cell): boolean {
  return cellText(cell) === '';
}

/** The merged range a cell belongs to, if any. */
export function mergeAt(grid: Grid, row: number, column: number): MergedRange | undefined {
  return grid.merges.find((m) => row >= m.top && row <= m.bottom && column >= m.left && column <= m.right);
}

export function widthOf(grid: Grid): number {
  let width = 0;
  for (const row of grid.rows) width = Math.max(width, row.length);
  return width;
}

import type { SheetLine } from '../../print/print-dispatch-lines';

/** Heights in px of the parts of one long sheet, measured at the paper's content width. */
export interface SheetMeasure {
  /** title block, on the first page only */
  title: number;
  /** the header row, repeated on every page */
  head: number;
  lines: number[];
  /** the 填表人 line after the table */
  sign: number;
}

export interface PreviewPage {
  lines: SheetLine[];
  first: boolean;
  last: boolean;
}

/**
 * Deals the lines out to pages the way Chromium's print layout does: a row never splits, a group title
 * stays with its first row, a subtotal stays with the row above it, the sign line follows the table.
 */
export function paginate(lines: SheetLine[], measure: SheetMeasure, pageHeight: number): PreviewPage[] {
  const pages: SheetLine[][] = [[]];
  let used = measure.title + measure.head;
  const current = () => pages[pages.length - 1];
  const newPage = (carried: SheetLine[], carriedHeight: number) => {
    pages.push([...carried]);
    used = measure.head + carriedHeight;
  };

  lines.forEach((line, index) => {
    const height = measure.lines[index] ?? 0;
    const needed = line.kind === 'group' ? height + (measure.lines[index + 1] ?? 0) : height;
    if (used + needed <= pageHeight || current().length === 0) {
      current().push(line);
      used += height;
      return;
    }
    const keepWithPrevious = (line.kind === 'subtotal' || line.kind === 'total') && current().length > 1;
    if (keepWithPrevious) {
      const moved = current().pop()!;
      const movedHeight = measure.lines[index - 1] ?? 0;
      newPage([moved, line], movedHeight + height);
      return;
    }
    newPage([line], height);
  });

  if (used + measure.sign > pageHeight && current().length > 0) pages.push([]);
  return pages.map((pageLines, index) => ({
    lines: pageLines,
    first: index === 0,
    last: index === pages.length - 1,
  }));
}

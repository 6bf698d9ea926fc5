import type { SheetMeasure } from '../../print/print-pages';

export interface ListPreviewPage<L> {
  lines: L[];
  first: boolean;
  last: boolean;
}

/**
 * Deals the lines out to pages the way Chromium's print layout does: a row never splits, a group title
 * stays with its first row, the sign line follows the table.
 */
export function paginateList<L extends { kind: string }>(
  lines: readonly L[],
  measure: SheetMeasure,
  pageHeight: number,
): ListPreviewPage<L>[] {
  const pages: L[][] = [[]];
  let used = measure.title + measure.head;
  const current = () => pages[pages.length - 1];
  lines.forEach((line, index) => {
    const height = measure.lines[index] ?? 0;
    const needed = line.kind === 'group' ? height + (measure.lines[index + 1] ?? 0) : height;
    if (used + needed > pageHeight && current().length > 0) {
      pages.push([]);
      used = measure.head;
    }
    current().push(line);
    used += height;
  });
  if (used + measure.sign > pageHeight && current().length > 0) pages.push([]);
  return pages.map((pageLines, index) => ({ lines: pageLines, first: index === 0, last: index === pages.length - 1 }));
}

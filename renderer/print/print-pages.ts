import type { PrintGroup } from '../../db/model/dispatch-print';
import type { SheetLine } from './print-dispatch-lines';

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
 * Room left unused at the foot of every page, in px: the sheet is measured once as one long table and printed as
 * one table per page, and the two may differ by a rounded pixel or a collapsed border; a page that overflowed
 * would push its last row onto a page of its own.
 */
export const PAGE_SLACK_PX = 4;

interface Measured {
  line: SheetLine;
  height: number;
}

/** Lines that go onto a page together; `continues` is the group the run carries on from an earlier line. */
interface Run {
  items: Measured[];
  continues: PrintGroup | null;
  /** ends in a group heading, which waits for the group's first row */
  open: boolean;
}

function runsOf(flow: readonly Measured[]): Run[] {
  const runs: Run[] = [];
  let group: PrintGroup | null = null;
  for (const item of flow) {
    const last = runs[runs.length - 1];
    const { line } = item;
    if (line.kind === 'group') {
      group = line.group;
      runs.push({ items: [item], continues: null, open: true });
    } else if (line.kind === 'row' && last?.open) {
      last.items.push(item);
      last.open = false;
    } else if (line.kind === 'row' || line.kind === 'empty' || !last) {
      runs.push({ items: [item], continues: line.kind === 'row' ? group : null, open: false });
    } else {
      // 小计 stays with the group's last row, 合计 with the last 小计, the sign line with 合计
      last.items.push(item);
    }
  }
  return runs;
}

/**
 * Deals the lines out to pages; the paper route prints exactly these pages, one table each, so the preview's
 * count is the printer's. A row never splits, a group heading stays with its first row, a subtotal with the row
 * above it, the total with the last subtotal and the sign line with the total. A page that begins inside a group
 * begins with that group's heading and “（续）”, which is neither numbered nor counted.
 *
 * `lines` is `measuredLines(data)`: the sheet's lines, then each group's “（续）” heading, measured at the end.
 */
export function paginate(lines: SheetLine[], measure: SheetMeasure, pageHeight: number): PreviewPage[] {
  const flow: Measured[] = [];
  const continued = new Map<string, Measured>();
  lines.forEach((line, index) => {
    const item = { line, height: measure.lines[index] ?? 0 };
    if (line.kind === 'continued') continued.set(line.group.key, item);
    else flow.push(item);
  });

  const room = pageHeight - PAGE_SLACK_PX;
  const pages: SheetLine[][] = [[]];
  let used = measure.title + measure.head;
  for (const run of runsOf(flow)) {
    const height = run.items.reduce((sum, item) => sum + item.height, 0);
    const current = pages[pages.length - 1];
    if (current.length > 0 && used + height > room) {
      const next: SheetLine[] = [];
      used = measure.head;
      const heading = run.continues && continued.get(run.continues.key);
      if (heading) {
        next.push(heading.line);
        used += heading.height;
      }
      pages.push(next);
    }
    pages[pages.length - 1].push(...run.items.map((item) => item.line));
    used += height;
  }
  return pages.map((pageLines, index) => ({
    lines: pageLines,
    first: index === 0,
    last: index === pages.length - 1,
  }));
}

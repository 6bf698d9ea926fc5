import type ExcelJS from 'exceljs';
import { addTableSheet, HEADER_ROW, newWorkbook, type SheetLine, type SheetSpec } from './xlsx-sheet';

// The 周调度表 as a sheet, paged so that a group's heading comes along onto every page the group continues on.
//
// A sheet's print titles repeat fixed rows only (here the header row), so Excel or WPS cannot repeat a group's
// heading where it happens to break a page. The sheet therefore decides its pages itself: the rows are dealt to
// pages by the heights the sheet gives them (every row's height is set, none is left to autofit), at the scale
// “fit all columns on one page” will print at; a manual row break starts every page; and a page that begins
// inside a group begins with a copy of the group's heading row with “（续）”, a merged text row that has no
// 序号 and is not counted.
//
// The fit stays “all columns on one page” (1 page wide, automatic tall, under which manual row breaks hold)
// rather than a fixed scale, which would let a column spill onto a page of its own wherever a program draws
// columns wider than estimated. Pages are dealt as if printed 5 percentage points larger than the estimated fit:
// a program that draws the columns wider shrinks the sheet more and only leaves more room at a page's foot; one
// would have to draw them over 5% narrower than Excel does before it needed a break of its own before ours.
// (LibreOffice, converting this sheet to PDF, prints exactly these pages, each “（续）” page led by its heading.)

export const CONTINUED = '（续）';

const PAPER_MM = { A3: { width: 420, height: 297 }, A4: { width: 297, height: 210 } } as const;
const POINTS_PER_INCH = 72;
const POINTS_PER_MM = POINTS_PER_INCH / 25.4;
/** Excel's column width unit is the widest digit of the default font (Calibri 11: 7 px at 96 dpi, 5.25 pt). */
const POINTS_PER_WIDTH_UNIT = 7 * 0.75;
/** pages are dealt as if printed this much larger than the estimated fit: columns drawn a little narrower still fit */
const SCALE_HEADROOM = 0.05;

interface Measured {
  line: SheetLine;
  height: number;
}

interface Run {
  items: Measured[];
  /** the heading of the group the run carries on, when it does not begin with it */
  continues: Measured | null;
  open: boolean;
}

/** What one sheet's print setup leaves for rows, in the sheet's own points (before the fit scale). */
function pageRoom(sheet: ExcelJS.Worksheet, paper: SheetSpec['paper']): { first: number; later: number } {
  const margins = sheet.pageSetup.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75 };
  const size = PAPER_MM[paper];
  const printableWidth = size.width * POINTS_PER_MM - (margins.left + margins.right) * POINTS_PER_INCH;
  const printableHeight = size.height * POINTS_PER_MM - (margins.top + margins.bottom) * POINTS_PER_INCH;
  const tableWidth = (sheet.columns ?? []).reduce((sum, column) => sum + (column.width ?? 0), 0);
  // Excel fits in whole per cent and never enlarges
  const fit = Math.min(1, Math.floor((100 * printableWidth) / (tableWidth * POINTS_PER_WIDTH_UNIT)) / 100);
  const tall = printableHeight / Math.min(1, fit + SCALE_HEADROOM);
  const height = (row: number) => sheet.getRow(row).height ?? sheet.properties.defaultRowHeight;
  let above = 0;
  for (let row = 1; row < HEADER_ROW; row++) above += height(row);
  return { first: tall - above - height(HEADER_ROW), later: tall - height(HEADER_ROW) };
}

function runsOf(items: readonly Measured[]): Run[] {
  const runs: Run[] = [];
  let heading: Measured | null = null;
  for (const item of items) {
    const last = runs[runs.length - 1];
    const { kind } = item.line;
    if (kind === 'section') {
      heading = item;
      runs.push({ items: [item], continues: null, open: true });
    } else if (kind === 'row' && last?.open) {
      last.items.push(item);
      last.open = false;
    } else if (kind === 'row' || kind === 'empty' || !last) {
      runs.push({ items: [item], continues: kind === 'row' ? heading : null, open: false });
    } else {
      // 小计 stays with the group's last row, 合计 with the last 小计
      last.items.push(item);
    }
  }
  return runs;
}

/**
 * The sheet's lines with a “（续）” heading at the top of every page that begins inside a group, and the lines
 * (by index in the result) that begin a page after the first.
 */
export function pageDispatchLines(spec: SheetSpec): { lines: SheetLine[]; pageStarts: number[] } {
  // lay the sheet out once to read the heights and widths it gives its rows and columns
  const trial = addTableSheet(newWorkbook(), spec);
  const firstBody = HEADER_ROW + 1;
  const measured = spec.lines.map((line, index) => ({
    line,
    height: trial.getRow(firstBody + index).height ?? trial.properties.defaultRowHeight,
  }));
  const room = pageRoom(trial, spec.paper);
  // the blank row and the 填表人 line under the table go with the last lines
  let tail = 0;
  if (spec.footnote) {
    for (let row = firstBody + spec.lines.length; row <= trial.rowCount; row++) {
      tail += trial.getRow(row).height ?? trial.properties.defaultRowHeight;
    }
  }

  const lines: SheetLine[] = [];
  const pageStarts: number[] = [];
  const runs = runsOf(measured);
  let left = room.first;
  runs.forEach((run, index) => {
    const height = run.items.reduce((sum, item) => sum + item.height, 0) + (index === runs.length - 1 ? tail : 0);
    if (lines.length > 0 && height > left) {
      pageStarts.push(lines.length);
      left = room.later;
      if (run.continues && run.continues.line.kind === 'section') {
        lines.push({ kind: 'section', text: `${run.continues.line.text}${CONTINUED}` });
        left -= run.continues.height;
      }
    }
    lines.push(...run.items.map((item) => item.line));
    left -= height;
  });
  return { lines, pageStarts };
}

/**
 * `addTableSheet` for the 周调度表: the same sheet, its groups' headings repeated with “（续）” where a page
 * begins inside a group, and a manual row break before every page after the first.
 */
export function addDispatchSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const { lines, pageStarts } = pageDispatchLines(spec);
  const sheet = addTableSheet(workbook, { ...spec, lines });
  for (const start of pageStarts) {
    // below the row above the page's first line, across every column (<brk id=… max="16383" man="1"/>)
    sheet.getRow(HEADER_ROW + start).addPageBreak(1, 16384);
  }
  return sheet;
}

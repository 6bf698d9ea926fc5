import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
import type { ExportedFile } from '../../db/model/exported-file';

// The conventions every exported sheet follows, so a 台账, a 周调度表 and a 问题清单 look like one office made
// them: a merged title, a line under it (单位, 截至日期), one header row that is frozen and repeated on every
// printed page, grouped rows with app-computed totals (numbers, never formulas: WPS may not recalculate),
// thin borders, widths that fit, and the sheet's own print setup.

/**
 * How a column's values are written. Money arrives as integer 分 of 万元 (100 yuan, see `fenOfWan`) so totals
 * are integer sums; 'wan' writes it in 万元, 'yi' in 亿元 (keeping the 万元 precision). 'date' takes ISO dates.
 */
export type ColumnKind = 'serial' | 'text' | 'center' | 'wan' | 'yi' | 'date' | 'percent' | 'integer';

export interface SheetColumn {
  /** may hold '\n' for a two-line head */
  header: string;
  kind: ColumnKind;
  /** width bounds in characters (a Chinese character counts two); the content decides within them */
  min: number;
  max: number;
}

export type CellInput = string | number | null;
export type Tone = 'red' | 'yellow';

export type SheetLine =
  | { kind: 'row'; cells: CellInput[]; tones?: Partial<Record<number, Tone>> }
  /** a group or section title across the whole table: 一、新开工项目（12个） */
  | { kind: 'section'; text: string }
  /** 小计/合计: `cells[0]` is the label, spread over the first `labelSpan` columns */
  | { kind: 'subtotal' | 'total'; labelSpan: number; cells: CellInput[] }
  /** “没有符合条件的项目” */
  | { kind: 'empty'; text: string };

export interface SheetSpec {
  name: string;
  title: string;
  /** the line under the title: left (单位, 范围), centre (统计时段), right (截至日期) */
  subhead: { left: string; center?: string; right: string };
  columns: SheetColumn[];
  lines: SheetLine[];
  /** the sign-off line under the table: 填表人 / 审核人 / 填报日期 */
  footnote?: string;
  paper: 'A3' | 'A4';
  /** columns kept in view when scrolling right (序号, 项目名称) */
  freezeColumns: number;
  /** body rows at least this many lines tall (default: one line) */
  minRowLines?: number;
  /** the sheet the file opens on */
  selected?: boolean;
}

export const HEADER_ROW = 3;
const FIRST_BODY_ROW = HEADER_ROW + 1;

/** 1 分 of 万元 = 100 yuan: what a 万元 figure with two decimals can show. */
export function fenOfWan(yuan: number): number {
  return Math.round(yuan / 100);
}

export function sumOf(values: readonly CellInput[]): number {
  let total = 0;
  for (const value of values) total += typeof value === 'number' ? value : 0;
  return total;
}

/** XML 1.0 cannot carry control characters other than tab and line breaks, and Excel refuses a file with them. */
function isXmlCharacter(code: number): boolean {
  return code >= 0x20 ? code !== 0xfffe && code !== 0xffff : code === 0x09 || code === 0x0a || code === 0x0d;
}

function withoutControlCharacters(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (!isXmlCharacter(text.charCodeAt(i))) {
      return Array.from(text)
        .filter((ch) => isXmlCharacter(ch.codePointAt(0) ?? 0))
        .join('');
    }
  }
  return text;
}

/** A file name Windows accepts: no \ / : * ? " < > | or control characters (a city name could hold one). */
export function safeFileName(name: string): string {
  return withoutControlCharacters(name)
    .replace(/[\t\n\r]/g, '')
    .replace(/[\\/:*?"<>|]/g, '_');
}

// a cell holds at most 32,767 characters
const CELL_MAX = 32_767;

/**
 * Text exactly as typed, always a string cell: a name beginning with = + - @ stays text (exceljs only writes a
 * formula for a `{ formula }` value, and nothing here builds one).
 */
export function cellText(text: string): string {
  const clean = withoutControlCharacters(text);
  return clean.length > CELL_MAX ? clean.slice(0, CELL_MAX) : clean;
}

function excelDate(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

function cellValue(kind: ColumnKind, value: CellInput): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (typeof value === 'string') return kind === 'date' ? excelDate(value) : cellText(value);
  if (kind === 'wan') return value / 100;
  if (kind === 'yi') return value / 1_000_000;
  return value;
}

const FONT = '宋体';
const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const TONE_COLOR: Record<Tone, string> = { red: 'FFC00000', yellow: 'FFB8860B' };
const NUM_FMT: Partial<Record<ColumnKind, string>> = {
  wan: '#,##0.00',
  yi: '#,##0.00',
  date: 'yyyy-mm-dd',
  percent: '0.0%',
  integer: '0',
  serial: '0',
};

function horizontalOf(kind: ColumnKind): ExcelJS.Alignment['horizontal'] {
  if (kind === 'text') return 'left';
  if (kind === 'wan' || kind === 'yi' || kind === 'percent' || kind === 'integer') return 'right';
  return 'center';
}

/**
 * Cells share style objects (one per kind, weight and tone) rather than each carrying its own: 120,000 cells
 * of a 5,000-project ledger stay light. Shared objects are only ever replaced, never changed in place.
 */
function styleMaker() {
  const cache = new Map<string, Partial<ExcelJS.Style>>();
  return (kind: ColumnKind | 'head' | 'label', bold: boolean, tone?: Tone): Partial<ExcelJS.Style> => {
    const key = `${kind}|${bold}|${tone ?? ''}`;
    let style = cache.get(key);
    if (!style) {
      const horizontal = kind === 'head' ? 'center' : kind === 'label' ? 'left' : horizontalOf(kind);
      style = {
        font: { name: FONT, size: 10, bold, ...(tone ? { color: { argb: TONE_COLOR[tone] } } : {}) },
        alignment: { horizontal, vertical: 'middle', wrapText: true },
        border: BORDER,
        ...(kind === 'head' ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } } : {}),
        ...(kind !== 'head' && kind !== 'label' && NUM_FMT[kind] ? { numFmt: NUM_FMT[kind] } : {}),
      } as Partial<ExcelJS.Style>;
      cache.set(key, style);
    }
    return style;
  };
}

/** Display width in Excel's character units: a Chinese (full-width) character takes two. */
export function displayWidth(text: string): number {
  // char codes, not an iterator: this runs for every cell of a 5,000-row ledger
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x2e80) width += 1;
    else {
      width += 2;
      if (code >= 0xd800 && code <= 0xdbff) i++; // a character outside the BMP is one wide character
    }
  }
  return width;
}

// one formatter for every cell: toLocaleString with options builds a new one per call
const WAN_SHOWN = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 });

function shownText(kind: ColumnKind, value: CellInput): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (kind === 'wan') return WAN_SHOWN.format(value / 100);
  if (kind === 'yi') return (value / 1_000_000).toFixed(2);
  if (kind === 'percent') return `${(value * 100).toFixed(1)}%`;
  return String(value);
}

/** Lines a text takes in a column of the given width once wrapped. */
function lineCount(text: string, width: number): number {
  const usable = Math.max(width - 1.5, 2);
  let lines = 0;
  for (const part of text.split('\n')) lines += Math.max(1, Math.ceil(displayWidth(part) / usable));
  return lines;
}

function columnWidths(spec: SheetSpec): number[] {
  const widest = spec.columns.map((c) => Math.max(...c.header.split('\n').map(displayWidth)));
  for (const line of spec.lines) {
    if (line.kind !== 'row' && line.kind !== 'subtotal' && line.kind !== 'total') continue;
    line.cells.forEach((value, i) => {
      if (line.kind !== 'row' && i < line.labelSpan) return;
      const column = spec.columns[i];
      if (!column || value === null) return;
      const shown = shownText(column.kind, value);
      const width = shown.includes('\n') ? Math.max(...shown.split('\n').map(displayWidth)) : displayWidth(shown);
      if (width > widest[i]) widest[i] = width;
    });
  }
  return spec.columns.map((c, i) => Math.min(c.max, Math.max(c.min, widest[i] + 2)));
}

const LINE_POINTS = 13.5;

function linesHeight(lines: number): number {
  return lines * LINE_POINTS + 4;
}

/** Row height for wrapped text, so the sheet prints the same in Excel, WPS and LibreOffice. */
function rowHeight(texts: { text: string; width: number }[], minimum = 18): number {
  let lines = 1;
  for (const { text, width } of texts) lines = Math.max(lines, lineCount(text, width));
  return Math.max(minimum, linesHeight(lines));
}

function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '重点项目推进台';
  return workbook;
}

export interface StreamedWorkbook {
  /** add sheets with `addTableSheet`; each row is written out (and let go) as soon as it is laid out */
  workbook: ExcelJS.Workbook;
  /** finishes the file; no sheet may be added after */
  file(fileName: string, rows: number): Promise<ExportedFile>;
}

/**
 * A workbook written as it is laid out (exceljs's streaming writer): a ledger of thousands of rows never sits
 * in memory as cell objects, only as the compressed file. Sheets are written one after the other.
 */
export function streamedWorkbook(): StreamedWorkbook {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: true,
    // packed as tightly as exceljs's in-memory writer packs it (the streaming writer's default leaves the file
    // a third larger)
    zip: { zlib: { level: 6 } },
  });
  writer.creator = '重点项目推进台';
  return {
    workbook: writer,
    async file(fileName, rows) {
      await writer.commit();
      const buffer = Buffer.concat(chunks);
      chunks.length = 0;
      return { fileName: safeFileName(fileName), base64: buffer.toString('base64'), rows };
    },
  };
}

function pageSetupOf(spec: SheetSpec): Partial<ExcelJS.PageSetup> {
  return {
    // 8 = A3, 9 = A4 (ECMA-376 paper codes; exceljs's enum lacks A3)
    paperSize: (spec.paper === 'A3' ? 8 : 9) as ExcelJS.PageSetup['paperSize'],
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    margins: { left: 0.25, right: 0.25, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.25 },
  };
}

/**
 * Lays out one table sheet by the house conventions. Every row is committed once laid out and the sheet's
 * setup is given when it is added, so a streamed workbook (`streamedWorkbook`) writes it out as it goes.
 */
export function addTableSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const span = spec.columns.length;
  const last = columnLetter(span);
  const styleOf = styleMaker();
  const widths = columnWidths(spec);
  const sheet = workbook.addWorksheet(spec.name, {
    views: [
      {
        state: 'frozen',
        xSplit: spec.freezeColumns,
        ySplit: HEADER_ROW,
        topLeftCell: `${columnLetter(spec.freezeColumns + 1)}${FIRST_BODY_ROW}`,
        activeCell: `A${FIRST_BODY_ROW}`,
        ...(spec.selected ? { tabSelected: true } : {}),
      },
    ],
    pageSetup: pageSetupOf(spec),
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页' },
  });
  sheet.columns = widths.map((width) => ({ width }));

  const title = sheet.getRow(1);
  title.getCell(1).value = cellText(spec.title);
  title.getCell(1).style = {
    font: { name: FONT, size: 18, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle' },
  };
  title.height = 36;
  sheet.mergeCells(`A1:${last}1`);
  title.commit();

  // the line under the title in three parts: left, centre, right
  const subhead = sheet.getRow(2);
  const third = Math.max(1, Math.floor(span / 3));
  const parts: [number, number, string, ExcelJS.Alignment['horizontal']][] = [
    [1, third, spec.subhead.left, 'left'],
    [third + 1, span - third, spec.subhead.center ?? '', 'center'],
    [span - third + 1, span, spec.subhead.right, 'right'],
  ];
  for (const [from, to, text, horizontal] of parts) {
    if (to < from) continue;
    const cell = subhead.getCell(from);
    cell.value = text ? cellText(text) : null;
    cell.style = { font: { name: FONT, size: 10 }, alignment: { horizontal, vertical: 'middle' } };
    if (to > from) sheet.mergeCells(2, from, 2, to);
  }
  subhead.height = 20;
  subhead.commit();

  const head = sheet.getRow(HEADER_ROW);
  spec.columns.forEach((column, i) => {
    const cell = head.getCell(i + 1);
    cell.value = column.header;
    cell.style = styleOf('head', true);
  });
  head.height = rowHeight(
    spec.columns.map((c, i) => ({ text: c.header, width: widths[i] })),
    30,
  );
  head.commit();

  let rowNumber = FIRST_BODY_ROW;
  for (const line of spec.lines) {
    const row = sheet.getRow(rowNumber);
    if (line.kind === 'row') {
      const texts: { text: string; width: number }[] = [];
      line.cells.forEach((value, i) => {
        const column = spec.columns[i];
        const cell = row.getCell(i + 1);
        cell.value = cellValue(column.kind, value);
        cell.style = styleOf(column.kind, false, line.tones?.[i]);
        if (typeof value === 'string' && column.kind !== 'date') texts.push({ text: value, width: widths[i] });
      });
      row.height = rowHeight(texts, spec.minRowLines ? linesHeight(spec.minRowLines) : undefined);
    } else if (line.kind === 'section' || line.kind === 'empty') {
      const cell = row.getCell(1);
      cell.value = cellText(line.text);
      cell.style = line.kind === 'section' ? styleOf('label', true) : styleOf('center', false);
      for (let i = 2; i <= span; i++) row.getCell(i).style = cell.style;
      sheet.mergeCells(rowNumber, 1, rowNumber, span);
      row.height = 20;
    } else {
      const labelStyle = styleOf('center', true);
      const label = row.getCell(1);
      label.value = typeof line.cells[0] === 'string' ? cellText(line.cells[0]) : line.cells[0];
      label.style = labelStyle;
      for (let i = 2; i <= line.labelSpan; i++) row.getCell(i).style = labelStyle;
      for (let i = line.labelSpan; i < span; i++) {
        const column = spec.columns[i];
        const cell = row.getCell(i + 1);
        cell.value = cellValue(column.kind, line.cells[i] ?? null);
        cell.style = styleOf(column.kind, true);
      }
      if (line.labelSpan > 1) sheet.mergeCells(rowNumber, 1, rowNumber, line.labelSpan);
      row.height = 20;
    }
    row.commit();
    rowNumber += 1;
  }

  if (spec.footnote) {
    const row = sheet.getRow(rowNumber + 1);
    row.getCell(1).value = cellText(spec.footnote);
    row.getCell(1).style = { font: { name: FONT, size: 10 }, alignment: { horizontal: 'left', vertical: 'middle' } };
    sheet.mergeCells(rowNumber + 1, 1, rowNumber + 1, span);
    row.height = 22;
    row.commit();
  }

  return sheet;
}

export async function exportedFile(workbook: ExcelJS.Workbook, fileName: string, rows: number): Promise<ExportedFile> {
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: safeFileName(fileName), base64: buffer.toString('base64'), rows };
}

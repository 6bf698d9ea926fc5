import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { AppError } from '../../../db/errors';
import type { Cell, Grid, MergedRange } from './grid';

const MAX_COLUMNS = 200;

function isoOf(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

function plain(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return isoOf(value);
  return null;
}

function cellOf(cell: ExcelJS.Cell): Cell {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return null;
    case ExcelJS.ValueType.Number:
      return cell.value as number;
    case ExcelJS.ValueType.String:
    case ExcelJS.ValueType.SharedString:
      return String(cell.value);
    case ExcelJS.ValueType.Date:
      return { date: isoOf(cell.value as Date) };
    case ExcelJS.ValueType.Boolean:
      return Boolean(cell.value);
    case ExcelJS.ValueType.Formula: {
      const value = cell.value as ExcelJS.CellFormulaValue;
      return { formula: cell.formula ?? value.formula ?? '', result: plain(value.result) };
    }
    case ExcelJS.ValueType.Error:
      return { error: (cell.value as ExcelJS.CellErrorValue).error };
    default:
      // rich text and hyperlinks: what the reader sees
      return cell.text;
  }
}

function rangeOf(address: string): MergedRange | null {
  const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(address);
  if (!match) return null;
  const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { top: Number(match[2]) - 1, left: column(match[1]), bottom: Number(match[4]) - 1, right: column(match[3]) };
}

function tooManyRows(name: string, maxRows: number): AppError {
  return new AppError(
    'too_many_rows',
    `工作表“${name}”超过${maxRows.toLocaleString('zh-CN')}行，不像一份项目台账，未导入`,
  );
}

/** The cells of one row, as plain values, up to MAX_COLUMNS. */
function cellsOf(row: ExcelJS.Row): Cell[] {
  const cells: Cell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
    if (columnNumber <= MAX_COLUMNS) cells[columnNumber - 1] = cellOf(cell);
  });
  return Array.from(cells, (c) => c ?? null);
}

const MERGE = /<mergeCell\s+ref="([A-Z]+\d+:[A-Z]+\d+)"/g;

/**
 * A sheet's XML as whole characters (exceljs's streaming reader decodes each unzipped chunk on its own, which
 * garbles a Chinese character split between two chunks), noting its merged ranges on the way (the streaming
 * reader skips them). A tail is kept for a tag split between chunks.
 */
async function* decodedNotingMerges(chunks: AsyncIterable<Buffer | string>, merges: string[]): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let tail = '';
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    const scanned = tail + text;
    let end = 0;
    for (const match of scanned.matchAll(MERGE)) {
      merges.push(match[1]);
      end = (match.index ?? 0) + match[0].length;
    }
    tail = scanned.slice(Math.max(end, scanned.length - 64));
    yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** The same for the parts exceljs reads whole (workbook, relations, shared strings, styles): a text stream. */
function decodingWholeParts(reader: object): void {
  const parts = reader as Record<string, (entry: Readable) => unknown>;
  for (const method of ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles']) {
    const original = parts[method];
    parts[method] = function (this: unknown, entry: Readable) {
      entry.setEncoding('utf8');
      return original.call(this, entry);
    };
  }
}

interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name: string;
  state?: string;
  /** the sheet's XML as it is unzipped: swapped for `decodedNotingMerges` before the rows are read */
  iterator: AsyncIterable<Buffer | string>;
}

async function gridOf(sheet: SheetReader, maxRows: number): Promise<Grid> {
  const merges: string[] = [];
  sheet.iterator = decodedNotingMerges(sheet.iterator, merges);
  const rows: Cell[][] = [];
  for await (const row of sheet) {
    if (row.number > maxRows) throw tooManyRows(sheet.name, maxRows);
    if (row.hasValues) rows[row.number - 1] = cellsOf(row);
  }
  return {
    name: sheet.name,
    rows: Array.from(rows, (r) => r ?? []),
    merges: merges.map(rangeOf).filter((m): m is MergedRange => m !== null),
    hidden: (sheet.state ?? 'visible') !== 'visible',
  };
}

/**
 * Every sheet of an .xlsx, read as a stream: one row at a time becomes plain cells, so a sheet of thousands of
 * rows never sits in memory as exceljs's cell objects. Sheets come back in the workbook's order.
 */
export async function readXlsx(bytes: Buffer, maxRows: number): Promise<Grid[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  decodingWholeParts(reader);
  const grids: Grid[] = [];
  try {
    for await (const sheet of reader as unknown as AsyncIterable<SheetReader>) grids.push(await gridOf(sheet, maxRows));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'unreadable_file',
      '无法读取这个Excel文件，它可能已损坏或加了密码。请在Excel或WPS中打开后另存为.xlsx再导入',
    );
  }
  const order = ((reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? []).map(
    (s) => s.name,
  );
  return grids.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
}

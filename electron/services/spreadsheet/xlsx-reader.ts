import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { AppError } from '../../../db/errors';
import type { Cell, Grid, MergedRange } from './grid';
import type { ZipEntry } from './zip-guard';
import { partChunks, partText } from './zip-parts';

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
 * A sheet's XML as whole characters (exceljs decodes each chunk on its own, which garbles a Chinese character
 * split between two chunks), noting its merged ranges on the way (the streaming reader skips them). A tail is
 * kept for a tag split between chunks.
 */
async function* decodedNotingMerges(chunks: AsyncIterable<Buffer>, merges: string[]): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let tail = '';
  for await (const chunk of chunks) {
    const text = decoder.write(chunk);
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

interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name: string;
  state?: string;
}

/** The parts of exceljs's WorkbookReader that parse one part each; the zip itself is read by zip-parts. */
interface PartParsers {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(sheetXml: AsyncIterable<string>, sheetNo: string): Iterable<{ value: SheetReader }>;
  model?: { sheets?: { name: string }[] };
}

async function gridOf(sheet: SheetReader, merges: string[], maxRows: number): Promise<Grid> {
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

const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** The parts a sheet refers to, in the order exceljs needs them: relations, workbook, shared strings, styles. */
async function readWholeParts(reader: PartParsers, bytes: Buffer, entries: ZipEntry[]): Promise<void> {
  const part = (name: string) => {
    const entry = entries.find((e) => e.name === name);
    return entry ? Readable.from([partText(bytes, entry)]) : null;
  };
  const rels = part('xl/_rels/workbook.xml.rels');
  if (rels) await reader._parseRels(rels);
  const workbook = part('xl/workbook.xml');
  if (workbook) await reader._parseWorkbook(workbook);
  const sharedStrings = part('xl/sharedStrings.xml');
  if (sharedStrings) for await (const _ of reader._parseSharedStrings(sharedStrings));
  const styles = part('xl/styles.xml');
  if (styles) await reader._parseStyles(styles);
}

async function readParts(bytes: Buffer, entries: ZipEntry[], maxRows: number): Promise<Grid[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as PartParsers;
  await readWholeParts(reader, bytes, entries);
  const grids: Grid[] = [];
  for (const entry of entries) {
    const sheetNo = SHEET_PART.exec(entry.name)?.[1];
    if (sheetNo === undefined) continue;
    const merges: string[] = [];
    const xml = decodedNotingMerges(partChunks(bytes, entry), merges);
    for (const { value: sheet } of reader._parseWorksheet(xml, sheetNo))
      grids.push(await gridOf(sheet, merges, maxRows));
  }
  const order = (reader.model?.sheets ?? []).map((s) => s.name);
  return grids.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
}

/**
 * Every sheet of an .xlsx whose entries zip-guard has checked, one row at a time: each row becomes plain cells,
 * so a sheet of thousands of rows never sits in memory as exceljs's cell objects. Sheets come back in the
 * workbook's order.
 */
export async function readXlsx(bytes: Buffer, entries: ZipEntry[], maxRows: number): Promise<Grid[]> {
  try {
    return await readParts(bytes, entries, maxRows);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'unreadable_file',
      '无法读取这个Excel文件，它可能已损坏或加了密码。请在Excel或WPS中打开后另存为.xlsx再导入',
    );
  }
}

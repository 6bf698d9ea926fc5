import ExcelJS from 'exceljs';
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

function gridOf(sheet: ExcelJS.Worksheet, maxRows: number): Grid {
  if (sheet.rowCount > maxRows) {
    throw new AppError(
      'too_many_rows',
      `工作表“${sheet.name}”超过${maxRows.toLocaleString('zh-CN')}行，不像一份项目台账，未导入`,
    );
  }
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (columnNumber <= MAX_COLUMNS) cells[columnNumber - 1] = cellOf(cell);
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? null);
  });
  const merges = (sheet.model.merges ?? []).map(rangeOf).filter((m): m is MergedRange => m !== null);
  return { name: sheet.name, rows: Array.from(rows, (r) => r ?? []), merges, hidden: sheet.state !== 'visible' };
}

export async function readXlsx(bytes: Buffer, maxRows: number): Promise<Grid[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError(
      'unreadable_file',
      '无法读取这个Excel文件，它可能已损坏或加了密码。请在Excel或WPS中打开后另存为.xlsx再导入',
    );
  }
  return workbook.worksheets.map((sheet) => gridOf(sheet, maxRows));
}

import { AppError } from '../../../db/errors';
import { fileTooBigMessage, MAX_IMPORT_FILE_BYTES } from '../../../db/model/import-limits';
import { decodeText, parseCsv } from './csv';
import type { Grid } from './grid';
import { readXlsx } from './xlsx-reader';
import { checkZipBounds } from './zip-guard';

// far beyond any county's ledger, yet the app's own export of 20,000 projects (the bench's largest office, with
// its title and total rows) must come back in
export const MAX_SHEET_ROWS = 50_000;

function startsWith(bytes: Buffer, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46];

/**
 * Every sheet of an .xlsx or the one table of a CSV, after the checks that keep a wrong or hostile file from
 * hurting: size, type by content (not by name), zip bounds, row count.
 */
export async function readSpreadsheet(fileName: string, bytes: Buffer): Promise<Grid[]> {
  if (bytes.length > MAX_IMPORT_FILE_BYTES) throw new AppError('file_too_big', fileTooBigMessage(bytes.length));
  if (bytes.length === 0) throw new AppError('empty_file', '文件是空的（0字节），没有可导入的内容');
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, OLE) || extension === 'xls' || extension === 'et') {
    throw new AppError(
      'old_excel',
      '这是旧版Excel（.xls）或WPS表格（.et）文件，无法直接导入。请在Excel或WPS中打开，“另存为”Excel工作簿（.xlsx）后再导入',
    );
  }
  if (startsWith(bytes, ZIP)) {
    const entries = checkZipBounds(bytes);
    if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
      throw new AppError(
        'not_a_spreadsheet',
        '这是一个压缩文件（可能是Word文档或压缩包），不是Excel表格。请选择项目台账的.xlsx文件',
      );
    }
    return readXlsx(bytes, entries, MAX_SHEET_ROWS);
  }
  if (startsWith(bytes, PDF)) {
    throw new AppError('not_a_spreadsheet', '这是PDF文件，无法导入。请选择Excel工作簿（.xlsx）或CSV文件');
  }
  if (extension === 'csv' || extension === 'txt') {
    const grid = parseCsv(decodeText(bytes), fileName.replace(/\.[^.]+$/, ''), MAX_SHEET_ROWS);
    if (grid.rows.length > MAX_SHEET_ROWS) {
      throw new AppError(
        'too_many_rows',
        `表格超过${MAX_SHEET_ROWS.toLocaleString('zh-CN')}行，不像一份项目台账，未导入`,
      );
    }
    return [grid];
  }
  throw new AppError('not_a_spreadsheet', '无法识别的文件类型。请选择Excel工作簿（.xlsx）或CSV文件');
}

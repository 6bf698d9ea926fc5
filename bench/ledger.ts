import ExcelJS from 'exceljs';
import type { ExportedFile } from '../electron/api-spec';
import { dispatch } from '../electron/contract';
import type { AppContext } from '../electron/services/app-context';
import { medianMs, reportFigure, type Figure } from './timing';

const RUNS = 5;

async function exportLedger(ctx: AppContext): Promise<ExportedFile> {
  const result = await dispatch(ctx, 'ledger.export', { totalUnit: 'wan' });
  if (!result.ok) throw new Error(`ledger.export refused: ${result.error.message}`);
  return result.data as ExportedFile;
}

/** The same number of rows × columns as the ledger, plain values only: no styles, merges or print setup. */
function bareRows(rows: number, columns: number): ExcelJS.CellValue[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => {
      if (c === 0) return r + 1;
      if (c >= 7 && c <= 11) return (r * 37 + c) / 100;
      if (c >= 17 && c <= 19) return new Date(Date.UTC(2026, c - 17, 15));
      return `第${r + 1}行第${c + 1}列 主体结构施工`;
    }),
  );
}

async function bareWrite(values: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('bare');
  for (const row of values) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function load(buffer: Buffer): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets[0].rowCount;
}

/** 项目台账 of every project to xlsx and back, each beside exceljs doing the same cells bare. */
export async function benchLedger(ctx: AppContext): Promise<{ write: Figure; read: Figure; file: ExportedFile }> {
  const file = await exportLedger(ctx);
  const exported = Buffer.from(file.base64, 'base64');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(exported as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const values = bareRows(sheet.rowCount, sheet.columnCount);
  const bare = await bareWrite(values);

  const write = await medianMs(RUNS, () => exportLedger(ctx));
  const bareWriteMs = await medianMs(RUNS, () => bareWrite(values));
  const read = await medianMs(RUNS, () => load(exported));
  const bareRead = await medianMs(RUNS, () => load(bare));
  const cells = `${sheet.rowCount.toLocaleString('en-US')} rows × ${sheet.columnCount}`;
  console.log(
    `  (median of ${RUNS}; ${file.rows.toLocaleString('en-US')} projects, ${cells} cells, ` +
      `${(exported.length / 1024).toFixed(0)} KB vs bare ${(bare.length / 1024).toFixed(0)} KB)`,
  );
  return {
    file,
    write: reportFigure({
      label: `ledger.export, ${file.rows.toLocaleString('en-US')} projects (xlsx + base64)`,
      ms: write,
      baselineLabel: 'bare exceljs write, same cells',
      baselineMs: bareWriteMs,
    }),
    read: reportFigure({
      label: 'read the exported ledger back (exceljs load)',
      ms: read,
      baselineLabel: 'bare exceljs read, same cells',
      baselineMs: bareRead,
    }),
  };
}

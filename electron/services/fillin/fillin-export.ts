import ExcelJS from 'exceljs';
import { AppError } from '../../../db/errors';
import { formatChineseDate } from '../../../db/model/dates';
import { getSetting } from '../../../db/queries/settings';
import type { ExportedFile } from '../../../db/model/exported-file';
import type { AppContext } from '../app-context';
import { addTableSheet, HEADER_ROW, newWorkbook, safeFileName, type CellInput } from '../xlsx-sheet';
import { fileSignature, fillinSecret, lockedDigest, rowKey } from './fillin-key';
import {
  fillinColumns,
  META_MARK,
  META_SHEET,
  periodKey,
  periodLabel,
  type FillinColumn,
  type FillinPeriod,
} from './fillin-layout';
import { fillinScope, normalisedLocked, type FillinSourceRow, type FillinUnit } from './fillin-source';
import { storeZip } from './store-zip';

// 填报表: one workbook per responsible unit with its projects. Identity columns are locked and grey, the
// columns to fill are white, unlocked and validated by Excel itself; a hidden column keys each row.

const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };
const OPEN_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFFF' } };

function validationOf(column: FillinColumn): ExcelJS.DataValidation | undefined {
  const shared = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: '填写有误' } as const;
  switch (column.input) {
    case 'money':
      return {
        ...shared,
        type: 'decimal',
        operator: 'between',
        formulae: [0, 100_000_000],
        error: '请填写数字金额（万元），不能为负数',
      };
    case 'date':
      return {
        ...shared,
        type: 'date',
        operator: 'between',
        formulae: [new Date(Date.UTC(1990, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        error: '请填写日期，如2026-03-01',
      };
    case 'yesno':
      return { ...shared, type: 'list', formulae: ['"是,否"'], error: '请选择“是”或“否”' };
    case 'text':
      return {
        ...shared,
        type: 'textLength',
        operator: 'lessThanOrEqual',
        formulae: [column.maxLength ?? 500],
        error: `不能超过${column.maxLength ?? 500}个字`,
      };
    default:
      return undefined;
  }
}

/**
 * One validation per column over its rows. Set cell by cell, exceljs 4.4 merges them into ranges that overlap
 * (it walks G10 before G4 and covers G10:G22 twice), and Excel then offers to “repair” the file.
 */
function addColumnValidations(sheet: ExcelJS.Worksheet, columns: FillinColumn[], rowCount: number): void {
  if (rowCount === 0) return;
  // exceljs has the sheet-level list but leaves it out of its type declarations
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + rowCount;
  columns.forEach((column, c) => {
    const validation = validationOf(column);
    if (!validation) return;
    const letter = sheet.getColumn(c + 1).letter;
    validations.add(first === last ? `${letter}${first}` : `${letter}${first}:${letter}${last}`, validation);
  });
}

async function unitWorkbook(
  ctx: AppContext,
  period: FillinPeriod,
  unit: FillinUnit,
  rows: FillinSourceRow[],
  secret: string,
  city: string,
): Promise<Buffer> {
  const columns = fillinColumns(period);
  const key = periodKey(period);
  const lines = rows.map((row, index) => {
    const cells: CellInput[] = columns.map((c) => (c.key === 'serial' ? index + 1 : (row.values[c.key] ?? null)));
    const locked = columns
      .filter((c) => !c.input && c.key !== 'serial' && c.key !== 'key')
      .map((c) => normalisedLocked(c, row.values[c.key] ?? null));
    cells[columns.length - 1] = rowKey(secret, key, unit.unitId, row.projectId, lockedDigest(locked));
    return { kind: 'row' as const, cells };
  });
  const workbook = newWorkbook();
  const sheet = addTableSheet(workbook, {
    name: '填报表',
    title: `${city}重点项目${period.kind === 'week' ? '周调度' : '月度投资'}填报表（${periodLabel(period)}）`,
    subhead: {
      left: `填报单位：${unit.unitName}`,
      center: '白色格子填写，灰色格子为项目信息请勿改动；请勿增删行、列',
      right: `生成日期：${formatChineseDate(ctx.today())}`,
    },
    columns,
    lines,
    paper: 'A4',
    freezeColumns: 3,
  });
  const keyColumn = sheet.getColumn(columns.length);
  keyColumn.hidden = true;
  rows.forEach((_, index) => {
    const row = sheet.getRow(HEADER_ROW + 1 + index);
    columns.forEach((column, c) => {
      const cell = row.getCell(c + 1);
      const open = Boolean(column.input);
      cell.style = { ...cell.style, fill: open ? OPEN_FILL : LOCKED_FILL, protection: { locked: !open } };
    });
  });
  addColumnValidations(sheet, columns, rows.length);
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
  const meta = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.getColumn(1).values = [META_MARK, key, unit.unitId, unit.unitName, fileSignature(secret, key, unit.unitId)];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function fileNameOf(city: string, period: FillinPeriod, unitName: string): string {
  return safeFileName(`${city}重点项目填报表（${periodLabel(period)}）-${unitName}.xlsx`);
}

/** One unit's sheet as .xlsx, or several units' sheets in one .zip. */
export async function exportFillinSheets(
  ctx: AppContext,
  period: FillinPeriod,
  unitIds: number[] | undefined,
): Promise<ExportedFile> {
  const { scope, city } = await ctx.store.snapshot(async () => ({
    scope: await fillinScope(ctx, period),
    city: (await getSetting(ctx.store, 'cityName')) ?? '',
  }));
  const wanted = unitIds?.length ? new Set(unitIds) : null;
  const units = scope.units.filter((u) => !wanted || wanted.has(u.unitId));
  if (!units.length) throw new AppError('nothing_to_export', '所选单位在该期间没有需要填报的项目');
  // outside the reads' snapshot: the first export makes the secret, a write
  const secret = await fillinSecret(ctx.store);
  const files: { name: string; data: Buffer }[] = [];
  for (const unit of units) {
    const rows = unit.projectIds.map((id) => scope.rows.get(id)).filter((r): r is FillinSourceRow => r !== undefined);
    files.push({
      name: fileNameOf(city, period, unit.unitName),
      data: await unitWorkbook(ctx, period, unit, rows, secret, city),
    });
  }
  const projects = new Set(units.flatMap((u) => u.projectIds)).size;
  if (files.length === 1) return { fileName: files[0].name, base64: files[0].data.toString('base64'), rows: projects };
  const zip = storeZip(files);
  return {
    fileName: safeFileName(`${city}重点项目填报表（${periodLabel(period)}，${files.length}个单位）.zip`),
    base64: zip.toString('base64'),
    rows: projects,
  };
}

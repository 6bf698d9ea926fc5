import type ExcelJS from 'exceljs';

// exceljs takes about a second to load, and a start needs none of it: it is loaded on the first export or
// import, once.
let loading: Promise<typeof ExcelJS> | null = null;

export function loadExcelJS(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((module) => module.default);
  return loading;
}

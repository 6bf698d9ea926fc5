import crypto from 'node:crypto';
import { AppError } from '../../../db/errors';
import { writeOperationNote } from '../../../db/queries/audit';
import { weekOf } from '../../../db/model/weeks';
import type { LedgerImportPreview, LedgerImportResult } from '../../../db/model/ledger-import';
import { planYearOf, writeMeta } from '../session';
import type { AppContext } from '../app-context';
import { createBackup } from '../backup';
import { crashPoint } from '../crash-points';
import { PRINT_SHEET_NAME } from '../ledger-export/print-sheet';
import { readSpreadsheetOffThread } from '../spreadsheet/read-off-thread';
import { readLedgerTable, type ColumnMap, type LedgerTable } from './ledger-table';
import { readRecord, type ReadRecord } from './record-values';
import { runImport, type RunOutcome, type RunSettings } from './import-run';
import { lookupOf } from './import-lookup';
import { previewTarget } from './preview-target';
import { databaseTarget } from './database-target';

// 导入台账: read the file, find its tables, and run every row through the same rules as the project form.
// A preview runs the rows against one read of the library in memory and writes nothing; applying runs them
// again after a backup, written inside one transaction, and keeps them only if they come out as previewed.

export interface ImportRequest {
  fileName: string;
  bytes: Buffer;
  defaultChainId?: number;
  /** header as the preview showed it → field, or null to leave the column out */
  columnMap?: ColumnMap;
  /** 工作表!行号 → the clerk's 产业链 for a new project */
  rowChains?: Readonly<Record<string, number>>;
}

interface ReadFile {
  /** without their rows, which live on as `records` */
  tables: Omit<LedgerTable, 'records'>[];
  records: ReadRecord[];
  year: number;
  asOf: string;
}

async function readLedgerFile(ctx: AppContext, request: ImportRequest): Promise<ReadFile> {
  const grids = await readSpreadsheetOffThread(request.fileName, request.bytes);
  const visible = grids.filter((g) => !g.hidden);
  if (!visible.some((g) => g.rows.some((row) => row.some((cell) => cell !== null)))) {
    throw new AppError('empty_sheet', '表格是空的，没有可导入的内容');
  }
  // the 打印版 this app exports beside the 项目台账 repeats its rows in fewer columns: reading both would
  // double every project, so it is left out (by its name: a renamed copy is read like any other sheet)
  const isPrintSheet = (name: string) => name.trim() === PRINT_SHEET_NAME;
  const tables = visible
    .filter((grid) => !isPrintSheet(grid.name))
    .map((grid) => readLedgerTable(grid, request.columnMap))
    .filter((t): t is LedgerTable => t !== null);
  if (!tables.length && visible.some((grid) => isPrintSheet(grid.name) && readLedgerTable(grid) !== null)) {
    throw new AppError(
      'print_sheet_only',
      `文件中只有“${PRINT_SHEET_NAME}”工作表：打印版只有部分列，不能用来导入。请导入含“项目台账”工作表（完整台账）的文件；如确要导入这张表，请先把工作表改成别的名字`,
    );
  }
  if (!tables.length) {
    throw new AppError(
      'no_header',
      '没有找到台账表头：表中应有一行列名，包括“项目名称”和“建设单位”“总投资”等列（可以在标题行下方）',
    );
  }
  const planYear = await planYearOf(ctx);
  const year = tables.find((t) => t.hints.year)?.hints.year ?? planYear;
  if (year !== planYear) {
    throw new AppError(
      'wrong_year',
      `这是${year}年的台账，当前计划年度为${planYear}年。本年计划和完成投资属于计划年度，请先在“设置”中切换计划年度再导入`,
    );
  }
  const today = ctx.today();
  const stated = tables.find((t) => t.hints.asOf)?.hints.asOf;
  const asOf = stated && stated <= today ? stated : today;
  const records = tables.flatMap((t) => t.records.map((r) => readRecord(r, t.columns, t.hints, asOf)));
  // the rows' cells as the sheet had them are done with once read: applying holds the file through a backup of
  // the whole library and the writes
  return { tables: tables.map(({ records: _cells, ...table }) => table), records, year, asOf };
}

function settingsOf(ctx: AppContext, request: ImportRequest, file: ReadFile): RunSettings {
  return {
    store: ctx.store,
    today: ctx.today(),
    planYear: file.year,
    defaultChainId: request.defaultChainId,
    rowChains: request.rowChains ?? {},
    fileName: request.fileName,
  };
}

async function previewRun(ctx: AppContext, request: ImportRequest, file: ReadFile): Promise<RunOutcome> {
  // the preview's one read of the library, as of one moment; its rows then run in memory
  const lookup = await ctx.store.snapshot(() => lookupOf(ctx.store, file.year));
  return runImport(settingsOf(ctx, request, file), file.records, lookup, previewTarget(lookup));
}

/** Writes the rows in one transaction, rolled back unless they come out exactly as the clerk saw them. */
async function applyRun(
  ctx: AppContext,
  request: ImportRequest,
  file: ReadFile,
  shown: string,
): Promise<LedgerImportPreview> {
  const meta = await writeMeta(ctx);
  const settings = settingsOf(ctx, request, file);
  // only the database is touched, and every attempt starts from a fresh read: PostgreSQL may run it again
  return ctx.store.transaction(
    async () => {
      const lookup = await lookupOf(ctx.store, file.year);
      const target = databaseTarget({ ...settings, week: weekOf(file.asOf).key, meta }, lookup);
      const outcome = await runImport(settings, file.records, lookup, target);
      const applied = previewOf(request, file, outcome);
      if (applied.fingerprint !== shown) throw staleError();
      crashPoint('ledger-import-rows-written');
      const text = `导入台账《${request.fileName}》：新建${outcome.creates.length}个项目，更新${outcome.updates.length}个项目`;
      await writeOperationNote(ctx.store, { entity: 'import', action: 'create', text }, meta);
      return applied;
    },
    { idempotent: true },
  );
}

const staleError = () => new AppError('preview_stale', '预览之后文件或库中数据已有变化，请重新预览后再导入');

function previewOf(request: ImportRequest, file: ReadFile, outcome: RunOutcome): LedgerImportPreview {
  const tableProblems = file.tables.flatMap((t) => t.problems);
  const errors = [...tableProblems, ...outcome.errors].sort((a, b) =>
    a.sheet === b.sheet ? a.row - b.row : a.sheet.localeCompare(b.sheet),
  );
  const columns = file.tables.flatMap((t) =>
    t.columns.map((c) => ({
      sheet: t.sheet,
      index: c.index,
      header: c.header,
      field: c.field,
      candidates: c.candidates,
      question: c.question ?? null,
      chosen: c.chosen,
    })),
  );
  const body = {
    fileName: request.fileName,
    sheets: file.tables.map((t) => t.sheet),
    year: file.year,
    asOf: file.asOf,
    columns,
    hasChainColumn: columns.some((c) => c.field === 'chain'),
    creates: outcome.creates,
    updates: outcome.updates,
    unchanged: outcome.unchanged,
    skipped: file.tables.reduce((sum, t) => sum + t.skipped, 0),
    errors,
    warnings: outcome.warnings,
    newUnits: outcome.newUnits,
  };
  const fingerprint = crypto.createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16);
  return { ...body, fingerprint };
}

export async function previewLedgerImport(ctx: AppContext, request: ImportRequest): Promise<LedgerImportPreview> {
  const file = await readLedgerFile(ctx, request);
  return previewOf(request, file, await previewRun(ctx, request, file));
}

/** Applies what the clerk saw: refused if the preview no longer holds, or if rows have errors and may not be skipped. */
export async function applyLedgerImport(
  ctx: AppContext,
  request: ImportRequest & { fingerprint: string; skipErrors: boolean },
): Promise<LedgerImportResult> {
  const file = await readLedgerFile(ctx, request);
  const fingerprint = confirmedFingerprint(request, previewOf(request, file, await previewRun(ctx, request, file)));
  const backupFile = await createBackup(ctx, '导入台账前');
  const applied = await applyRun(ctx, request, file, fingerprint);
  crashPoint('ledger-import-committed');
  return { ...applied, backupFile };
}

/**
 * The preview's fingerprint, once it is what the clerk confirmed; only the fingerprint is kept, so the preview
 * (every row's changes) is not held through the backup and the writes.
 */
function confirmedFingerprint(
  request: ImportRequest & { fingerprint: string; skipErrors: boolean },
  preview: LedgerImportPreview,
): string {
  if (preview.fingerprint !== request.fingerprint) throw staleError();
  const unconfirmed = preview.columns.find((c) => c.question);
  if (unconfirmed) {
    throw new AppError('column_unconfirmed', `请先确认“${unconfirmed.header}”一列的含义（在列对应中选定），再导入`);
  }
  if (preview.errors.length && !request.skipErrors) {
    throw new AppError('import_has_errors', `有${preview.errors.length}行无法导入，请改正后重新导入，或选择跳过这些行`);
  }
  if (!preview.creates.length && !preview.updates.length) {
    throw new AppError('nothing_to_import', '没有需要新建或更新的项目，未做任何修改');
  }
  return preview.fingerprint;
}

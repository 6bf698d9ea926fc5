import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Db } from '../db/connection';
import type { ExportedFile, LedgerImportPreview } from '../electron/api-spec';
import { dispatch } from '../electron/contract';
import { initializeApp } from '../electron/handlers/app';
import { openAppContext, type SqliteAppContext } from '../electron/services/app-context';
import { medianMs, report, reportFigure, type Figure } from './timing';

const RUNS = 3;

async function call<T>(ctx: SqliteAppContext, method: string, input: unknown): Promise<T> {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw new Error(`${method} refused: ${result.error.message}`);
  return result.data as T;
}

async function bareRead(buffer: Buffer): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  let cells = 0;
  workbook.worksheets[0].eachRow((row) => row.eachCell(() => cells++));
  return cells;
}

/** The exported ledger imported into an empty database: preview, apply, and a re-import that changes nothing. */
export async function benchLedgerImport(source: SqliteAppContext): Promise<void> {
  const file = await call<ExportedFile>(source, 'ledger.export', { totalUnit: 'wan' });
  const bytes = Buffer.from(file.base64, 'base64');
  const input = { fileName: file.fileName, contentBase64: file.base64 };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-bench-import-'));
  const ctx = await openAppContext({ dataDir: dir, today: () => '2026-11-28' });
  try {
    await initializeApp(ctx, '基准测试', false);
    let preview: LedgerImportPreview | undefined;
    const previewMs = await medianMs(RUNS, async () => {
      preview = await call<LedgerImportPreview>(ctx, 'ledger.previewImport', input);
    });
    if (!preview) throw new Error('no preview');
    const shown = preview;
    const bare = await medianMs(RUNS, () => bareRead(bytes));
    const started = performance.now();
    await call(ctx, 'ledger.applyImport', { ...input, fingerprint: shown.fingerprint, skipErrors: true });
    const applyMs = performance.now() - started;
    const again = await medianMs(RUNS, () => call(ctx, 'ledger.previewImport', input));
    // the library moved on since the export: every row of the file is now an update
    ctx.db.prepare("UPDATE projects SET progress_text = progress_text || '（已变）'").run();
    let updating: LedgerImportPreview | undefined;
    const updatesMs = await medianMs(RUNS, async () => {
      updating = await call<LedgerImportPreview>(ctx, 'ledger.previewImport', input);
    });
    console.log(
      `  (median of ${RUNS}; ${file.rows.toLocaleString('en-US')} rows: ${shown.creates.length} to create, ` +
        `${shown.errors.length} refused by the rules)`,
    );
    report('ledger.previewImport into an empty database', previewMs, 'bare exceljs read, same file', bare);
    report('ledger.applyImport (preview + backup + write)', applyMs, 'bare exceljs read, same file', bare);
    report('ledger.previewImport again (all unchanged)', again, 'bare exceljs read, same file', bare);
    report(
      `ledger.previewImport, ${updating?.updates.length ?? 0} updates`,
      updatesMs,
      'bare exceljs read, same file',
      bare,
    );
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const MOVED_ON = '（已变）';

function tally(messages: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const message of messages) counts.set(message, (counts.get(message) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** The library moved on since its export: every project's 形象进度 differs from the file's. */
export function markMovedOn(db: Db): void {
  db.prepare('UPDATE projects SET progress_text = progress_text || ?').run(MOVED_ON);
}

export interface RoundTrip {
  preview: Figure;
  exported: number;
  projects: number;
  applied: number;
  refused: number;
  /** projects whose changed text the import did not put back */
  notRestored: number;
  /** the refusals' messages, most frequent first, with their counts */
  refusals: [string, number][];
}

/**
 * The office's own export read back into it after every project moved on: a preview of all updates beside a
 * bare exceljs read, then applied (backup included), and every project checked to have the file's text again.
 */
export async function benchImportUpdates(ctx: SqliteAppContext, file: ExportedFile): Promise<RoundTrip> {
  const input = { fileName: file.fileName, contentBase64: file.base64 };
  const bytes = Buffer.from(file.base64, 'base64');
  markMovedOn(ctx.db);
  let preview: LedgerImportPreview | undefined;
  const previewMs = await medianMs(RUNS, async () => {
    preview = await call<LedgerImportPreview>(ctx, 'ledger.previewImport', input);
  });
  const bare = await medianMs(RUNS, () => bareRead(bytes));
  if (!preview) throw new Error('no preview');
  const result = await call<LedgerImportPreview>(ctx, 'ledger.applyImport', {
    ...input,
    fingerprint: preview.fingerprint,
    skipErrors: true,
  });
  const count = (where: string) =>
    (ctx.db.prepare(`SELECT COUNT(*) AS n FROM projects ${where}`).get() as { n: number }).n;
  return {
    preview: reportFigure({
      label: `ledger.previewImport of the export, ${preview.updates.length.toLocaleString('en-US')} updates`,
      ms: previewMs,
      baselineLabel: 'bare exceljs read, same file',
      baselineMs: bare,
    }),
    exported: file.rows,
    projects: count(''),
    applied: result.updates.length + result.creates.length,
    refused: result.errors.length,
    notRestored: count(`WHERE progress_text LIKE '%${MOVED_ON}'`),
    refusals: tally(result.errors.map((e) => e.message)),
  };
}

// Runs in a worker thread: reads a spreadsheet off the main thread, so a large or hostile file never freezes
// the window (Electron) or the other requests (browser host) while exceljs works through it.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../db/errors';
import { readSpreadsheet } from './services/spreadsheet/read-spreadsheet';

const { fileName, bytes } = workerData as { fileName: string; bytes: Uint8Array };

readSpreadsheet(fileName, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).then(
  (grids) => parentPort?.postMessage({ ok: true, grids }),
  (error: unknown) =>
    parentPort?.postMessage(
      error instanceof AppError
        ? { ok: false, code: error.code, message: error.message }
        : { ok: false, code: 'internal', message: error instanceof Error ? error.message : String(error) },
    ),
);

import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../db/errors';
import type { Grid } from './grid';
import { readSpreadsheet } from './read-spreadsheet';

// The hosts (Electron main, browser host) tell where the bundled worker is; run from source (tests, tsx) there
// is none and the file is read in-process, which is the same code.

let workerFile: string | null = null;

export function useSpreadsheetWorker(file: string | null): void {
  workerFile = file && fs.existsSync(file) ? file : null;
}

/**
 * The reader turns every cell into short-lived objects: left alone, V8 grows the worker's young generation to
 * its largest (~48 MB) on top of what the host holds; a small one collects them sooner at no visible cost.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

type Answer = { ok: true; grids: Grid[] } | { ok: false; code: string; message: string };

function inWorker(file: string, fileName: string, bytes: Buffer): Promise<Grid[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: { fileName, bytes }, resourceLimits: WORKER_LIMITS });
    let answered = false;
    worker.once('message', (answer: Answer) => {
      answered = true;
      void worker.terminate();
      if (answer.ok) resolve(answer.grids);
      else if (answer.code === 'internal') reject(new Error(answer.message));
      else reject(new AppError(answer.code, answer.message));
    });
    worker.once('error', (error) => {
      if (!answered) reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new AppError('unreadable_file', `读取文件时出错（${code}），文件可能过大或已损坏`));
    });
  });
}

/** Every sheet of the file, read in a worker thread when the host provides one. */
export function readSpreadsheetOffThread(fileName: string, bytes: Buffer): Promise<Grid[]> {
  return workerFile ? inWorker(workerFile, fileName, bytes) : readSpreadsheet(fileName, bytes);
}

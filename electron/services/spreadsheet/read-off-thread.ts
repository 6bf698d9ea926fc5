import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../db/errors';
import { answerFromChild } from '../child-answer';
import type { Grid } from './grid';
import { gridsOf, type ReadAnswer, type ReadJob } from './read-answer';
import { readSpreadsheet } from './read-spreadsheet';

// The hosts (Electron main, browser host) tell where the bundled worker is, and the browser host where its child
// process is (the Electron app, whose fuses forbid running as plain Node, has none); run from source (tests, tsx)
// there is neither and the file is read in-process, which is the same code.

let workerFile: string | null = null;
let processFile: string | null = null;

export function useSpreadsheetWorker(file: string | null): void {
  workerFile = file && fs.existsSync(file) ? file : null;
}

export function useSpreadsheetProcess(file: string | null): void {
  processFile = file && fs.existsSync(file) ? file : null;
}

/**
 * The reader turns every cell into short-lived objects: left alone, V8 grows the worker's young generation to
 * its largest (~48 MB) on top of what the host holds; a small one collects them sooner at no visible cost.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

function inWorker(file: string, job: ReadJob): Promise<Grid[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: job, resourceLimits: WORKER_LIMITS });
    let answered = false;
    worker.once('message', (answer: ReadAnswer) => {
      answered = true;
      void worker.terminate();
      try {
        resolve(gridsOf(answer));
      } catch (error) {
        reject(error);
      }
    });
    worker.once('error', (error) => {
      if (!answered) reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new AppError('unreadable_file', `读取文件时出错（${code}），文件可能过大或已损坏`));
    });
  });
}

function inThread(fileName: string, bytes: Buffer): Promise<Grid[]> {
  return workerFile ? inWorker(workerFile, { fileName, bytes }) : readSpreadsheet(fileName, bytes);
}

/** Every sheet of the file, read in the host's child process or worker thread when it provides one. */
export async function readSpreadsheetOffThread(fileName: string, bytes: Buffer): Promise<Grid[]> {
  const answer = processFile
    ? await answerFromChild<ReadJob, ReadAnswer>(processFile, { fileName, bytes }, 'advanced')
    : null;
  // no child, or one that gave no answer: the file is read as the Electron app reads it
  return answer ? gridsOf(answer) : inThread(fileName, bytes);
}

import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { fullCheckOfFile, type FullCheckResult } from '../../../db/full-check';

// The hosts (Electron main, browser host) tell where the bundled worker is and where better-sqlite3's compiled
// module is (the worker carries the driver's JavaScript inside it, not the native part); run from source (tests,
// tsx) there is none and the check runs in-process, on the next turn of the event loop, which is the same code.

let worker: { file: string; nativeBinding: string | null } | null = null;

export function useIntegrityWorker(file: string | null, nativeBinding: string | null): void {
  worker = file && fs.existsSync(file) ? { file, nativeBinding } : null;
}

/**
 * Where better-sqlite3's compiled module is, for a worker that cannot look it up itself: packaged, it is
 * unpacked beside app.asar (a native module cannot load from inside it).
 */
export function betterSqliteBinding(resolve: (id: string) => string): string | null {
  try {
    return resolve('better-sqlite3/build/Release/better_sqlite3.node').replace(
      /app\.asar([\\/])/,
      'app.asar.unpacked$1',
    );
  } catch {
    return null;
  }
}

function inWorker(file: string, databaseFile: string, nativeBinding: string | null): Promise<FullCheckResult> {
  return new Promise((resolve) => {
    const thread = new Worker(file, { workerData: { file: databaseFile, nativeBinding } });
    let answered = false;
    const notRun = (reason: string) => {
      if (answered) return;
      answered = true;
      resolve({ ran: false, reason });
    };
    thread.once('message', (answer: FullCheckResult) => {
      answered = true;
      void thread.terminate();
      resolve(answer);
    });
    thread.once('error', (error) => notRun(error.message));
    thread.once('exit', (code) => notRun(`检查线程退出（${code}）`));
  });
}

/** The full check of the data file, in a worker thread when the host provides one. */
export function fullCheckOffThread(databaseFile: string): Promise<FullCheckResult> {
  if (worker) return inWorker(worker.file, databaseFile, worker.nativeBinding);
  return new Promise((resolve) => setImmediate(() => resolve(fullCheckOfFile(databaseFile))));
}

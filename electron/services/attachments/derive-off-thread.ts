import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { makeDerivedImages } from './file-store';

// Where the built app has its image worker (dist/electron/image-worker.cjs, unpacked beside app.asar); null runs
// the work on the calling thread (the tests, a build without the file). The work is the same either way: the
// worker writes the cache files that derivedImage then reads.

let workerFile: string | null = null;

export function useImageWorker(file: string | null): void {
  workerFile = file && fs.existsSync(file) ? file : null;
}

/** makeDerivedImages in the image worker when there is one; a worker that fails leaves the cache to be made inline. */
export async function makeDerivedImagesOffThread(
  dataDir: string,
  sha256: string,
  bytes: Uint8Array,
  mimeType: string,
): Promise<void> {
  const file = workerFile;
  if (!file) {
    makeDerivedImages(dataDir, sha256, bytes, mimeType);
    return;
  }
  const done = await new Promise<boolean>((resolve) => {
    const worker = new Worker(file, { workerData: { dataDir, sha256, bytes, mimeType } });
    let answered = false;
    worker.once('message', () => {
      answered = true;
      resolve(true);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      console.warn(`[attachments] the image worker failed: ${error.message}`);
      if (!answered) resolve(false);
    });
    worker.once('exit', () => {
      if (!answered) resolve(false);
    });
  });
  if (!done) makeDerivedImages(dataDir, sha256, bytes, mimeType);
}

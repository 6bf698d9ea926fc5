// Runs in a worker thread: an image's thumbnail and preview (decode, shrink, encode in pure JavaScript: seconds for
// a phone photo), so the office server answers everyone else meanwhile. Bundled with jpeg-js and pngjs inside it.
import { parentPort, workerData } from 'node:worker_threads';
import { makeDerivedImages } from './services/attachments/file-store';

const { dataDir, sha256, bytes, mimeType } = workerData as {
  dataDir: string;
  sha256: string;
  bytes: Uint8Array;
  mimeType: string;
};

makeDerivedImages(dataDir, sha256, bytes, mimeType);
parentPort?.postMessage('done');

// Runs in a worker thread: reads a spreadsheet off the main thread, so a large or hostile file never freezes
// the window (Electron) or the other requests (browser host) while exceljs works through it.
import { parentPort, workerData } from 'node:worker_threads';
import { answerRead, type ReadJob } from './services/spreadsheet/read-answer';

void answerRead(workerData as ReadJob).then((answer) => parentPort?.postMessage(answer));

// Runs in a worker thread: the full check of the data file (integrity_check + foreign_key_check, 10–20 s on an
// office's file of several years) through its own read-only handle, so the start and every request go on.
import { parentPort, workerData } from 'node:worker_threads';
import { fullCheckOfFile } from '../db/full-check';

const { file, nativeBinding } = workerData as { file: string; nativeBinding: string | null };

parentPort?.postMessage(fullCheckOfFile(file, nativeBinding ?? undefined));

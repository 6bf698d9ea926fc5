import { AppError } from '../../../db/errors';
import type { Grid } from './grid';
import { readSpreadsheet } from './read-spreadsheet';

// What a reader running apart (a worker thread or a child process) sends back: the sheets, or the refusal with its
// code and Chinese message, which a thrown error would not keep across the boundary.

export interface ReadJob {
  fileName: string;
  bytes: Uint8Array;
}

export type ReadAnswer = { ok: true; grids: Grid[] } | { ok: false; code: string; message: string };

export function answerRead({ fileName, bytes }: ReadJob): Promise<ReadAnswer> {
  return readSpreadsheet(fileName, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).then(
    (grids): ReadAnswer => ({ ok: true, grids }),
    (error: unknown): ReadAnswer =>
      error instanceof AppError
        ? { ok: false, code: error.code, message: error.message }
        : { ok: false, code: 'internal', message: error instanceof Error ? error.message : String(error) },
  );
}

export function gridsOf(answer: ReadAnswer): Grid[] {
  if (answer.ok) return answer.grids;
  if (answer.code === 'internal') throw new Error(answer.message);
  throw new AppError(answer.code, answer.message);
}

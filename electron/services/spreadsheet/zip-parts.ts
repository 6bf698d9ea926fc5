import zlib from 'node:zlib';
import { AppError } from '../../../db/errors';
import { entryData, type ZipEntry } from './zip-guard';

// The entries of a zip already held in memory and checked by zip-guard, read straight from the central
// directory. exceljs's own reader parses the zip as a stream and can end it before its last entries under load
// (its parser says “end” once the input is written, not once every entry is out), so it is not used for this.

const unreadable = () =>
  new AppError('unreadable_file', '文件已损坏或不完整，无法读取。请在Excel或WPS中打开确认后重新保存为.xlsx');

/** A small part (workbook, relations, shared strings, styles) as whole text. */
export function partText(bytes: Buffer, entry: ZipEntry): string {
  const data = entryData(bytes, entry);
  if (entry.method === 0) return data.toString('utf8');
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) }).toString('utf8');
  } catch {
    throw unreadable();
  }
}

/** A large part (a worksheet) as it inflates, never more than the size its entry claims. */
export async function* partChunks(bytes: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    yield data;
    return;
  }
  let inflated = 0;
  try {
    const inflater = zlib.createInflateRaw();
    inflater.end(data);
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > entry.size) throw unreadable();
      yield chunk;
    }
  } catch (error) {
    throw error instanceof AppError ? error : unreadable();
  }
}

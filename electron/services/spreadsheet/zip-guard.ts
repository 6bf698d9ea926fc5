import zlib from 'node:zlib';
import { AppError } from '../../../db/errors';

// An .xlsx is a zip of XML files. Before a parser inflates one, its entries are checked here: a file of a
// few megabytes can claim (or actually hold) gigabytes of XML, and inflating that would freeze the app.

/** Far above any real ledger (5,000 projects are about 15 MB of XML), far below what would hurt. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
const MAX_ENTRIES = 5_000;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const unreadable = () =>
  new AppError('unreadable_file', '文件已损坏或不完整，无法读取。请在Excel或WPS中打开确认后重新保存为.xlsx');
const tooBig = () =>
  new AppError('file_too_big', '文件解压后内容过大（可能是恶意构造的压缩文件），已拒绝读取。请确认这是正常的台账表格');

function findEndOfDirectory(buffer: Buffer): number {
  const earliest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let at = buffer.length - 22; at >= earliest; at--) {
    if (buffer.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw unreadable();
}

/** The central directory's list of entries, with the sizes each one claims. */
export function zipEntries(buffer: Buffer): ZipEntry[] {
  if (buffer.length < 22) throw unreadable();
  const end = findEndOfDirectory(buffer);
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  if (count > MAX_ENTRIES) throw tooBig();
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== DIRECTORY_ENTRY) throw unreadable();
    const nameLength = buffer.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      method: buffer.readUInt16LE(at + 10),
      compressedSize: buffer.readUInt32LE(at + 20),
      size: buffer.readUInt32LE(at + 24),
      localOffset: buffer.readUInt32LE(at + 42),
      name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
    };
    // zip64 markers: no spreadsheet we accept needs entries over 4 GB
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw tooBig();
    entries.push(entry);
    at += 46 + nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
  }
  return entries;
}

/** An entry's stored bytes (compressed when its method is 8). */
export function entryData(buffer: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_HEADER) throw unreadable();
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  if (start + entry.compressedSize > buffer.length) throw unreadable();
  return buffer.subarray(start, start + entry.compressedSize);
}

/**
 * Refuses a zip whose entries claim too much in total, and inflates each entry with a ceiling at its claimed
 * size, so an entry that lies about its size is caught before it can grow.
 */
export function checkZipBounds(buffer: Buffer): ZipEntry[] {
  const entries = zipEntries(buffer);
  const claimed = entries.reduce((sum, e) => sum + e.size, 0);
  if (claimed > MAX_UNZIPPED_BYTES) throw tooBig();
  for (const entry of entries) {
    const data = entryData(buffer, entry);
    if (entry.method === 0) {
      if (data.length !== entry.size) throw unreadable();
      continue;
    }
    if (entry.method !== 8) throw unreadable();
    let inflated: Buffer;
    try {
      inflated = zlib.inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
    } catch (error) {
      if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw tooBig();
      }
      throw unreadable();
    }
    if (inflated.length !== entry.size) throw unreadable();
  }
  return entries;
}

import fs from 'node:fs';
import type { PackFiles } from '../../db/model/attachment-backup';

// A packed backup (`.zdbak`): a small header, then the database compressed with brotli. A `full` pack holds
// the whole file; a `diff` pack holds only the pages that differ from its base, a full pack in the same folder,
// so a year of backups costs a few full copies instead of one per backup. The header carries what the list
// shows (project count, schema version) and the hashes a restore checks, so listing never decompresses.

export const PACK_EXTENSION = '.zdbak';
const MAGIC = Buffer.from('ZDXMBAK1', 'ascii');
/** magic, then the header's length as uint32 LE, then the header's JSON */
const PREFIX_BYTES = MAGIC.length + 4;
const HEADER_MAX_BYTES = 64 * 1024;
/** the header is padded to this, so the body can be written first and the header, once its hashes are known, after */
const HEADER_RESERVED_BYTES = 4096;
export const BODY_START = PREFIX_BYTES + HEADER_RESERVED_BYTES;

export interface PackBase {
  fileName: string;
  /** the base's own fileSha256: a base replaced by another file of the same name is not taken for it */
  fileSha256: string;
}

export interface PackHeader {
  format: 1;
  type: 'full' | 'diff';
  pageSize: number;
  /** bytes of the rebuilt database file */
  fileBytes: number;
  /** SHA-256 of the rebuilt database file, checked on every read */
  fileSha256: string;
  /** bytes and SHA-256 of the compressed body after the header: a damaged pack is told from a damaged base */
  bodyBytes: number;
  bodySha256: string;
  projectCount: number;
  schemaVersion: number;
  base: PackBase | null;
  /** the attachment files stored with it in the folder's file store (issue #17); absent: none */
  files?: PackFiles;
}

export function isPackFile(file: string): boolean {
  return file.endsWith(PACK_EXTENSION);
}

/** The header, padded with spaces (still JSON) to fill the space reserved before the body. */
export function encodeHeader(header: PackHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  if (json.length > HEADER_RESERVED_BYTES) throw new Error('backup header too long');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(HEADER_RESERVED_BYTES);
  return Buffer.concat([MAGIC, length, json, Buffer.alloc(HEADER_RESERVED_BYTES - json.length, 0x20)]);
}

export interface ReadHeader {
  header: PackHeader;
  /** where the body starts */
  bodyStart: number;
}

function isHeader(value: unknown): value is PackHeader {
  const h = value as PackHeader;
  return (
    typeof h === 'object' &&
    h !== null &&
    h.format === 1 &&
    (h.type === 'full' || h.type === 'diff') &&
    Number.isInteger(h.pageSize) &&
    h.pageSize >= 512 &&
    Number.isInteger(h.fileBytes) &&
    h.fileBytes % h.pageSize === 0 &&
    Number.isInteger(h.bodyBytes) &&
    typeof h.fileSha256 === 'string' &&
    typeof h.bodySha256 === 'string' &&
    Number.isInteger(h.projectCount) &&
    Number.isInteger(h.schemaVersion) &&
    (h.type === 'full' ? h.base === null : typeof h.base?.fileName === 'string')
  );
}

/** The header of a pack, read from its first bytes only; null when the file is not a whole, readable pack. */
export function readPackHeader(file: string): ReadHeader | null {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    const prefix = Buffer.alloc(PREFIX_BYTES);
    if (fs.readSync(fd, prefix, 0, PREFIX_BYTES, 0) !== PREFIX_BYTES) return null;
    if (!prefix.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    const length = prefix.readUInt32LE(MAGIC.length);
    if (length > HEADER_MAX_BYTES) return null;
    const json = Buffer.alloc(length);
    if (fs.readSync(fd, json, 0, length, PREFIX_BYTES) !== length) return null;
    const header: unknown = JSON.parse(json.toString('utf8'));
    if (!isHeader(header)) return null;
    const bodyStart = PREFIX_BYTES + length;
    // a cut-off or padded file is not the pack that was verified
    if (size !== bodyStart + header.bodyBytes) return null;
    return { header, bodyStart };
  } catch {
    return null;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

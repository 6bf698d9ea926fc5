import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline, Readable } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import zlib from 'node:zlib';
import { readPackHeader, type PackHeader, type ReadHeader } from './backup-pack-format';
import { hashingTap } from './hashing-tap';

// Reading a pack back: the database file it stands for, rebuilt block by block in file order (a diff's pages laid
// over its base's), with every hash checked on the way. Decompression runs on libuv's thread pool and the blocks
// are streamed, so the app stays responsive and memory stays small whatever the file's size.

/** Why a pack cannot give back its database, in the clerk's words. */
export class PackDamaged extends Error {}

/** 1 MB of pages at a time: big enough that per-block work is negligible, small enough to stay out of memory. */
export const BLOCK_BYTES = 1024 * 1024;

/** Exactly `size` bytes at a time (the last block may be shorter), from chunks of any size. */
export async function* blocksOf(source: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let have = 0;
  for await (const chunk of source) {
    pending.push(chunk);
    have += chunk.length;
    while (have >= size) {
      const all = pending.length === 1 ? pending[0] : Buffer.concat(pending, have);
      yield all.subarray(0, size);
      const rest = all.subarray(size);
      pending = rest.length ? [rest] : [];
      have = rest.length;
    }
  }
  if (have) yield Buffer.concat(pending, have);
}

/** A pack's body, decompressed; its bytes and hash are checked once it has all been read. */
async function* unpackBody(file: string, at: ReadHeader, damaged: string): AsyncGenerator<Buffer> {
  const { tap, bytes, sha256 } = hashingTap();
  const raw = fs.createReadStream(file, { start: at.bodyStart, highWaterMark: BLOCK_BYTES });
  const inflated = pipeline(raw, tap, zlib.createBrotliDecompress(), () => {});
  try {
    for await (const chunk of inflated) yield chunk as Buffer;
  } catch {
    throw new PackDamaged(damaged);
  }
  if (bytes() !== at.header.bodyBytes || sha256() !== at.header.bodySha256) throw new PackDamaged(damaged);
}

/** The base a diff pack needs, read and matched by its header; a reason in the clerk's words when it cannot be used. */
export function baseOf(dir: string, header: PackHeader): { file: string; at: ReadHeader } | string {
  if (!header.base) throw new Error('a full pack has no base');
  const name = header.base.fileName;
  const file = path.join(dir, path.basename(name));
  if (!fs.existsSync(file)) return `它所依据的完整备份“${name}”已不在备份文件夹中`;
  const at = readPackHeader(file);
  if (!at || at.header.type !== 'full' || at.header.fileSha256 !== header.base.fileSha256) {
    return `它所依据的完整备份“${name}”已损坏或被替换`;
  }
  if (at.header.pageSize !== header.pageSize) return `它所依据的完整备份“${name}”与之不匹配`;
  return { file, at };
}

async function* laidOver(
  base: AsyncIterable<Buffer>,
  records: AsyncIterable<Buffer>,
  header: PackHeader,
): AsyncGenerator<Buffer> {
  const { pageSize } = header;
  const pageCount = header.fileBytes / pageSize;
  const pagesPerBlock = BLOCK_BYTES / pageSize;
  const baseBlocks = blocksOf(base, BLOCK_BYTES)[Symbol.asyncIterator]();
  const patches = blocksOf(records, 4 + pageSize)[Symbol.asyncIterator]();
  let patch = await patches.next();
  for (let first = 0; first < pageCount; first += pagesPerBlock) {
    const count = Math.min(pagesPerBlock, pageCount - first);
    const from = await baseBlocks.next();
    let block = from.done ? Buffer.alloc(0) : from.value.subarray(0, count * pageSize);
    // the file may have grown since its base: the pages past the base's end all come from the diff
    if (block.length < count * pageSize) block = Buffer.concat([block, Buffer.alloc(count * pageSize - block.length)]);
    while (!patch.done && patch.value.length === 4 + pageSize && patch.value.readUInt32LE(0) < first + count) {
      const page = patch.value.readUInt32LE(0);
      if (page < first) throw new PackDamaged('备份文件已损坏');
      patch.value.copy(block, (page - first) * pageSize, 4);
      patch = await patches.next();
    }
    yield block;
  }
  if (!patch.done) throw new PackDamaged('备份文件已损坏');
  // the base is read to its end, so that its own hash is checked even when the file has shrunk
  for (let rest = await baseBlocks.next(); !rest.done; rest = await baseBlocks.next());
}

/**
 * The database file a pack stands for, in blocks of BLOCK_BYTES (the last may be shorter), in file order. Throws
 * PackDamaged — after the last block at the latest — unless every byte matches the hashes taken when it was
 * written: whoever writes the blocks somewhere keeps them only once this has run to its end.
 */
export async function* packContents(file: string): AsyncGenerator<Buffer> {
  const at = readPackHeader(file);
  if (!at) throw new PackDamaged('备份文件已损坏或不完整');
  const { header } = at;
  let contents: AsyncIterable<Buffer>;
  if (header.type === 'full') {
    contents = blocksOf(unpackBody(file, at, '备份文件已损坏'), BLOCK_BYTES);
  } else {
    const base = baseOf(path.dirname(file), header);
    if (typeof base === 'string') throw new PackDamaged(base);
    const baseDamaged = `它所依据的完整备份“${header.base?.fileName}”已损坏`;
    contents = laidOver(unpackBody(base.file, base.at, baseDamaged), unpackBody(file, at, '备份文件已损坏'), header);
  }
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  for await (const block of contents) {
    hash.update(block);
    bytes += block.length;
    yield block;
  }
  if (bytes !== header.fileBytes || hash.digest('hex') !== header.fileSha256) {
    throw new PackDamaged('备份文件已损坏（内容校验不符）');
  }
}

/** Reads a whole pack back without writing anything: null when it gives back exactly its database. */
export async function packProblem(file: string): Promise<string | null> {
  try {
    for await (const block of packContents(file)) void block;
    return null;
  } catch (error) {
    if (error instanceof PackDamaged) return error.message;
    throw error;
  }
}

/** Rebuilds a pack's database into `target` (a plain SQLite file); throws PackDamaged, leaving `target` to the caller. */
export async function unpackTo(file: string, target: string): Promise<void> {
  await pipelineAsync(Readable.from(packContents(file)), fs.createWriteStream(target));
}

/** What the list shows of a pack, from its header (and its base's) alone, without decompressing anything. */
export function packListing(file: string): { projectCount: number; schemaVersion: number; problem: string | null } {
  const at = readPackHeader(file);
  if (!at) return { projectCount: 0, schemaVersion: 0, problem: '备份文件已损坏或不完整' };
  const { header } = at;
  const base = header.type === 'diff' ? baseOf(path.dirname(file), header) : null;
  if (typeof base === 'string') return { projectCount: 0, schemaVersion: header.schemaVersion, problem: base };
  return { projectCount: header.projectCount, schemaVersion: header.schemaVersion, problem: null };
}

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir, fsyncFile } from '../../../db/durable-files';
import { attachmentFilePath, attachmentFilesDir, attachmentThumbnailsDir } from './file-paths';
import {
  decodeImage,
  encodeJpeg,
  ImageTooLargeError,
  PREVIEW_LONG_SIDE,
  shrink,
  THUMBNAIL_LONG_SIDE,
  type Pixels,
} from './images';

// The files of attachments under the data folder, by sha256: written once, durably (temp file, fsync, rename,
// folder fsync), never changed. A file already there is not written again. Thumbnails and previews are derived
// from a file and cached apart (attachmentThumbnailsDir): they are not backed up and are made again when missing.

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Keeps the bytes as the file of their sha256 (answered); a file of that sha256 already kept is left as it is. */
export function writeAttachmentFile(dataDir: string, bytes: Uint8Array): string {
  const sha256 = sha256Of(bytes);
  const file = attachmentFilePath(dataDir, sha256);
  if (fs.existsSync(file) && fs.statSync(file).size === bytes.length) return sha256;
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  // a name of its own per writer: two requests adding the same photo at once each write whole and rename
  const temp = `${file}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.writing`;
  try {
    fs.writeFileSync(temp, bytes);
    fsyncFile(temp);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fsyncDir(dir);
  return sha256;
}

/** The file's bytes, or null when it is missing (a folder restored without its files, a file removed by hand). */
export function readAttachmentFile(dataDir: string, sha256: string): Buffer | null {
  try {
    return fs.readFileSync(attachmentFilePath(dataDir, sha256));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Removes the files of these sha256s (after their last rows were purged), and their thumbnails and previews. */
export function removeAttachmentFiles(dataDir: string, shas: readonly string[]): void {
  for (const sha of shas) {
    fs.rmSync(attachmentFilePath(dataDir, sha), { force: true });
    for (const size of DERIVED_SIZES) fs.rmSync(derivedPath(dataDir, sha, size), { force: true });
  }
}

/** Every file kept under files/ (its sha256), for a check or a sweep of files no row names. */
export function storedAttachmentShas(dataDir: string): string[] {
  const root = attachmentFilesDir(dataDir);
  const found: string[] = [];
  const list = (dir: string) => {
    try {
      return fs.readdirSync(dir);
    } catch {
      return [];
    }
  };
  for (const a of list(root)) {
    for (const b of list(path.join(root, a))) {
      for (const name of list(path.join(root, a, b))) if (/^[0-9a-f]{64}$/.test(name)) found.push(name);
    }
  }
  return found.sort();
}

// ---- thumbnails and previews ----

type DerivedSize = typeof THUMBNAIL_LONG_SIDE | typeof PREVIEW_LONG_SIDE;
const DERIVED_SIZES: readonly DerivedSize[] = [THUMBNAIL_LONG_SIDE, PREVIEW_LONG_SIDE];
const QUALITY: Record<DerivedSize, number> = { [THUMBNAIL_LONG_SIDE]: 80, [PREVIEW_LONG_SIDE]: 85 };
/** an empty file in the cache: the image could not be decoded, and will not be tried again */
const NONE = Buffer.alloc(0);

function derivedPath(dataDir: string, sha256: string, size: DerivedSize): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256.slice(0, 80)}`);
  return path.join(attachmentThumbnailsDir(dataDir), sha256.slice(0, 2), `${sha256}-${size}.jpg`);
}

/** Writes a cache file; a cache that cannot be written (a full disk) only costs the work again next time. */
function cache(file: string, bytes: Buffer): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.writing`;
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, file);
  } catch (error) {
    console.warn(`[attachments] could not cache ${path.basename(file)}: ${(error as Error).message}`);
  }
}

function decoded(bytes: Uint8Array, mimeType: string, sha256: string): Pixels | null {
  try {
    return decodeImage(bytes, mimeType);
  } catch (error) {
    const why = error instanceof ImageTooLargeError ? 'too large' : 'not decodable';
    console.warn(`[attachments] no thumbnail for ${sha256.slice(0, 12)}: ${why} (${(error as Error).message})`);
    return null;
  }
}

/**
 * Makes and caches the thumbnail and the preview of an image file, decoding it once; an image that cannot be
 * decoded is cached as having none. Called when an image is added, and when a cached one is missing.
 */
export function makeDerivedImages(dataDir: string, sha256: string, bytes: Uint8Array, mimeType: string): void {
  const pixels = decoded(bytes, mimeType, sha256);
  // the preview from the full image, the thumbnail from the preview: the box filter's result is the same
  // within rounding, and the second pass is far cheaper
  let source = pixels;
  for (const size of [PREVIEW_LONG_SIDE, THUMBNAIL_LONG_SIDE] as const) {
    if (!source) {
      cache(derivedPath(dataDir, sha256, size), NONE);
      continue;
    }
    source = shrink(source, size);
    cache(derivedPath(dataDir, sha256, size), encodeJpeg(source, QUALITY[size]));
  }
}

/** The cached JPEG of the image at `size`; null while it is not made, or when the image has none. */
function cached(dataDir: string, sha256: string, size: DerivedSize): Buffer | null | undefined {
  try {
    const bytes = fs.readFileSync(derivedPath(dataDir, sha256, size));
    return bytes.length ? bytes : null;
  } catch {
    return undefined;
  }
}

/**
 * The cached JPEG of the image at `size`, made now (by `make`, off the thread in the app) when missing; null when
 * the image cannot be decoded or its file is missing.
 */
export async function derivedImage(
  dataDir: string,
  sha256: string,
  mimeType: string,
  size: DerivedSize,
  make: (bytes: Uint8Array) => Promise<void>,
): Promise<Buffer | null> {
  const ready = cached(dataDir, sha256, size);
  if (ready !== undefined) return ready;
  const original = readAttachmentFile(dataDir, sha256);
  if (!original) return null;
  await make(original);
  const made = cached(dataDir, sha256, size);
  if (made !== undefined) return made;
  // the cache could not be written (a full disk): this one is made again without it
  const pixels = decoded(original, mimeType, sha256);
  return pixels ? encodeJpeg(shrink(pixels, size), QUALITY[size]) : null;
}

import path from 'node:path';

// Issue #17: where attachment files live. Content-addressed by sha256 under the data folder (on a database server,
// the server's data folder): files/ab/cd/abcd…, so a file kept twice is stored once and a backup can be checked
// file by file by hash. Thumbnails are derived from the file and can be made again: they are not backed up.

const SHA256 = /^[0-9a-f]{64}$/;

export function attachmentFilesDir(dataDir: string): string {
  return path.join(dataDir, 'files');
}

/** The file of a sha256 (lower-case hex), e.g. files/ab/cd/abcd…; throws on anything else, so no path escapes. */
export function attachmentFilePath(dataDir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256.slice(0, 80)}`);
  return path.join(attachmentFilesDir(dataDir), sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** Derived thumbnails, kept apart from the files so a backup can leave them out. */
export function attachmentThumbnailsDir(dataDir: string): string {
  return path.join(dataDir, 'thumbnails');
}

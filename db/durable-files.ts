import fs from 'node:fs';
import path from 'node:path';

// A rename is atomic, but only durable once the bytes and the directory entry reach the disk: a power cut
// right after an unsynced rename can leave an empty or missing file behind a name that looked finished.

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Errors of fsync on a folder where the platform does not offer it (Windows cannot open or flush a folder). */
const NO_FOLDER_SYNC = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP']);

/** Makes a rename or a new file in `dir` durable; platforms that cannot open a directory (Windows) skip it. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch (error) {
    if (!NO_FOLDER_SYNC.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Writes a small file so that a reader finds either the old content or the whole new one, never half. */
export function writeFileDurably(file: string, content: string): void {
  const temp = `${file}.writing`;
  fs.writeFileSync(temp, content);
  fsyncFile(temp);
  fs.renameSync(temp, file);
  fsyncDir(path.dirname(file));
}

/**
 * Gives a finished `.partial` file its name: flushed first, so a power cut after the rename never leaves a
 * named file with missing pages, and the folder flushed after, so the name itself survives.
 */
export function renameDurably(partial: string, file: string): void {
  fsyncFile(partial);
  fs.renameSync(partial, file);
  fsyncDir(path.dirname(file));
}

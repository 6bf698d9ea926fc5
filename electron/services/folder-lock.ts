import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../db/errors';

// One app per data folder: a second copy (another window of the browser host, a second Electron, a colleague
// pointing at the same shared folder) would write the same file behind the first one's back. The lock is a
// file holding the owner's process id; a lock whose process is gone (after a crash) is taken over.

export const LOCK_FILE = '.zdxm.lock';

export interface FolderLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(file: string): { pid: number; since: string } | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: unknown; since?: unknown };
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, since: String(parsed.since ?? '') } : null;
  } catch {
    return null;
  }
}

function removeEmptyLock(file: string): void {
  try {
    if (fs.statSync(file).size === 0) fs.rmSync(file, { force: true });
  } catch {
    // not there, or the folder cannot even be read
  }
}

export function acquireFolderLock(dataDir: string): FolderLock {
  const file = path.join(dataDir, LOCK_FILE);
  const content = JSON.stringify({ pid: process.pid, since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, content, { flag: 'wx' });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          if (ownerOf(file)?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        // a full disk creates the file and then fails to fill it: an empty lock would block the next start
        removeEmptyLock(file);
        throw error;
      }
      const owner = ownerOf(file);
      if (owner && isAlive(owner.pid) && owner.pid !== process.pid) {
        throw new AppError(
          'folder_in_use',
          `数据文件夹“${dataDir}”正被另一个重点项目推进台使用（进程${owner.pid}，自${owner.since.slice(0, 16).replace('T', ' ')}起）。请先关闭那一个，不要同时打开两个。`,
        );
      }
      // left behind by a copy that is no longer running
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppError('folder_in_use', `无法锁定数据文件夹“${dataDir}”，请确认没有另一个程序正在使用它`);
}

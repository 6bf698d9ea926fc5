import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../db/errors';
import { isProcessRunning } from '../../db/process-running';

// One app per data folder: a second copy (another window of the browser host, a second Electron, a colleague
// pointing at the same shared folder) would write the same file behind the first one's back. The lock is a
// file holding the owner's process id and start time; a lock whose process is gone (after a crash) is taken
// over, and so is one whose id now belongs to a process started at another time (the id was reused, as after
// a reboot). Where a process's start time cannot be read (Windows, macOS) the id alone decides.

export const LOCK_FILE = '.zdxm.lock';

export interface FolderLock {
  release(): void;
}

/**
 * When a process started, as an opaque text compared only for equality: on Linux field 22 of /proc/<pid>/stat
 * (clock ticks after boot; the name before it may hold spaces and parentheses, so fields count from the last
 * “)”). Null where it cannot be read.
 */
export function processStartOf(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return start && /^\d+$/.test(start) ? start : null;
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

interface Owner {
  pid: number;
  since: string;
  processStart: string | null;
}

function ownerOf(file: string): Owner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (typeof parsed.pid !== 'number') return null;
    const processStart = typeof parsed.processStart === 'string' ? parsed.processStart : null;
    return { pid: parsed.pid, since: String(parsed.since ?? ''), processStart };
  } catch {
    return null;
  }
}

/** The lock's process still runs: its id is alive and, where both are known, it started when the lock says. */
function isRunning(owner: Owner): boolean {
  if (!isProcessRunning(owner.pid)) return false;
  if (owner.processStart === null) return true;
  const start = processStartOf(owner.pid);
  return start === null || start === owner.processStart;
}

export function acquireFolderLock(dataDir: string): FolderLock {
  const file = path.join(dataDir, LOCK_FILE);
  const processStart = processStartOf(process.pid);
  const content = JSON.stringify({ pid: process.pid, since: new Date().toISOString(), processStart });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, content, { flag: 'wx' });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          const owner = ownerOf(file);
          if (owner?.pid === process.pid && owner.processStart === processStart) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        // a full disk creates the file and then fails to fill it: an empty lock would block the next start
        removeEmptyLock(file);
        throw error;
      }
      const owner = ownerOf(file);
      if (owner && owner.pid !== process.pid && isRunning(owner)) {
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

import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE, databaseFileOf, MOVED_NOTE } from './data-files';

// Where a start finds the data: the folder asked for, or where a move note sends it. A move is committed by
// its note (written durably once the copy is complete and checked); a start finishes a move a kill interrupted
// after that, and never makes an empty database where moved data should be.

/** Left in the target while a move is under way: it names the folder the copy came from. */
export const MOVING_MARKER = '.zdxm-moving.json';

export interface ResolvedDataDir {
  dataDir: string;
  /** the folder a move note names but that holds no data now (a USB stick not plugged in) */
  missing: string | null;
  notice: string | null;
}

function readJson(file: string): Record<string, unknown> | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function noteTarget(dir: string): string | null {
  const to = readJson(path.join(dir, MOVED_NOTE))?.to;
  return typeof to === 'string' && to ? to : null;
}

export function movingFrom(target: string): string | null {
  const from = readJson(path.join(target, MOVING_MARKER))?.from;
  return typeof from === 'string' ? from : null;
}

/** The name the old folder's file keeps after a move: still there for anyone who looks, never opened. */
export function retiredName(dir: string, suffix = ''): string {
  return path.join(dir, `${DATABASE_FILE}.已移至新位置-${new Date().toISOString().slice(0, 10)}${suffix}`);
}

export function retireMovedFile(dir: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    const file = databaseFileOf(dir) + suffix;
    if (fs.existsSync(file)) fs.renameSync(file, retiredName(dir, suffix));
  }
}

function retireNote(dir: string): void {
  const note = path.join(dir, MOVED_NOTE);
  fs.renameSync(note, `${note}.已作废-${new Date().toISOString().slice(0, 10)}`);
}

const sameDir = (a: string, b: string) => path.resolve(a) === path.resolve(b);

export function resolveDataDir(requested: string): ResolvedDataDir {
  let dir = requested;
  let notice: string | null = null;
  for (let hops = 0; hops < 5; hops++) {
    const target = noteTarget(dir);
    if (!target) return { dataDir: dir, missing: null, notice };
    const here = fs.existsSync(databaseFileOf(dir));
    const there = fs.existsSync(databaseFileOf(target));
    const ours = movingFrom(target);
    if (here && there && ours !== null && sameDir(ours, dir)) {
      // killed after the note, before the old file was put aside: finish the move
      retireMovedFile(dir);
      fs.rmSync(path.join(target, MOVING_MARKER), { force: true });
      notice = '上次移动数据文件夹时程序中途退出，现已完成移动。';
    } else if (here) {
      // the folder's own file wins over a note that no longer holds (restored here after the data went missing)
      retireNote(dir);
      return { dataDir: dir, missing: null, notice };
    } else if (!there) {
      return { dataDir: dir, missing: target, notice };
    } else if (ours !== null && sameDir(ours, dir)) {
      fs.rmSync(path.join(target, MOVING_MARKER), { force: true });
    }
    dir = target;
  }
  return { dataDir: dir, missing: null, notice };
}

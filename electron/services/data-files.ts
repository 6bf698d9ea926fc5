import fs from 'node:fs';
import path from 'node:path';

// Where a data folder keeps its database, and the note a moved folder leaves behind so that an app started on
// the old folder (an old shortcut, a --data-dir in a script) finds the data where it went.

export const DATABASE_FILE = 'projects.sqlite';
export const MOVED_NOTE = '数据已移走.json';

export function databaseFileOf(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

/** Where a folder's data went, when it was moved and the note is there. */
export function movedTo(dataDir: string): string | null {
  const note = path.join(dataDir, MOVED_NOTE);
  if (fs.existsSync(databaseFileOf(dataDir)) || !fs.existsSync(note)) return null;
  try {
    const parsed = JSON.parse(fs.readFileSync(note, 'utf8')) as { to?: unknown };
    return typeof parsed.to === 'string' ? parsed.to : null;
  } catch {
    return null;
  }
}

/** Follows move notes from the given folder to where the data is now. */
export function currentDataDir(dataDir: string): string {
  let dir = dataDir;
  for (let hops = 0; hops < 5; hops++) {
    const next = movedTo(dir);
    if (!next) return dir;
    dir = next;
  }
  return dir;
}

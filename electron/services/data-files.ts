import path from 'node:path';

// Where a data folder keeps its database, and the name of the note a moved folder leaves behind so that an app
// started on the old folder (an old shortcut, a --data-dir in a script) finds the data where it went
// (data-folder-start.ts follows it).

export const DATABASE_FILE = 'projects.sqlite';
export const MOVED_NOTE = '数据已移走.json';

export function databaseFileOf(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

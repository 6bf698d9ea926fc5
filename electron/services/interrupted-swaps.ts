import fs from 'node:fs';
import path from 'node:path';
import { isSoundDatabaseFile } from '../../db/backup-file';
import { databaseFileOf } from './data-files';

// What a kill in the middle of a restore can leave beside the data file, and how the next start settles it
// before opening anything: a complete, checked .incoming finishes the restore when the data file is gone,
// anything less is rolled back. The clerk is told which (AppStatus.notice).

export const RESTORE_SUFFIX = {
  /** being copied and checked: never complete enough to use */
  partial: '.restore-partial',
  /** complete, stamped, synced and checked: ready to become the data file */
  incoming: '.restore-incoming',
  /** the data file before the restore, until the restored one has opened */
  previous: '.restore-previous',
} as const;

/** Written by versions before the crash-safe restore: the old data moved aside while the backup was copied in. */
const LEGACY_RESTORING = '.restoring';

const SIDE_FILES = ['', '-wal', '-shm'];

/** Keeps a damaged file for whoever investigates later, outside the backups list. */
export function keepDamaged(dataDir: string, file: string): void {
  const dir = path.join(dataDir, 'damaged');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (const suffix of SIDE_FILES) {
    if (fs.existsSync(file + suffix)) {
      fs.copyFileSync(file + suffix, path.join(dir, `损坏的数据-${stamp}.sqlite${suffix}`));
    }
  }
}

function removeAll(base: string): void {
  for (const suffix of [...SIDE_FILES, '-journal']) fs.rmSync(base + suffix, { force: true });
}

function moveAll(from: string, to: string): void {
  for (const suffix of SIDE_FILES) {
    fs.rmSync(to + suffix, { force: true });
    if (fs.existsSync(from + suffix)) fs.renameSync(from + suffix, to + suffix);
  }
}

/** Settles a restore a kill interrupted; returns what the clerk should be told, or null when nothing was left. */
export function settleInterruptedRestore(dataDir: string): string | null {
  const file = databaseFileOf(dataDir);
  const partial = file + RESTORE_SUFFIX.partial;
  const incoming = file + RESTORE_SUFFIX.incoming;
  const previous = file + RESTORE_SUFFIX.previous;
  const legacy = file + LEGACY_RESTORING;
  const has = (f: string) => fs.existsSync(f);
  if (![partial, incoming, previous, legacy].some(has)) return null;

  const unfinished = '上次从备份恢复时程序中途退出，恢复未完成；数据保持恢复前的样子，可重新恢复。';
  const finished = '上次从备份恢复已完成（程序在收尾时退出）。';
  let notice: string;
  if (!has(file) && has(incoming)) {
    fs.renameSync(incoming, file);
    notice = '上次从备份恢复时程序中途退出；恢复的数据已准备好，现已完成恢复。';
  } else if (!has(file) && has(previous)) {
    moveAll(previous, file);
    notice = unfinished;
  } else if (!has(file) && has(legacy)) {
    moveAll(legacy, file);
    notice = unfinished;
  } else if (has(legacy)) {
    // an older version was killed while copying the backup in: a half copy goes to damaged/, the data comes back
    if (isSoundDatabaseFile(file)) {
      notice = finished;
    } else {
      keepDamaged(dataDir, file);
      moveAll(legacy, file);
      notice = unfinished;
    }
  } else if (has(previous) && !has(incoming)) {
    notice = finished;
  } else {
    notice = unfinished;
  }
  removeAll(partial);
  removeAll(incoming);
  removeAll(previous);
  removeAll(legacy);
  return notice;
}

/**
 * Backups being written when the app was killed: never complete, never listed, removed. A database server's
 * snapshot is first written by the copy as `.<name>.partial.copying-<pid>` (db/copy/to-sqlite.ts).
 */
export function removePartialBackups(backupDir: string): void {
  if (!fs.existsSync(backupDir)) return;
  for (const name of fs.readdirSync(backupDir)) {
    if (/\.partial(\.copying-\d+)?(-journal)?$/.test(name)) fs.rmSync(path.join(backupDir, name), { force: true });
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../db/errors';
import { backupDatabaseTo, readBackupFile, type BackupFileContents } from '../../db/backup-file';
import { backupsToDelete, DEFAULT_BACKUP_KEEP, type BackupInfo, type BackupKeep } from '../../db/model/backup-rotation';
import { getSetting } from '../../db/queries/settings';

import type { AppContext } from './app-context';
import { isPackFile, PACK_EXTENSION, readPackHeader } from './backup-pack-format';
import { packSnapshotOffProcess } from './backup-pack-off-process';
import { packListing, PackDamaged, unpackTo } from './backup-pack-read';
import {
  AUTOMATIC_PREFIX,
  backupNameOf,
  EXTERNAL_PREFIX,
  kindOf,
  labelOf,
  MANUAL_PREFIX,
  PLAIN_EXTENSION,
  takenAtOf,
} from './backup-names';
import { renameDurably } from '../../db/durable-files';
import { copyPostgresToSqlite } from '../../db/copy/to-sqlite';
import { backupPostgres } from './server-backup';
import { attachmentRefsInFile } from '../../db/attachment-refs';
import { backupFilesInfo, copyFilesOf, storeBackupFiles, sweepBackupFiles } from './attachments/backup-files';
import { purgeAfterRotation } from './attachments/purge';

// Backups start as SQLite online backups (consistent while the app keeps writing), switched out of WAL mode so
// the copy needs no -wal/-shm beside it. In the backups folder each is then packed (backup-pack.ts: compressed,
// and when a recent full pack is at hand only the pages changed since it); a copy for a USB stick stays a plain
// file any SQLite opens. Names carry what they were taken before and when: 导入台账前-2026-11-28T03-04-05-123Z.zdbak.

export { AUTOMATIC_PREFIX, EXTERNAL_PREFIX, MANUAL_PREFIX };

export function backupDirOf(ctx: Pick<AppContext, 'dataDir'>): string {
  return path.join(ctx.dataDir, 'backups');
}

function freeName(dir: string, baseName: string, extension: string): string {
  const taken = (file: string) => fs.existsSync(file) || fs.existsSync(file.replace(/\.\w+$/, PLAIN_EXTENSION));
  let file = path.join(dir, `${baseName}${extension}`);
  for (let n = 2; taken(file); n++) file = path.join(dir, `${baseName}-${n}${extension}`);
  return file;
}

/**
 * SQLite's online backup of the live file, taken in the Store's turn: on the app's one connection a transaction
 * still open (awaiting in the middle) would otherwise be copied half done. On a database server, a verified copy
 * out of PostgreSQL, read in one transaction.
 */
async function copyBetweenRequests(ctx: AppContext, target: string): Promise<void> {
  if (ctx.engine === 'postgres') {
    await copyPostgresToSqlite(ctx.databaseUrl, target, {});
    return;
  }
  const db = ctx.db;
  await ctx.store.snapshot(() => backupDatabaseTo(db, target));
}

async function plainBackupInto(ctx: AppContext, dir: string, baseName: string): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const file = freeName(dir, baseName, PLAIN_EXTENSION);
  const partial = `${file}.partial`;
  try {
    await copyBetweenRequests(ctx, partial);
    // the background check found the file damaged while it was being copied: the copy is not kept
    if (ctx.damage) throw new AppError('database_damaged', ctx.damage.message);
    renameDurably(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return file;
}

/** The background check found the file damaged while it was being copied or packed: the copy is not kept. */
function refuseIfDamaged(ctx: AppContext): void {
  if (ctx.damage) throw new AppError('database_damaged', ctx.damage.message);
}

/**
 * A snapshot written by `take`, checked as a restore would check it, then packed under a free name in `dir`
 * (`baseName`, taken at `now`); the snapshot never stays. A single-PC backup takes SQLite's online backup, the
 * database server's a verified copy out of PostgreSQL (server-backup.ts): from here on both are the same. The
 * attachment files the snapshot's rows reference are stored with it, from `dataDir` (attachments/backup-files.ts).
 */
export async function packNewBackup(
  dir: string,
  baseName: string,
  now: Date,
  take: (snapshot: string) => Promise<void>,
  dataDir = path.dirname(dir),
): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const file = freeName(dir, baseName, PACK_EXTENSION);
  const snapshot = `${file}.snapshot.partial`;
  try {
    await take(snapshot);
    const checked = readBackupFile(snapshot);
    if (checked.problem) {
      throw new AppError('backup_failed', `备份未通过检查（${checked.problem}），未保存该备份`);
    }
    // the files its attachments rows reference go into the folder's file store first: a pack that is named
    // finds them there (issue #17)
    const files = await storeBackupFiles(dataDir, dir, attachmentRefsInFile(snapshot));
    const facts = { projectCount: checked.projectCount, schemaVersion: checked.schemaVersion, files };
    await packSnapshotOffProcess({ snapshot, target: file, facts, now: now.getTime() });
  } finally {
    for (const suffix of ['', '-journal']) fs.rmSync(snapshot + suffix, { force: true });
  }
  return file;
}

/** A snapshot of the live file, checked and packed; not kept when the background check finds the file damaged. */
async function packedBackupInto(ctx: AppContext, dir: string, baseName: string, now: Date): Promise<string> {
  const file = await packNewBackup(dir, baseName, now, async (snapshot) => {
    await copyBetweenRequests(ctx, snapshot);
    refuseIfDamaged(ctx);
  });
  try {
    refuseIfDamaged(ctx);
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
  return file;
}

/**
 * A backup in the data folder's backups, labelled with what it was taken before (and when: `now`). On a database
 * server the server's backup (server-backup.ts): an automatic one another server is taking, or one already
 * taken today, is skipped with the reason (`backup_skipped`).
 */
export async function createBackup(ctx: AppContext, label: string, now = new Date()): Promise<string> {
  let file: string;
  if (ctx.engine === 'postgres') {
    const taken = await backupPostgres({
      url: ctx.databaseUrl,
      backupDir: backupDirOf(ctx),
      dataDir: ctx.dataDir,
      label,
      now,
    });
    if (!taken.written) throw new AppError('backup_skipped', taken.message);
    file = taken.file;
  } else {
    file = await packedBackupInto(ctx, backupDirOf(ctx), backupNameOf(label, now), now);
    await rotateBackups(ctx, now.getTime());
  }
  // deleted attachments a finished month's backup holds go at the rotation after it (attachments/purge.ts)
  if (kindOf(label) === 'automatic') await purgeAfterRotation(ctx, now.getTime());
  return file;
}

/**
 * Writes the database a backup holds into `target` as a plain SQLite file: a pack is rebuilt (with its base)
 * and every hash checked; throws PackDamaged with the reason when it cannot be.
 */
export async function extractBackup(file: string, target: string): Promise<void> {
  if (isPackFile(file)) await unpackTo(file, target);
  else fs.copyFileSync(file, target);
}

/**
 * Runs `use` on the database a backup holds as a plain SQLite file: a pack is rebuilt beside itself (hashes
 * checked; a kill leaves only a `.partial`, removed at the next start) and removed afterwards.
 */
export async function withPlainBackup<T>(file: string, use: (plain: string) => T): Promise<T> {
  if (!isPackFile(file)) return use(file);
  const plain = `${file}.plain.partial`;
  try {
    await unpackTo(file, plain);
    return use(plain);
  } finally {
    for (const suffix of ['', '-journal']) fs.rmSync(plain + suffix, { force: true });
  }
}

export { PackDamaged };

const CITY_IN_NAME_MAX = 20;

/**
 * Text that may stand in a file name on every system the file travels to: no path separators or characters
 * Windows forbids (\ / : * ? " < > |), no control characters, no leading dots or spaces, no trailing dots or
 * spaces (Windows drops them), at most `max` characters. Chinese stays as it is.
 */
export function fileNamePart(text: string, max: number): string {
  const kept = text
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/^[.\s]+/, '');
  return [...kept]
    .slice(0, max)
    .join('')
    .replace(/[.\s]+$/, '');
}

/**
 * 备份到…: a copy in a folder the clerk chose (a USB stick), named so it sorts by date, with the attachment
 * files its rows reference in the folder's files/ (one copy of each, whatever the number of copies there).
 */
export async function copyBackupTo(ctx: AppContext, folder: string): Promise<string> {
  const target = path.resolve(folder);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    throw new AppError('folder_missing', `找不到文件夹“${target}”，请确认U盘已插好或重新选择`, 'folder');
  }
  if (!stat.isDirectory()) throw new AppError('folder_missing', `“${target}”不是文件夹，请重新选择`, 'folder');
  const city = fileNamePart((await getSetting(ctx.store, 'cityName')) ?? '', CITY_IN_NAME_MAX);
  const day = ctx.today();
  try {
    const file = await plainBackupInto(ctx, target, `${city}重点项目数据备份-${day}`);
    // its attachment files beside it, in the folder's own store (files/ab/cd/…, shared by every copy made there)
    await copyFilesOf(attachmentRefsInFile(file), [ctx.dataDir], target);
    return file;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'folder_not_writable',
      `无法写入文件夹“${target}”（可能是只读或空间不足），备份未完成`,
      'folder',
    );
  }
}

/** A backup the app itself made: inside the data folder's backups, so no input can point elsewhere. */
export function ownBackupFile(ctx: Pick<AppContext, 'dataDir'>, file: string): string {
  const resolved = path.resolve(backupDirOf(ctx), path.basename(file));
  if (!fs.existsSync(resolved) || !(resolved.endsWith(PLAIN_EXTENSION) || isPackFile(resolved))) {
    throw new AppError('not_found', '找不到该备份文件，它可能已被移走或删除');
  }
  return resolved;
}

/** The rotation's numbers as the settings hold them (JSON), the defaults for what they leave out. */
export function backupKeepFrom(stored: string | null): BackupKeep {
  try {
    const parsed = JSON.parse(stored ?? 'null') as Partial<BackupKeep> | null;
    return { ...DEFAULT_BACKUP_KEEP, ...parsed };
  } catch {
    return DEFAULT_BACKUP_KEEP;
  }
}

export async function backupKeepOf(ctx: Pick<AppContext, 'store'>): Promise<BackupKeep> {
  return backupKeepFrom(await getSetting(ctx.store, 'backupKeep'));
}

function backupFilesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(PLAIN_EXTENSION) || isPackFile(name))
    .map((name) => path.join(dir, name));
}

export async function rotateBackups(ctx: AppContext, now = Date.now()): Promise<string[]> {
  return rotateBackupFolder(backupDirOf(ctx), await backupKeepOf(ctx), now);
}

/** Deletes the backups in `dir` that the rotation rules (backup-rotation.ts) no longer keep; answers them. */
export function rotateBackupFolder(dir: string, keep: BackupKeep, now = Date.now()): string[] {
  const files = backupFilesIn(dir);
  const baseOf = (file: string) => {
    const base = isPackFile(file) ? readPackHeader(file)?.header.base : null;
    return base ? path.join(path.dirname(file), path.basename(base.fileName)) : null;
  };
  const doomed = backupsToDelete(
    files.map((file) => ({
      name: file,
      takenAt: takenAtOf(file),
      kind: kindOf(path.basename(file)),
      base: baseOf(file),
    })),
    keep,
    now,
  );
  for (const file of doomed) fs.rmSync(file, { force: true });
  // the attachment files only the deleted backups needed go with them
  const gone = new Set(doomed);
  sweepBackupFiles(
    dir,
    files.filter((file) => !gone.has(file)),
    now,
  );
  return doomed;
}

/**
 * A journal beside a backup whose content SQLite would read with it: a restore or an added copy takes the main
 * file alone, so what was checked would not be what is used.
 */
function pendingJournalOf(file: string): string | null {
  for (const suffix of ['-wal', '-journal']) {
    try {
      if (fs.statSync(file + suffix).size > 0) return suffix;
    } catch {
      // none beside it
    }
  }
  return null;
}

/**
 * What a backup holds, read without writing to it; `problem` when it cannot be used: damaged, or a schema that
 * is not exactly the one this app makes for the file's version (a trigger, a view, a changed table: a file
 * from outside is data, never code — see db/schema-check.ts). A pack answers from its header, checked when it
 * was written; its content is checked again, in full, whenever it is restored.
 */
export function inspectBackup(file: string): BackupFileContents {
  if (isPackFile(file)) return packListing(file);
  const journal = pendingJournalOf(file);
  if (journal) {
    return {
      projectCount: 0,
      schemaVersion: 0,
      problem: `备份文件旁有未并入的“${journal}”文件，无法确认其内容，为安全起见不予使用`,
    };
  }
  return readBackupFile(file);
}

/** One backup as its file describes it, without opening it. */
function describeFile(file: string) {
  const name = path.basename(file);
  return {
    fileName: name,
    label: labelOf(name),
    kind: kindOf(name),
    takenAt: new Date(takenAtOf(file)).toISOString(),
    sizeBytes: fs.statSync(file).size,
  };
}

/** The backups by their names alone: cheap enough for the hourly schedule, which must not open every file. */
export function backupEntriesIn(dir: string): ReturnType<typeof describeFile>[] {
  return backupFilesIn(dir).map(describeFile);
}

/**
 * One backup, opened and checked; with its attachment files (how many, how large, which are missing) when the
 * data folder is given (the files a copy from outside lacks may still be there).
 */
export function backupInfo(
  file: string,
  dataDir = path.dirname(path.dirname(file)),
  seen?: Map<string, boolean>,
): BackupInfo {
  return { ...describeFile(file), ...inspectBackup(file), files: backupFilesInfo(file, dataDir, seen) };
}

export function listBackups(ctx: Pick<AppContext, 'dataDir'>): BackupInfo[] {
  const seen = new Map<string, boolean>();
  return backupFilesIn(backupDirOf(ctx))
    .map((file) => backupInfo(file, ctx.dataDir, seen))
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/**
 * Copies a checked file in and checks the copy again before it gets its name: what is kept is exactly what
 * passed (not a -wal beside the original, not a file changed between the two reads). The problem when the copy
 * fails the check.
 */
function copyChecked(file: string, target: string): string | null {
  const partial = `${target}.partial`;
  try {
    fs.copyFileSync(file, partial);
    const problem = inspectBackup(partial).problem;
    if (problem) return problem;
    renameDurably(partial, target);
    return null;
  } finally {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
  }
}

/**
 * 从U盘添加备份: copies every backup of this app found in a folder (a “备份到…” copy on a USB stick) into the
 * backups folder, after the same check a restore makes, so it can be restored like any other; with the
 * attachment files it needs from the folder's files/ (备份到… put them there).
 */
export async function addBackupsFrom(
  ctx: Pick<AppContext, 'dataDir'>,
  folder: string,
): Promise<{ added: string[]; skipped: { fileName: string; reason: string }[] }> {
  const source = path.resolve(folder);
  if (!fs.existsSync(source) || !fs.statSync(source).isDirectory()) {
    throw new AppError('folder_missing', `找不到文件夹“${source}”，请确认U盘已插好或重新选择`, 'folder');
  }
  const dir = backupDirOf(ctx);
  fs.mkdirSync(dir, { recursive: true });
  const added: string[] = [];
  const skipped: { fileName: string; reason: string }[] = [];
  for (const name of fs
    .readdirSync(source)
    .filter((n) => n.endsWith('.sqlite'))
    .sort()) {
    const file = path.join(source, name);
    const inspected = inspectBackup(file);
    if (inspected.problem) {
      skipped.push({ fileName: name, reason: inspected.problem });
      continue;
    }
    const target = path.join(dir, `${EXTERNAL_PREFIX}-${name}`);
    if (fs.existsSync(target)) {
      skipped.push({ fileName: name, reason: '已经添加过' });
      continue;
    }
    const problem = copyChecked(file, target);
    if (problem) skipped.push({ fileName: name, reason: problem });
    else {
      // its attachment files from the folder's files/ into the backups' store; the list says which it lacks
      await copyFilesOf(attachmentRefsInFile(target), [source], dir);
      added.push(path.basename(target));
    }
  }
  if (!added.length && !skipped.length) {
    throw new AppError('nothing_found', `文件夹“${source}”里没有备份文件（.sqlite）`, 'folder');
  }
  return { added, skipped };
}

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { attachmentRefsInFile } from '../../../db/attachment-refs';
import { fsyncDir, fsyncFile } from '../../../db/durable-files';
import {
  distinctFiles,
  type AttachmentFileRef,
  type BackupFileList,
  type BackupFilesInfo,
  type PackFiles,
} from '../../../db/model/attachment-backup';
import { isPackFile, readPackHeader } from '../backup-pack-format';
import { hashingTap } from '../hashing-tap';
import { attachmentFilePath, attachmentFilesDir } from './file-paths';

// Attachment files in the backups folder (issue #17). A backup is its database snapshot plus every file its
// attachments rows reference, deleted ones included. The files are kept once, content-addressed exactly as in
// the data folder (backups/files/ab/cd/<sha256>), and shared by every backup that needs them: a file is never
// stored twice, and a diff pack already needs its base in the same folder, so the folder is the unit that
// travels. Each pack's header names a list (itself a file of the store, by its sha256) of its rows and files;
// the rotation sweeps files no kept backup lists. Every copy is hashed on its way and kept only when its
// sha256 is its name.

/** A file written less than this long ago, or reused by a backup under way, is not swept. */
const SWEEP_GRACE_MS = 60 * 60 * 1000;

/** The backups' file store: files/ab/cd/<sha256> inside the backups folder. */
export function backupFilesDir(backupDir: string): string {
  return attachmentFilesDir(backupDir);
}

export async function sha256OfFile(file: string): Promise<string | null> {
  const hash = crypto.createHash('sha256');
  try {
    for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  } catch {
    return null;
  }
  return hash.digest('hex');
}

/** Whether `file` is there and its content is `sha256`. */
export async function holdsSha(file: string, sha256: string): Promise<boolean> {
  return fs.existsSync(file) && (await sha256OfFile(file)) === sha256;
}

/**
 * Copies `from` to `to` when its content is `sha256`: hashed on the way into `to`'s `.partial`, flushed, and
 * only then named (a file already at `to` is replaced only by a verified copy). False, leaving `to` as it was,
 * when `from` is missing, unreadable or holds other bytes.
 */
export async function copyVerified(from: string, to: string, sha256: string): Promise<boolean> {
  if (!fs.existsSync(from)) return false;
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const partial = `${to}.partial-${process.pid}`;
  const { tap, sha256: copied } = hashingTap();
  try {
    await pipeline(fs.createReadStream(from), tap, fs.createWriteStream(partial));
    if (copied() !== sha256) return false;
    fsyncFile(partial);
    fs.renameSync(partial, to);
    fsyncDir(path.dirname(to));
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** A small file of the store written by content (the backups' lists): its sha256, which is also its name. */
function storeText(backupDir: string, text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const file = attachmentFilePath(backupDir, sha256);
  if (fs.existsSync(file)) {
    touch(file);
    return sha256;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial-${process.pid}`;
  fs.writeFileSync(partial, bytes);
  fsyncFile(partial);
  fs.renameSync(partial, file);
  fsyncDir(path.dirname(file));
  return sha256;
}

/** Marks a store file as just used, so that a sweep running meanwhile (another backup's rotation) leaves it. */
function touch(file: string): void {
  const now = new Date();
  try {
    fs.utimesSync(file, now, now);
  } catch {
    // gone meanwhile: the caller's next check finds it missing
  }
}

/**
 * Stores the files a backup's `rows` reference, from the data folder into the backups' store, each verified by
 * its hash (one already stored is kept and marked used), and the list of rows and files; what the pack's header
 * says of them. A file missing or damaged in the data folder is listed as missing: the backup of the database
 * is still made, and the list of backups says which files it lacks. undefined when there are no rows.
 */
export async function storeBackupFiles(
  dataDir: string,
  backupDir: string,
  rows: readonly AttachmentFileRef[],
): Promise<PackFiles | undefined> {
  if (!rows.length) return undefined;
  const missing: string[] = [];
  let bytes = 0;
  const files = distinctFiles(rows);
  for (const ref of files) {
    const stored = attachmentFilePath(backupDir, ref.sha256);
    if (fs.existsSync(stored) && fs.statSync(stored).size === ref.sizeBytes) touch(stored);
    else if (!(await copyVerified(attachmentFilePath(dataDir, ref.sha256), stored, ref.sha256))) {
      missing.push(ref.sha256);
      continue;
    }
    bytes += ref.sizeBytes;
  }
  const list: BackupFileList = { format: 1, rows: [...rows], missing };
  const listSha256 = storeText(backupDir, JSON.stringify(list));
  return { count: files.length, bytes, rows: rows.length, missing: missing.length, listSha256 };
}

function isFileList(value: unknown): value is BackupFileList {
  const list = value as BackupFileList;
  return typeof list === 'object' && list !== null && Array.isArray(list.rows) && Array.isArray(list.missing);
}

/** What a pack's header says of its files; undefined for a pack taken without attachments (or not a pack). */
export function packFilesOf(file: string): PackFiles | undefined {
  const files = (readPackHeader(file)?.header as { files?: PackFiles } | undefined)?.files;
  return files && typeof files.listSha256 === 'string' ? files : undefined;
}

/**
 * Lists read lately, by their sha256: a list never changes under its name, and the listing, the sweep and the
 * purge read the same few (consecutive backups of an office that attached nothing new share one).
 */
const listsRead = new Map<string, BackupFileList>();
const LISTS_KEPT = 64;

/** The list a pack's header names, checked by its hash; null when it is missing or damaged. */
export function readFileList(backupDir: string, files: PackFiles): BackupFileList | null {
  const file = attachmentFilePath(backupDir, files.listSha256);
  const known = listsRead.get(files.listSha256);
  if (known && fs.existsSync(file)) return known;
  try {
    const bytes = fs.readFileSync(file);
    if (crypto.createHash('sha256').update(bytes).digest('hex') !== files.listSha256) return null;
    const list: unknown = JSON.parse(bytes.toString('utf8'));
    if (!isFileList(list)) return null;
    if (listsRead.size >= LISTS_KEPT) listsRead.delete(listsRead.keys().next().value as string);
    listsRead.set(files.listSha256, list);
    return list;
  } catch {
    return null;
  }
}

const EMPTY_LIST: BackupFileList = { format: 1, rows: [], missing: [] };

/**
 * The attachment rows a backup holds, without rebuilding it: a pack's list, or a plain file's own table. null
 * when a pack's list is missing or damaged (the rows are then read from the rebuilt database).
 */
export function backupFileList(backupFile: string): BackupFileList | null {
  if (isPackFile(backupFile)) {
    const files = packFilesOf(backupFile);
    return files ? readFileList(path.dirname(backupFile), files) : EMPTY_LIST;
  }
  try {
    return { format: 1, rows: attachmentRefsInFile(backupFile), missing: [] };
  } catch {
    return null;
  }
}

/**
 * What the 数据与备份 list shows of a backup's files: how many and how large, and which the backups folder lacks
 * (neither stored with it nor, for a copy from outside, in the data folder). `seen` caches answers by sha256
 * across one listing. null for a backup without attachments.
 */
export function backupFilesInfo(
  backupFile: string,
  dataDir: string,
  seen = new Map<string, boolean>(),
): BackupFilesInfo | null {
  const backupDir = path.dirname(backupFile);
  const files = isPackFile(backupFile) ? packFilesOf(backupFile) : undefined;
  if (isPackFile(backupFile) && !files) return null;
  const list = backupFileList(backupFile);
  if (!list) {
    return {
      count: files?.count ?? 0,
      bytes: files?.bytes ?? 0,
      missing: files?.count ?? 0,
      problem: '附件清单缺失或已损坏，恢复时将按备份中的数据逐个查找附件文件',
    };
  }
  if (!list.rows.length) return null;
  const distinct = distinctFiles(list.rows);
  const there = (sha: string) => {
    let found = seen.get(sha);
    if (found === undefined) {
      found = [backupDir, dataDir].some((dir) => fs.existsSync(attachmentFilePath(dir, sha)));
      seen.set(sha, found);
    }
    return found;
  };
  const gone = new Set(list.missing);
  const missing = distinct.filter((ref) => gone.has(ref.sha256) || !there(ref.sha256)).length;
  return {
    count: distinct.length,
    bytes: distinct.reduce((sum, ref) => sum + ref.sizeBytes, 0),
    missing,
    problem: missing ? `缺少${missing}个附件文件，恢复前会列出` : null,
  };
}

/**
 * Makes every file `rows` reference present in the data folder, verified by hash: a file already there with its
 * content is left, any other is copied from the backups' store (hashed on the way). The rows whose file is in
 * neither place (or damaged in both) are answered; files brought in before a restore that then does not happen
 * are harmless (the folder is content-addressed).
 */
export async function bringFilesBack(
  dataDir: string,
  backupDir: string,
  rows: readonly AttachmentFileRef[],
): Promise<AttachmentFileRef[]> {
  const lost = new Set<string>();
  for (const ref of distinctFiles(rows)) {
    const live = attachmentFilePath(dataDir, ref.sha256);
    if (await holdsSha(live, ref.sha256)) continue;
    if (!(await copyVerified(attachmentFilePath(backupDir, ref.sha256), live, ref.sha256))) lost.add(ref.sha256);
  }
  return rows.filter((row) => lost.has(row.sha256));
}

/** Every file under a store (files/ab/cd/…), with its path. */
function storedFiles(dir: string): { name: string; file: string }[] {
  const found: { name: string; file: string }[] = [];
  if (!fs.existsSync(dir)) return found;
  for (const a of fs.readdirSync(dir)) {
    const first = path.join(dir, a);
    if (!fs.statSync(first).isDirectory()) continue;
    for (const b of fs.readdirSync(first)) {
      const second = path.join(first, b);
      if (!fs.statSync(second).isDirectory()) continue;
      for (const name of fs.readdirSync(second)) found.push({ name, file: path.join(second, name) });
    }
  }
  return found;
}

/**
 * After a rotation: removes the store's files that no backup left in `backupDir` needs (nor its list), and
 * copies cut off by a kill. A backup whose needs cannot be read (a damaged list, an unreadable plain file) stops
 * the sweep: nothing is removed rather than something needed. Answers the number of files removed.
 */
export function sweepBackupFiles(backupDir: string, backups: readonly string[], now = Date.now()): number {
  const store = backupFilesDir(backupDir);
  if (!fs.existsSync(store)) return 0;
  const needed = new Set<string>();
  for (const backup of backups) {
    if (isPackFile(backup)) {
      const files = packFilesOf(backup);
      if (!files || needed.has(files.listSha256)) continue;
      needed.add(files.listSha256);
      const list = readFileList(backupDir, files);
      if (!list) return 0;
      for (const row of list.rows) needed.add(row.sha256);
    } else {
      const list = backupFileList(backup);
      if (!list) return 0;
      for (const row of list.rows) needed.add(row.sha256);
    }
  }
  let removed = 0;
  for (const { name, file } of storedFiles(store)) {
    if (needed.has(name)) continue;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      continue;
    }
    if (now - stat.mtimeMs < SWEEP_GRACE_MS) continue;
    fs.rmSync(file, { force: true });
    removed++;
  }
  return removed;
}

/**
 * Copies every file of a store (a data folder's files/, or a backups folder's) into another folder's store,
 * each verified by its name, which is its sha256; a file already there with that content is left. `fromRoot`
 * and `toRoot` are the folders holding files/. Answers the names of files that did not copy (damaged).
 */
export async function copyFileStore(fromRoot: string, toRoot: string): Promise<string[]> {
  const failed: string[] = [];
  for (const { name, file } of storedFiles(attachmentFilesDir(fromRoot))) {
    if (!/^[0-9a-f]{64}$/.test(name)) continue;
    const target = attachmentFilePath(toRoot, name);
    if (await holdsSha(target, name)) continue;
    if (!(await copyVerified(file, target, name))) failed.push(name);
  }
  return failed;
}

/**
 * Copies the files `rows` reference into `toRoot`'s store (files/ab/cd/…) from the first of `fromRoots` that
 * holds each intact, verified by hash; a file already there intact is left. Answers the rows whose file none
 * holds. For the copy on a USB stick (备份到…) and a copy brought back from one (从U盘添加备份…).
 */
export async function copyFilesOf(
  rows: readonly AttachmentFileRef[],
  fromRoots: readonly string[],
  toRoot: string,
): Promise<AttachmentFileRef[]> {
  const lost = new Set<string>();
  for (const ref of distinctFiles(rows)) {
    const target = attachmentFilePath(toRoot, ref.sha256);
    if (await holdsSha(target, ref.sha256)) continue;
    let copied = false;
    for (const root of fromRoots) {
      if (await copyVerified(attachmentFilePath(root, ref.sha256), target, ref.sha256)) {
        copied = true;
        break;
      }
    }
    if (!copied) lost.add(ref.sha256);
  }
  return rows.filter((row) => lost.has(row.sha256));
}

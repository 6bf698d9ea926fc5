import { format } from 'date-fns';
import type { RotatedBackup } from './backup-rotation';

// Issue #17: attachment files in backups, restores and the engine copy, and the purge of deleted attachments at
// the monthly backup rotation. Pure rules and the clerk's wording; the files themselves are handled in
// electron/services/attachments/backup-files.ts.

/** One attachments row as a backup remembers it: enough to find its file and to name it to the clerk. */
export interface AttachmentFileRef {
  id: number;
  sha256: string;
  sizeBytes: number;
  fileName: string;
  ownerKind: string;
  ownerId: number;
  projectId: number;
  /** the project's name when the backup was taken ('' when the project row is gone) */
  projectName: string;
  /** null while the attachment is in use; when it was deleted otherwise (still recoverable) */
  deletedAt: string | null;
}

/** What a backup's header says of its files (the list itself is a file in the backups' file store). */
export interface PackFiles {
  /** distinct files the backup's rows reference */
  count: number;
  bytes: number;
  /** rows of the attachments table the backup holds (deleted ones included) */
  rows: number;
  /** files that could not be stored with the backup (missing or damaged in the data folder when it was taken) */
  missing: number;
  /** sha256 of the list (a JSON file in the store): which rows, which files */
  listSha256: string;
}

/** The list a backup keeps of its attachment rows and files, written to the store as JSON. */
export interface BackupFileList {
  format: 1;
  rows: AttachmentFileRef[];
  /** sha256 of files that were missing or damaged when the backup was taken */
  missing: string[];
}

/** What the 数据与备份 list shows of a backup's files. */
export interface BackupFilesInfo {
  count: number;
  bytes: number;
  /** files the backup needs that are not in the backups folder (nor were when it was taken) */
  missing: number;
  /** the missing files, in the clerk's words; null when every file is there */
  problem: string | null;
}

const OWNER_LABELS: Record<string, string> = {
  project: '项目资料',
  approval: '前期手续',
  problem: '问题',
  entry: '周调度',
};

/** A file the way a clerk looks for it: its name, its project and what it was attached to. */
export function describeFileRef(ref: Pick<AttachmentFileRef, 'fileName' | 'projectName' | 'ownerKind'>): string {
  const owner = OWNER_LABELS[ref.ownerKind] ?? '附件';
  const project = ref.projectName ? `项目“${ref.projectName}”的${owner}` : owner;
  return `“${ref.fileName}”（${project}）`;
}

const NAMED_AT_MOST = 5;

/** Each missing file as the clerk looks for it, once (rows that say the same are one line). */
export function missingFileLines(missing: readonly AttachmentFileRef[]): string[] {
  return [...new Set(missing.map(describeFileRef))];
}

function missingCountAndNames(missing: readonly AttachmentFileRef[]): { count: number; names: string } {
  const lines = missingFileLines(missing);
  const rest = lines.length > NAMED_AT_MOST ? '等' : '';
  return { count: distinctFiles(missing).length, names: `${lines.slice(0, NAMED_AT_MOST).join('、')}${rest}` };
}

/** “缺少2个附件文件：“现场.jpg”（项目“X”的周调度）、…” — at most five named, the rest counted. */
export function missingFilesText(missing: readonly AttachmentFileRef[]): string {
  const { count, names } = missingCountAndNames(missing);
  return `缺少${count}个附件文件：${names}`;
}

/**
 * The refusal of a restore whose backup lacks files (or holds damaged ones): which files, which projects, what
 * it means, and how to go on. Nothing has changed when the clerk reads it.
 */
export function missingFilesRefusal(missing: readonly AttachmentFileRef[]): string {
  const { count, names } = missingCountAndNames(missing);
  return (
    `该备份缺少${count}个附件文件（备份文件夹和数据文件夹中都找不到，或已损坏）：${names}。` +
    '恢复后这些附件只有名称、无法打开。数据尚未改动；如仍要恢复，请点“仍然恢复”。'
  );
}

/** Rows grouped under the files they reference: one entry per distinct sha256, the first row naming it. */
export function distinctFiles(rows: readonly AttachmentFileRef[]): AttachmentFileRef[] {
  const seen = new Map<string, AttachmentFileRef>();
  for (const row of rows) if (!seen.has(row.sha256)) seen.set(row.sha256, row);
  return [...seen.values()];
}

/**
 * The monthly backup whose rotation lets deleted attachments go: the newest automatic backup still kept that was
 * taken before the month of `now` began (local time, as the rotation counts months). Such a backup is final for
 * its month — the rotation keeps it as that month's backup — and holds every attachment deleted before it was
 * taken, with its file. null when there is none yet (a new office, or only this month's backups).
 */
export function purgeMonthlyBackup<B extends RotatedBackup>(kept: readonly B[], now: number): B | null {
  const month = format(new Date(now), 'yyyy-MM');
  let best: B | null = null;
  for (const backup of kept) {
    if (backup.kind !== 'automatic') continue;
    if (format(new Date(backup.takenAt), 'yyyy-MM') >= month) continue;
    if (!best || backup.takenAt > best.takenAt) best = backup;
  }
  return best;
}

/**
 * Which deleted attachments go at the monthly rotation: those the monthly backup holds deleted in the same
 * deletion (the same deleted_at) and with their file stored, and that are still deleted now. An attachment
 * restored since, deleted again after the backup, or whose file the backup could not store, stays.
 */
export function purgeableAttachments(
  monthly: BackupFileList,
  live: readonly Pick<AttachmentFileRef, 'id' | 'sha256' | 'deletedAt'>[],
): number[] {
  const missing = new Set(monthly.missing);
  const held = new Map(
    monthly.rows.filter((r) => r.deletedAt !== null && !missing.has(r.sha256)).map((r) => [r.id, r] as const),
  );
  return live
    .filter((row) => {
      const kept = held.get(row.id);
      return (
        row.deletedAt !== null && kept !== undefined && kept.deletedAt === row.deletedAt && kept.sha256 === row.sha256
      );
    })
    .map((row) => row.id);
}

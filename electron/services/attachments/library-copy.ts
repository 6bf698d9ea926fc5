import fs from 'node:fs';
import path from 'node:path';
import { ATTACHMENT_REFS, attachmentRefsInFile } from '../../../db/attachment-refs';
import { copyLibrary, type CopyOptions, type CopyReport } from '../../../db/copy/copy';
import { parseEndpoint, type Endpoint } from '../../../db/copy/endpoint';
import { connectPostgres, failedCopy } from '../../../db/copy/postgres-connection';
import { AppError } from '../../../db/errors';
import { distinctFiles, missingFilesText, type AttachmentFileRef } from '../../../db/model/attachment-backup';
import { sql, sqlText } from '../../../db/sql';
import { copyVerified, holdsSha } from './backup-files';
import { attachmentFilePath } from './file-paths';

// The engine copy with the attachment files (issue #17): `npm run db -- copy` moves the library's rows between
// SQLite and PostgreSQL (db/copy) and, first, every file its attachments rows reference (deleted ones included)
// from the source's data folder into the target's, each verified by its hash. A SQLite file's data folder is
// the folder it is in; a database server's is the app server's --data-dir, which the copy is told with
// `--data-dir`. Files go first, so the copied rows never name a file the target lacks; a file the source lacks
// (or holds damaged) refuses the copy, naming it, unless `--missing-files-ok`.

export interface LibraryCopyOptions extends CopyOptions {
  /** the data folder of the PostgreSQL end (the app server's --data-dir), where its attachment files are */
  dataDir?: string;
  /** copy the rows even when some attachment files are missing at the source (they are listed) */
  missingFilesOk?: boolean;
}

export interface FilesCopied {
  /** distinct files the library's rows reference */
  files: number;
  /** of them, copied into the target's folder (the others were there already, verified) */
  copied: number;
  bytes: number;
  /** rows whose file the source lacks or holds damaged (copied all the same with --missing-files-ok) */
  missing: AttachmentFileRef[];
  sourceDir: string | null;
  targetDir: string | null;
}

async function refsInDatabase(url: string): Promise<AttachmentFileRef[]> {
  const client = await connectPostgres(url);
  try {
    const exists = await client.query(`SELECT to_regclass('attachments') IS NOT NULL AS "exists"`);
    if (!(exists.rows[0] as { exists: boolean }).exists) return [];
    const query = sql`${ATTACHMENT_REFS} ORDER BY a.id`;
    const result = await client.query(sqlText(query, 'postgres'), query.values as unknown[]);
    // PostgreSQL's integer columns arrive as numbers, its bigint as text: both read as numbers here
    return (result.rows as AttachmentFileRef[]).map((row) => ({
      ...row,
      id: Number(row.id),
      sizeBytes: Number(row.sizeBytes),
      ownerId: Number(row.ownerId),
      projectId: Number(row.projectId),
    }));
  } catch (error) {
    throw failedCopy(error, '没有复制任何数据');
  } finally {
    await client.end().catch(() => undefined);
  }
}

function sqliteRefs(file: string): AttachmentFileRef[] {
  if (!fs.existsSync(file)) return [];
  try {
    return attachmentRefsInFile(file);
  } catch {
    return [];
  }
}

function folderOf(endpoint: Endpoint, dataDir: string | undefined): string | null {
  if (endpoint.kind === 'sqlite') return path.dirname(path.resolve(endpoint.file));
  return dataDir ? path.resolve(dataDir) : null;
}

/** The attachment files of the library at `from`, into `to`'s data folder; the rows' copy is the caller's. */
export async function copyAttachmentFilesFor(
  from: string,
  to: string,
  options: LibraryCopyOptions,
): Promise<FilesCopied> {
  const source = parseEndpoint(from, '--from');
  const target = parseEndpoint(to, '--to');
  const sourceDir = folderOf(source, options.dataDir);
  const targetDir = folderOf(target, options.dataDir);
  const result: FilesCopied = { files: 0, copied: 0, bytes: 0, missing: [], sourceDir, targetDir };
  // two ends of one kind, or a source that is no library: the rows' copy refuses it with its own words
  if (source.kind === target.kind) return result;
  const rows = source.kind === 'sqlite' ? sqliteRefs(source.file) : await refsInDatabase(source.url);
  if (!rows.length) return result;
  const files = distinctFiles(rows);
  if (!sourceDir || !targetDir) {
    throw new AppError(
      'copy_input',
      `这个库有${files.length}个附件文件，请用 --data-dir 写明数据库服务器的数据文件夹（服务器启动时 --data-dir 的文件夹），` +
        '附件文件从那里复制或复制到那里；没有复制任何数据',
    );
  }
  const lost = new Set<string>();
  for (const ref of files) {
    const at = attachmentFilePath(targetDir, ref.sha256);
    if (await holdsSha(at, ref.sha256)) continue;
    if (await copyVerified(attachmentFilePath(sourceDir, ref.sha256), at, ref.sha256)) {
      result.copied++;
      result.bytes += ref.sizeBytes;
    } else lost.add(ref.sha256);
  }
  result.files = files.length;
  result.missing = rows.filter((row) => lost.has(row.sha256));
  if (result.missing.length && !options.missingFilesOk) {
    throw new AppError(
      'copy_files_missing',
      `源数据文件夹“${sourceDir}”${missingFilesText(result.missing)}（找不到或已损坏）。没有复制数据库；` +
        '如仍要复制（这些附件将只有名称、无法打开），请加 --missing-files-ok',
    );
  }
  return result;
}

/** `npm run db -- copy`: the attachment files first, verified, then the rows (db/copy), verified table by table. */
export async function copyLibraryWithFiles(
  from: string,
  to: string,
  options: LibraryCopyOptions = {},
): Promise<{ report: CopyReport; files: FilesCopied }> {
  const files = await copyAttachmentFilesFor(from, to, options);
  const report = await copyLibrary(from, to, options);
  return { report, files };
}

/** The files' lines under the copy's report. */
export function formatFilesCopied(files: FilesCopied): string {
  if (!files.files) return '附件文件：无';
  const lines = [
    `附件文件：${files.files}个，新复制${files.copied}个（${(files.bytes / 1024 / 1024).toFixed(1)} MB），` +
      `逐个按校验值核对一致；目标文件夹 ${files.targetDir}`,
  ];
  if (files.missing.length) lines.push(`注意：${missingFilesText(files.missing)}（源文件夹中找不到或已损坏）`);
  return lines.join('\n');
}

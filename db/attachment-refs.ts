import type { Db } from './connection';
import { readFromBackupFile } from './backup-file';
import type { AttachmentFileRef } from './model/attachment-backup';
import { all, get, sql, sqlFragment } from './sql';

// The attachments rows a SQLite file holds (a backup's snapshot, a copy's target, a USB copy), read through a
// read-only handle: which files it needs. A file from before attachments existed (migration 0180) needs none.

/** The select both readers share: every row, deleted ones included, with its project's name. */
export const ATTACHMENT_REFS = sqlFragment`
  SELECT a.id, a.sha256, a.size_bytes AS "sizeBytes", a.file_name AS "fileName", a.owner_kind AS "ownerKind",
         a.owner_id AS "ownerId", a.project_id AS "projectId", COALESCE(p.name, '') AS "projectName",
         a.deleted_at AS "deletedAt"
  FROM attachments a LEFT JOIN projects p ON p.id = a.project_id`;

export function attachmentRefsOf(db: Db): AttachmentFileRef[] {
  const table = get(db, sql`SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'attachments'`);
  if (!table) return [];
  return all<AttachmentFileRef>(db, sql`${ATTACHMENT_REFS} ORDER BY a.id`);
}

/** The attachment rows of a SQLite file opened read-only. */
export function attachmentRefsInFile(file: string): AttachmentFileRef[] {
  return readFromBackupFile(file, attachmentRefsOf);
}

import Database from 'better-sqlite3';
import { schemaVersionOf } from './migrate';
import { compactAudit } from './migrations/0070-compact-audit';
import { accounts } from './migrations/0110-accounts';
import { writeAuditToFile } from './audit-file-store';

/**
 * Writes the restore's line into the change history of the restored copy itself, before it replaces the data
 * file: a restore that happened cannot lack its line, and one that did not cannot have it. Its sessions end there.
 */
export function stampRestore(file: string, operator: string, text: string, at: string): void {
  const copy = new Database(file, { fileMustExist: true });
  try {
    if (schemaVersionOf(copy) < compactAudit.version) {
      // a backup from before the compact history: its line goes in as that version wrote it, and the
      // migrations convert it with the rest when the restored file is opened
      copy
        .prepare(
          `INSERT INTO audit_log (at, operator, entity, entity_id, action, field, old_value, new_value)
           VALUES (?, ?, 'backup', 0, 'update', NULL, NULL, ?)`,
        )
        .run(at, operator, text);
    } else {
      writeAuditToFile(
        copy,
        {
          operator,
          entity: 'backup',
          entityId: 0,
          action: 'update',
          changes: [{ field: null, oldValue: null, newValue: text }],
        },
        at,
      );
    }
    // a restored library starts with nobody logged in (db/copy/tables.ts says why)
    if (schemaVersionOf(copy) >= accounts.version) copy.exec('DELETE FROM sessions');
  } finally {
    copy.close();
  }
}

/** Folds the WAL into the file and closes it, so the file alone holds everything before it is swapped out. */
export function checkpointAndClose(db: Database.Database): void {
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

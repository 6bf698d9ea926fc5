import type { Db } from './connection';
import { AppError } from './errors';
import { schemaVersionOf } from './migrate';
import { writeAuditToFile } from './audit-file-store';
import type { WriteMeta } from './queries/projects-write';
import { inTransaction } from './transaction';

/**
 * Makes the open database's content exactly the backup's, inside one transaction on the live connection:
 * no file is swapped under an open handle, and a failure leaves everything as it was. The restore's own line
 * (`note`) is written in the same transaction, after the backup's history.
 */
export function restoreInPlace(
  db: Db,
  backupFile: string,
  note?: { text: string; meta: Pick<WriteMeta, 'operator' | 'now'> },
): void {
  db.prepare('ATTACH DATABASE ? AS backup').run(backupFile);
  try {
    const backupVersion = db.pragma('backup.user_version', { simple: true }) as number;
    if (backupVersion !== schemaVersionOf(db)) {
      throw new AppError(
        'backup_version',
        `备份文件的数据结构版本（${backupVersion}）与当前程序（${schemaVersionOf(db)}）不同，不能直接恢复`,
      );
    }
    // ordinary tables only: the search index (a virtual table and its shadow tables) follows `projects` through
    // its triggers as the rows below are deleted and copied
    const tablesOf = (schema: 'main' | 'backup') =>
      (
        db
          .prepare(
            `SELECT name FROM pragma_table_list WHERE schema = ? AND type = 'table' AND name NOT LIKE 'sqlite_%'
             ORDER BY name`,
          )
          .all(schema) as { name: string }[]
      ).map((t) => t.name);
    const tables = tablesOf('main');
    if (tables.join() !== tablesOf('backup').join()) {
      throw new AppError('backup_damaged', '备份文件的表结构与当前数据不一致，未恢复');
    }
    inTransaction(db, () => {
      db.pragma('defer_foreign_keys = ON');
      // names come from sqlite_master of a file of the same schema version, never from input
      for (const table of tables) db.exec(`DELETE FROM main."${table}"`);
      // WHERE true keeps SQLite off its table-copy shortcut, which skips the deferred foreign-key bookkeeping
      // and then fails the commit with a constraint error although no row violates anything.
      // table_info leaves out generated columns, which SQLite computes and refuses to be given (none since 0070)
      for (const table of tables) {
        const columns = (db.pragma(`main.table_info("${table}")`) as { name: string }[])
          .map((c) => `"${c.name}"`)
          .join(', ');
        db.exec(`INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM backup."${table}" WHERE true`);
      }
      if (note) {
        writeAuditToFile(
          db,
          {
            operator: note.meta.operator,
            entity: 'settings',
            entityId: 0,
            action: 'update',
            changes: [{ field: 'restore', oldValue: null, newValue: note.text }],
          },
          note.meta.now,
        );
      }
    });
  } finally {
    db.exec('DETACH DATABASE backup');
  }
}

import type { Database } from 'better-sqlite3';
import { AppError } from './errors';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { sqliteStep, type Migration } from './migrations/types';
import { inTransaction } from './transaction';

export function schemaVersionOf(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** A library written by a newer program: the same words on both engines. */
export function newerSchemaError(current: number, newest: number): AppError {
  return new AppError(
    'newer_schema',
    `数据文件来自更新版本的程序（结构版本${current}，本程序支持到${newest}），请升级程序后再打开，本程序不会改动该文件`,
  );
}

export function pendingMigrations(db: Database, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  const current = schemaVersionOf(db);
  const newest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > newest) throw newerSchemaError(current, newest);
  return migrations.filter((m) => m.version > current);
}

/** All pending steps in one transaction: a file is either fully migrated or left as it was. */
export function applyMigrations(db: Database, migrations: readonly Migration[]): void {
  if (!migrations.length) return;
  inTransaction(db, () => {
    for (const migration of migrations) {
      const step = sqliteStep(migration);
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  });
}

export { SCHEMA_VERSION };

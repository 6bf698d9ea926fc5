import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { integrityProblems } from '../integrity';
import { applyMigrations, pendingMigrations, schemaVersionOf, SCHEMA_VERSION } from '../migrate';
import { schemaProblem } from '../schema-check';

// The SQLite ends of a copy: a library file read as it is (never written), and a new file written under a
// temporary name, checked as a restore checks a backup, and only then given its name.

/** Opens a library file read-only, refusing one that is damaged, not the app's, or not at the current schema. */
export function openSourceFile(file: string): Database.Database {
  if (!fs.existsSync(file)) throw new AppError('copy_input', `找不到数据文件“${file}”，没有复制任何数据`);
  if (!fs.statSync(file).isFile()) throw new AppError('copy_input', `“${file}”不是数据文件，没有复制任何数据`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    // nothing in the file's schema may call a function with side effects while it is read
    db.pragma('trusted_schema = OFF');
    schemaVersionOf(db);
  } catch {
    throw new AppError('copy_input', `“${file}”不是可以读取的 SQLite 数据文件，没有复制任何数据`);
  }
  try {
    const version = schemaVersionOf(db);
    if (version > SCHEMA_VERSION) {
      throw new AppError(
        'copy_schema',
        `数据文件“${file}”来自更新版本的程序（数据结构版本${version}，本程序为${SCHEMA_VERSION}）：请用新版本的程序复制`,
      );
    }
    if (version > 0 && version < SCHEMA_VERSION) {
      throw new AppError(
        'copy_schema',
        `数据文件“${file}”是旧版本程序的（数据结构版本${version}，本程序为${SCHEMA_VERSION}）：请先用本程序打开它一次（会自动升级），再复制`,
      );
    }
    const mismatch = schemaProblem(db, { what: '数据文件' });
    if (mismatch) throw new AppError('copy_schema', mismatch);
    if (db.pragma('quick_check', { simple: true }) !== 'ok') {
      throw new AppError('copy_damaged', `数据文件“${file}”已损坏，不能复制：请先从完好的备份恢复`);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The folder a new file goes into must exist; the file itself only with `replace`. */
export function checkTargetFile(file: string, replace: boolean): void {
  const folder = path.dirname(path.resolve(file));
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new AppError('copy_input', `目标文件夹“${folder}”不存在，没有复制任何数据`);
  }
  if (fs.existsSync(file)) {
    if (!fs.statSync(file).isFile()) throw new AppError('copy_input', `“${file}”不是文件，没有复制任何数据`);
    if (!replace) {
      throw new AppError(
        'copy_target_not_empty',
        `目标文件“${file}”已存在，没有复制：要用复制的数据替换它，请加 --replace`,
      );
    }
    // a journal beside the file belongs to it: SQLite would play it into the new file. It also means the file is
    // open (a running app), which must take new data through its own restore, never a file swapped under it
    const journal = ['-wal', '-journal'].map((suffix) => file + suffix).find((side) => fs.existsSync(side));
    if (journal) {
      throw new AppError(
        'copy_target_in_use',
        `目标文件旁有“${path.basename(journal)}”，它可能正被程序打开，没有复制：请先关闭程序；要把数据载入正在使用的程序，请复制成新文件，再在“设置 → 数据与备份”中添加并恢复`,
      );
    }
  }
}

/**
 * A new library at the current schema, made by the app's own migrations, with nothing in it yet (not even the
 * node templates a new library starts with: the copy brings the source's). Unsynced while it is filled: it is
 * synced before it gets its name, and a file that fails is deleted.
 */
export function createTargetFile(file: string): Database.Database {
  const db = new Database(file);
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -65536');
    applyMigrations(db, pendingMigrations(db));
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Rebuilds the search index from `projects`, as migration 0080 built it. */
export function rebuildSearchIndex(db: Database.Database): void {
  db.exec(`INSERT INTO project_search (project_search) VALUES ('rebuild')`);
}

/** What a restore's check finds in a finished file (integrity, foreign keys, the app's own schema); null when sound. */
export function finishedFileProblem(db: Database.Database): string | null {
  const problems = integrityProblems(db);
  if (problems.length) return `新文件未通过完整性检查：${problems.slice(0, 3).join('；')}`;
  return schemaProblem(db, { what: '新文件' });
}

export function removeFile(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

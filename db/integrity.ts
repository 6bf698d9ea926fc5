import type { Db } from './connection';
import { AppError } from './errors';

/** The file fails SQLite's own checks: it must not be written to, only replaced from a good backup. */
export class DamagedDatabaseError extends AppError {
  constructor(readonly details: string[]) {
    super('database_damaged', '数据文件已损坏，为防止损坏扩大，程序没有打开它，也不会写入它。请从最近的完好备份恢复。');
    this.name = 'DamagedDatabaseError';
  }
}

const MAX_DETAILS = 20;

/** What `integrity_check` and `foreign_key_check` find; empty when the file is sound. */
export function integrityProblems(db: Db): string[] {
  try {
    const integrity = (db.pragma(`integrity_check(${MAX_DETAILS})`) as { integrity_check: string }[]).map(
      (r) => r.integrity_check,
    );
    if (integrity.length !== 1 || integrity[0] !== 'ok') return integrity;
    const orphans = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    return orphans.slice(0, MAX_DETAILS).map((o) => `表${o.table}第${o.rowid}行引用的${o.parent}记录不存在`);
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

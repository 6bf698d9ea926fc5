import { AppError } from '../errors';
import { parseEndpoint } from './endpoint';
import type { CopyOptions } from './options';
import type { CopyReport } from './report';
import { copyPostgresToSqlite } from './to-sqlite';
import { copySqliteToPostgres } from './to-postgres';

export type { CopyOptions } from './options';
export type { Progress } from './rows';
export { CopyMismatchError, formatReport, type CopyReport } from './report';

/**
 * `npm run db -- copy --from … --to …`: a library from a SQLite file into a PostgreSQL database, or back into a
 * new SQLite file; verified table by table (rows and a checksum each) before the target keeps it.
 */
export async function copyLibrary(from: string, to: string, options: CopyOptions = {}): Promise<CopyReport> {
  const source = parseEndpoint(from, '--from');
  const target = parseEndpoint(to, '--to');
  if (source.kind === 'sqlite' && target.kind === 'postgres')
    return copySqliteToPostgres(source.file, target.url, options);
  if (source.kind === 'postgres' && target.kind === 'sqlite')
    return copyPostgresToSqlite(source.url, target.file, options);
  throw new AppError(
    'copy_input',
    source.kind === 'sqlite'
      ? '两端都是 SQLite 数据文件：复制在 SQLite 与 PostgreSQL 之间进行；文件之间请用“设置 → 数据与备份 → 备份到…”'
      : '两端都是 PostgreSQL 数据库：复制在 SQLite 与 PostgreSQL 之间进行；数据库之间请用 pg_dump / pg_restore',
  );
}

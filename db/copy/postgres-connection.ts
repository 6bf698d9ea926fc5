import pg from 'pg';
import { AppError } from '../errors';
import { redacted } from './endpoint';

// One connection for a copy: a transaction's reads and writes go over it. A server that cannot be reached, a
// login refused or a database missing is told in words a DBA can act on, before anything is written.

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH']);

/** A failed connection in words a DBA can act on; `outcome` ends the message (what became of the work). */
export function connectionError(error: unknown, url: string, outcome: string): AppError {
  const { code, message } = error as { code?: string; message?: string };
  const where = redacted(url);
  if ((code && UNREACHABLE.has(code)) || /timeout/i.test(message ?? '')) {
    return new AppError(
      'database_unavailable',
      `连接不上数据库服务器（${where}）：请检查地址、端口、服务器是否已启动和网络；${outcome}`,
    );
  }
  if (code === '28P01' || code === '28000') {
    return new AppError('database_login', `数据库服务器拒绝了登录（${where}）：请检查用户名和密码；${outcome}`);
  }
  if (code === '3D000') {
    const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
    return new AppError(
      'database_missing',
      `数据库服务器上没有名为“${name}”的数据库：请数据库管理员先建立它（CREATE DATABASE ${name}）；${outcome}`,
    );
  }
  return new AppError('database_unavailable', `无法连接数据库服务器（${where}）：${message ?? code}；${outcome}`);
}

/** `outcome` ends the message of a connection that fails: what became of the work (a backup says its own). */
export async function connectPostgres(url: string, outcome = '没有复制任何数据'): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 15_000 });
  // a connection lost between statements fails the next statement; the event itself must not end the process
  client.on('error', () => undefined);
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw connectionError(error, url, outcome);
  }
}

/**
 * Why a copy stopped, in words for whoever ran it, followed by what became of the target (`outcome`): the
 * copy's own refusals as they are, a server that went away, or any other error's own text.
 */
export function failedCopy(error: unknown, outcome: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code;
  if ((code && UNREACHABLE.has(code)) || code === '57P01' || /Connection terminated/i.test(String(error))) {
    return new AppError('database_unavailable', `与数据库服务器的连接中断，复制未完成：${outcome}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('copy_failed', `复制未完成（${message}）：${outcome}`);
}

/** The schema version the database records; null where the app has never made its tables. */
export async function postgresSchemaVersion(client: pg.ClientBase): Promise<number | null> {
  const table = await client.query<{ present: boolean }>(`SELECT to_regclass('schema_version') IS NOT NULL AS present`);
  if (!table.rows[0].present) return null;
  const row = await client.query<{ version: number }>('SELECT version FROM schema_version');
  return row.rows[0]?.version ?? 0;
}

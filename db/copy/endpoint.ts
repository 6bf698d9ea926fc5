import { AppError } from '../errors';

// What `--from` and `--to` name: a SQLite data file by its path, or a PostgreSQL database by its URL.

export type Endpoint = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

const POSTGRES_SCHEME = /^postgres(ql)?:\/\//i;
const ANY_SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

export function parseEndpoint(text: string, option: '--from' | '--to' | '--database'): Endpoint {
  if (POSTGRES_SCHEME.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new AppError('copy_input', `${option} 的数据库地址无法识别：${redacted(text)}`);
    }
    if (url.pathname.replace(/^\//, '') === '') {
      throw new AppError(
        'copy_input',
        `${option} 的数据库地址没有写数据库名：应为 postgres://用户:密码@主机:5432/数据库名`,
      );
    }
    return { kind: 'postgres', url: text };
  }
  const scheme = ANY_SCHEME.exec(text);
  if (scheme) {
    throw new AppError(
      'copy_input',
      `${option} 不支持“${scheme[1]}://”这种地址：请写 SQLite 数据文件的路径，或 postgres://用户:密码@主机:5432/数据库名`,
    );
  }
  if (text.trim() === '') throw new AppError('copy_input', `${option} 没有写数据文件的路径或数据库地址`);
  return { kind: 'sqlite', file: text };
}

/** A database URL fit to print: the password left out. */
export function redacted(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

/** How an endpoint is named in messages and the report. */
export function describeEndpoint(endpoint: Endpoint): string {
  return endpoint.kind === 'sqlite' ? endpoint.file : redacted(endpoint.url);
}

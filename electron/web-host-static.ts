// The built renderer's files, read from the static folder and nowhere else.
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { BAD_ADDRESS, SECURITY_HEADERS, sendError } from './web-host-http';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
/** what opening a path that holds no file of ours can fail with; anything else is the host's own trouble */
const NOT_THERE = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG', 'ELOOP', 'EACCES', 'EPERM', 'ENXIO']);

function decodePath(encoded: string): string | null {
  try {
    const decoded = decodeURIComponent(encoded);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

/**
 * The file's content, or null when there is no regular file. Opened before it is examined, so what is checked is
 * what is read; opened without blocking, so a named pipe cannot hold the host; read whole, so a read error comes
 * before anything is sent and can still be answered.
 */
async function readRegularFile(file: string): Promise<Buffer | null> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (NOT_THERE.has((error as NodeJS.ErrnoException).code ?? '')) return null;
    throw error;
  }
  try {
    if (!(await handle.stat()).isFile()) return null;
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
  res.end('未找到');
}

/** `urlPath` is still percent-encoded; a read error throws, for the caller's 500. */
export async function serveStatic(staticDir: string, urlPath: string, res: http.ServerResponse): Promise<void> {
  const relative = decodePath(urlPath === '/' ? '/index.html' : urlPath);
  if (relative === null) return sendError(res, 400, BAD_ADDRESS);
  const root = path.resolve(staticDir);
  const file = path.resolve(root, `.${relative}`);
  if (!file.startsWith(root + path.sep)) return notFound(res);
  const content = await readRegularFile(file);
  if (content === null) return notFound(res);
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    ...SECURITY_HEADERS,
  });
  res.end(content);
}

import fs from 'node:fs';
import path from 'node:path';

// The desktop app's own settings (not the library's): which office server it connects to, if any. Kept in
// Electron's userData folder, beside the single PC's data folder, so a restored backup never changes it.

export interface ClientConfig {
  /** the server's origin (server-url.ts); null: the single PC, on its own data */
  serverOrigin: string | null;
}

const FILE = 'desktop-client.json';

export function readClientConfig(folder: string): ClientConfig {
  try {
    const stored = JSON.parse(fs.readFileSync(path.join(folder, FILE), 'utf8')) as Partial<ClientConfig>;
    return { serverOrigin: typeof stored.serverOrigin === 'string' ? stored.serverOrigin : null };
  } catch {
    // none yet (or unreadable): the single PC, as the app always started
    return { serverOrigin: null };
  }
}

/** Written whole to a temp file and renamed over the old one, so a crash leaves the old or the new. */
export function writeClientConfig(folder: string, config: ClientConfig): void {
  fs.mkdirSync(folder, { recursive: true });
  const target = path.join(folder, FILE);
  const temp = `${target}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(config, null, 2));
  fs.renameSync(temp, target);
}

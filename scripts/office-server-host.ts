import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The built office server (`npm run server`, dist/electron/server.mjs) as the office starts it, for the end-to-end
// tests and `npm run screenshot`: on loopback, a free port, the first admin from --init-admin with the password in
// ZDXM_INIT_PASSWORD.

const SERVER_ENTRY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/electron/server.mjs');

export interface OfficeServer {
  url: string;
  port: number;
  /** everything it printed */
  output(): string;
  stop(): Promise<void>;
}

export async function startOfficeServer(options: {
  dataDir: string;
  /** postgres://…: the library on a database server */
  databaseUrl?: string;
  initAdmin: { login: string; password: string };
  /** the office's today (`--today`), for pictures that stay the same from run to run */
  today?: string;
}): Promise<OfficeServer> {
  if (!fs.existsSync(SERVER_ENTRY)) throw new Error('dist/electron/server.mjs is missing: run `npm run build` first');
  const args = [SERVER_ENTRY, '--data-dir', options.dataDir, '--listen', '127.0.0.1:0'];
  if (options.databaseUrl) args.push('--database', options.databaseUrl);
  if (options.today) args.push('--today', options.today);
  args.push('--init-admin', options.initAdmin.login);
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ZDXM_INIT_PASSWORD: options.initAdmin.password },
  });
  let output = '';
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`office server did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void ended.then(() => {
      clearTimeout(timer);
      reject(new Error(`office server exited before listening:\n${output}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await ended;
    },
  };
}

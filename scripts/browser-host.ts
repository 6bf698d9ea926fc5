// Real Chromium against the built browser host: used by the end-to-end tests and `npm run screenshot`.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ApiResult, MethodInput, MethodName, MethodOutput } from '../electron/api-spec';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOST_ENTRY = path.join(root, 'dist/electron/web-host.mjs');

/** Flags that keep Chromium from reaching for the network this machine does not have. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => Boolean(p),
  );
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) {
    throw new Error(
      "No Chromium found for the end-to-end tests. Install Debian's package (apt-get install chromium fonts-noto-cjk) or set CHROME_PATH.",
    );
  }
  return found;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

export interface RunningHost {
  url: string;
  /** the host process, for reading its memory from /proc */
  pid: number;
  /** one API call over HTTP, as the browser version makes it; a refusal throws with its Chinese message */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  stop(): Promise<void>;
}

async function callOver<M extends MethodName>(url: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const response = await fetch(`${url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as ApiResult;
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.data as MethodOutput<M>;
}

/** Starts the built browser host as the clerk would (`npm run web`), on a free port. */
export async function startHost(options: {
  /** the SQLite file's folder; with `databaseUrl`, the folder of the server's backups */
  dataDir: string;
  /** postgres://…: the host on a database server (`--database`) */
  databaseUrl?: string;
  demo?: boolean;
  today?: string;
  /** how long it may take to listen (a very large data file opens slowly); 30 s unless told */
  startTimeoutMs?: number;
}): Promise<RunningHost> {
  if (!fs.existsSync(HOST_ENTRY)) throw new Error('dist/electron/web-host.mjs is missing: run `npm run build` first');
  const args = [HOST_ENTRY, '--data-dir', options.dataDir, '--port', '0'];
  if (options.databaseUrl) args.push('--database', options.databaseUrl);
  if (options.demo) args.push('--demo');
  if (options.today) args.push('--today', options.today);
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // a host that never listened is not left running behind the caller
      child.kill('SIGTERM');
      reject(new Error(`browser host did not start within ${options.startTimeoutMs ?? 30_000} ms:\n${output}`));
    }, options.startTimeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    pid: child.pid ?? 0,
    call: (method, input) => callOver(url, method, input),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Fails the test on any uncaught page error or console error, which a clerk would meet as a broken screen. */
export function watchForPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

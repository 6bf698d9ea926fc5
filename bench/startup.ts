// Start-up time: the built browser host (`dist/electron/web-host.mjs`) on a given data folder, from spawning it
// until `/api/health` answers, beside a bare Node process that opens the same file and runs one SELECT.
// The caller owns the folder (a copy: the start writes to it) and builds first (`npx vite build && node
// scripts/build-node.mjs`).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { report } from './timing';
import { freePort } from '../scripts/free-port';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOST_ENTRY = path.join(root, 'dist/electron/web-host.mjs');
const RUNS = 3;
const GIVE_UP_MS = 120_000;

async function healthAnswers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    return response.ok;
  } catch {
    return false;
  }
}

function exited(child: ReturnType<typeof spawn>): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** One start of the host: milliseconds from spawn to the first answer of /api/health; the host is then stopped. */
async function oneStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [HOST_ENTRY, '--data-dir', dataDir, '--port', String(port), '--today', '2026-11-28'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  try {
    const url = `http://127.0.0.1:${port}/api/health`;
    while (!(await healthAnswers(url))) {
      if (child.exitCode !== null) throw new Error(`web host exited with ${child.exitCode}: ${errors}`);
      if (performance.now() - started > GIVE_UP_MS) throw new Error('web host did not answer /api/health');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return performance.now() - started;
  } finally {
    child.kill('SIGTERM');
    await exited(child);
  }
}

/** A bare Node process: open the file with better-sqlite3, one SELECT, exit. */
async function bareStart(file: string): Promise<number> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const script = `const D = require(${JSON.stringify(driver)}); const db = new D(${JSON.stringify(file)}, { readonly: true }); db.prepare('SELECT COUNT(*) FROM settings').get(); db.close();`;
  const started = performance.now();
  const child = spawn(process.execPath, ['-e', script], { stdio: 'inherit' });
  await exited(child);
  if (child.exitCode !== 0) throw new Error(`bare start exited with ${child.exitCode}`);
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median of three starts of the built web host on `dataDir`, and of three bare opens of its file. */
export async function measureStartup(dataDir: string): Promise<{ appMs: number; bareMs: number }> {
  if (!fs.existsSync(HOST_ENTRY)) throw new Error(`${HOST_ENTRY} is missing: build first`);
  const file = path.join(dataDir, 'projects.sqlite');
  const app: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    app.push(await oneStart(dataDir));
    bare.push(await bareStart(file));
  }
  const result = { appMs: median(app), bareMs: median(bare) };
  const size = (fs.statSync(file).size / 1024 / 1024).toFixed(0);
  report(`start to /api/health (${size} MB file)`, result.appMs, 'node + open + one SELECT', result.bareMs);
  return result;
}

// `npx tsx bench/startup.ts <data folder>`: the figure on its own
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npx tsx bench/startup.ts <data folder (a copy: the start writes to it)>');
    process.exit(2);
  }
  await measureStartup(path.resolve(dir));
}

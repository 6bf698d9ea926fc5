import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll } from 'vitest';

// Tests that need a second process (a crash, a second app on the same folder) run a TypeScript entry bundled
// once with esbuild: it starts in a tenth of the time tsx would, which matters when it starts fifty times.

const root = path.resolve(__dirname, '..', '..');

export async function bundleChild(
  entry: string,
  external = ['better-sqlite3', 'exceljs'],
): Promise<{ file: string; remove(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-child-'));
  const file = path.join(dir, 'child.cjs');
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // resolved from the project, not from the temp folder the bundle lives in
    nodePaths: [path.join(root, 'node_modules')],
    external,
    logLevel: 'warning',
  });
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The environment a bundled child needs to find the project's external packages. */
export function childEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NODE_PATH: path.join(root, 'node_modules') };
}

export function runChild(
  file: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { env: childEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * For a test file about a host's child process: the child bundled once for the file, and a folder for the
 * stand-ins a test writes in its place (one that answers wrongly, one that dies), both removed afterwards.
 */
export function childProcessUnderTest(entry: string): { file(): string; standIn(name: string, text: string): string } {
  let child: Awaited<ReturnType<typeof bundleChild>>;
  let standIns: string;
  beforeAll(async () => {
    child = await bundleChild(entry, ['better-sqlite3']);
    standIns = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-stand-in-'));
  }, 60_000);
  afterAll(() => {
    child.remove();
    fs.rmSync(standIns, { recursive: true, force: true });
  });
  return {
    file: () => child.file,
    standIn(name, text) {
      const file = path.join(standIns, name);
      fs.writeFileSync(file, text);
      return file;
    },
  };
}

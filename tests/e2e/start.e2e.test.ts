import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';

// `npm start` on a PC without Electron's binary (this workplace cannot download it): what the clerk reads in
// the terminal is one line saying the browser version starts, then the line with the address to open.

const root = path.resolve(__dirname, '..', '..');
const temp = makeTempDir('zdxm-start-');
const dataDir = path.join(temp.dir, 'data');
const electronDir = path.join(root, 'node_modules/electron');
// Where the binary is installed, an empty folder stands in for its dist/ (a variable the electron package itself
// honours); where it is missing, as here, nothing is changed, so the probe meets the real missing binary.
const noElectron = makeTempDir('zdxm-no-electron-');
const binaryInstalled =
  fs.existsSync(path.join(electronDir, 'path.txt')) && fs.existsSync(path.join(electronDir, 'dist'));
let child: ChildProcess | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  temp.remove();
  noElectron.remove();
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Reads the child's output until a line holds the address, or it exits. */
function outputUntilAddress(started: ChildProcess): Promise<{ stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    started.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (/http:\/\/127\.0\.0\.1:\d+\/\n/.test(stdout)) resolve({ stdout, stderr });
    });
    started.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    started.once('exit', (code) => reject(new Error(`start.mjs exited with ${code}:\n${stdout}${stderr}`)));
  });
}

describe('npm start（本机没有 Electron）', () => {
  it('只打印“改为启动浏览器版”和带地址的一行，地址能打开', async () => {
    const { ELECTRON_RUN_AS_NODE: _ignored, ...env } = process.env;
    child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs'), '--data-dir', dataDir, '--port', '0'], {
      cwd: root,
      env: binaryInstalled ? { ...env, ELECTRON_OVERRIDE_DIST_PATH: noElectron.dir } : env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { stdout, stderr } = await outputUntilAddress(child);

    const lines = stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      '本机没有 Electron 可执行文件，改为启动浏览器版。',
      expect.stringMatching(
        new RegExp(
          `^重点项目推进台（浏览器版）已启动，数据目录 ${escapeRegExp(dataDir)}，请在浏览器中打开 http://127\\.0\\.0\\.1:\\d+/$`,
        ),
      ),
    ]);
    expect(stderr).toBe('');

    const url = /(http:\/\/127\.0\.0\.1:\d+\/)$/.exec(lines[1])![1];
    const health = (await (await fetch(`${url}api/health`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
  });
});

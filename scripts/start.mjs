// `npm start` (after `npm run build`): the Electron shell where its binary is installed,
// otherwise the browser host, which prints its URL. Extra arguments are passed through.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/**
 * The Electron executable, or null. Looked up the way the electron package's own index.js does (path.txt names
 * the file inside dist/, ELECTRON_OVERRIDE_DIST_PATH replaces dist/), but without `require('electron')`: from
 * Electron 42 on, that require downloads a missing binary and prints while it tries.
 */
function findElectronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && !executable) return null;
  const binary = path.join(override || path.join(packageDir, 'dist'), executable || 'electron');
  return existsSync(binary) ? binary : null;
}

function run(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { cwd: root, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => {
    console.error(`cannot start ${command}:`, error.message);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

/** Electron loads only a better-sqlite3 built for its own ABI (see scripts/native-abi.mjs). */
function nativeModuleForElectron() {
  const switched = spawnSync(process.execPath, [path.join(root, 'scripts/native-abi.mjs'), 'electron'], {
    stdio: 'inherit',
  });
  return switched.status === 0;
}

const electron = findElectronBinary();
if (electron && !nativeModuleForElectron()) {
  console.log('better-sqlite3 没有 Electron 版本，改为启动浏览器版（运行 `npm run native:electron` 查看原因）。');
  run(process.execPath, ['--enable-source-maps', path.join(root, 'dist/electron/web-host.mjs'), ...args]);
} else if (electron) {
  // Set in some shells and CI images; it would make Electron behave as plain Node.
  const { ELECTRON_RUN_AS_NODE: _ignored, ...env } = process.env;
  run(electron, ['.', ...args], env);
} else {
  console.log('本机没有 Electron 可执行文件，改为启动浏览器版。');
  run(process.execPath, ['--enable-source-maps', path.join(root, 'dist/electron/web-host.mjs'), ...args]);
}

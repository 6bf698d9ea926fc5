// Switches better-sqlite3's compiled module between Node's ABI (tests, browser host) and Electron's (`npm start`
// with Electron, packaging), the way Actual Budget scripts it: each build is kept in a cache once made, so a
// switch is a file copy, and every build is checked for the ABI it claims before it is used.
//
//   node scripts/native-abi.mjs status | node | electron
//
// Trap (see TOOLCHAIN.md): with npm's `nodedir` set, a rebuild “for Electron” silently compiles against Node's
// headers and prints success. The build below clears it, and the result is verified, never trusted.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const binary = path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const cacheDir = path.join(root, 'node_modules/.cache/zdxm-native');

function abiOf(file) {
  if (!fs.existsSync(file)) return null;
  const match = /node_register_module_v(\d+)/.exec(fs.readFileSync(file).toString('latin1'));
  return match ? Number(match[1]) : null;
}

function electronTarget() {
  const version = require('electron/package.json').version;
  const abi = Number(require('node-abi').getAbi(version, 'electron'));
  return { name: `electron-${version}`, abi, env: { runtime: 'electron', target: version } };
}

function nodeTarget() {
  return { name: `node-v${process.versions.modules}`, abi: Number(process.versions.modules), env: null };
}

function cached(target) {
  return path.join(cacheDir, `${target.name}.node`);
}

/** Keeps the module now in place, under the ABI it really has, before anything replaces it. */
function keepCurrent() {
  const abi = abiOf(binary);
  if (abi === null) return;
  fs.mkdirSync(cacheDir, { recursive: true });
  const node = nodeTarget();
  const name = abi === node.abi ? node.name : `abi-${abi}`;
  fs.copyFileSync(binary, path.join(cacheDir, `${name}.node`));
  if (abi !== node.abi) {
    try {
      const electron = electronTarget();
      if (abi === electron.abi) fs.copyFileSync(binary, cached(electron));
    } catch {
      // electron not installed: nothing to name it after
    }
  }
}

/** npm 11 no longer passes runtime/target through to node-gyp, so Electron's build calls node-gyp itself. */
function rebuild(target) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)));
  const run = (command, args, cwd) =>
    spawnSync(command, args, { cwd, env, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;
  if (!target.env) return run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['rebuild', 'better-sqlite3'], root);
  const gyp = require.resolve('node-gyp/bin/node-gyp.js');
  return run(
    process.execPath,
    [
      gyp,
      'rebuild',
      '--release',
      `--target=${target.env.target}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ],
    path.join(root, 'node_modules/better-sqlite3'),
  );
}

/** A rebuild starts by deleting build/: copies back into it must recreate the folder. */
function install(from) {
  fs.mkdirSync(path.dirname(binary), { recursive: true });
  fs.copyFileSync(from, binary);
}

function switchTo(target) {
  const current = abiOf(binary);
  if (current === target.abi) {
    console.log(`better-sqlite3 已是 ${target.name}（ABI ${target.abi}）`);
    return true;
  }
  keepCurrent();
  if (fs.existsSync(cached(target)) && abiOf(cached(target)) === target.abi) {
    install(cached(target));
    console.log(`better-sqlite3 已切换到 ${target.name}（ABI ${target.abi}，取自缓存）`);
    return true;
  }
  console.log(`正在为 ${target.name} 编译 better-sqlite3（需要联网下载头文件）…`);
  const built = rebuild(target) && abiOf(binary) === target.abi;
  if (!built) {
    const got = abiOf(binary);
    // put back what worked before
    const previous =
      current === null
        ? null
        : path.join(cacheDir, `${current === nodeTarget().abi ? nodeTarget().name : `abi-${current}`}.node`);
    if (previous && fs.existsSync(previous)) install(previous);
    console.error(
      got === null
        ? `为 ${target.name} 编译失败（需要联网下载头文件和编译工具）；已恢复原来的模块。`
        : `编译结果的 ABI 是 ${got}，不是 ${target.name} 需要的 ${target.abi}；已恢复原来的模块。` +
            '若设置了 npm 的 nodedir，请先 `npm config delete nodedir` 再试。',
    );
    return false;
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.copyFileSync(binary, cached(target));
  console.log(`better-sqlite3 已为 ${target.name} 编译并缓存（ABI ${target.abi}）`);
  return true;
}

const command = process.argv[2] ?? 'status';
if (command === 'status') {
  const abi = abiOf(binary);
  const node = nodeTarget();
  let electron = null;
  try {
    electron = electronTarget();
  } catch {
    // electron not installed
  }
  const owner = abi === node.abi ? node.name : abi === electron?.abi ? electron.name : '未知';
  console.log(`better-sqlite3: ABI ${abi ?? '（未编译）'} → ${owner}`);
} else if (command === 'node') {
  process.exitCode = switchTo(nodeTarget()) ? 0 : 1;
} else if (command === 'electron') {
  process.exitCode = switchTo(electronTarget()) ? 0 : 1;
} else {
  console.error('用法：node scripts/native-abi.mjs status | node | electron');
  process.exitCode = 2;
}

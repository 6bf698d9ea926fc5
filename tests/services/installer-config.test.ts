import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Installers cannot be built here (electron-builder downloads Electron), so their configuration is checked
// with electron-builder's own schema validation and against what the office needs.

const require = createRequire(import.meta.url);
const root = path.resolve(__dirname, '../..');
interface BuilderConfig {
  productName: string;
  icon: string;
  asar: boolean;
  npmRebuild: boolean;
  asarUnpack: string[];
  publish: null;
  win: { target: unknown[] };
  nsis: Record<string, unknown>;
  linux: { target: unknown[] };
  electronFuses: Record<string, boolean>;
}
const config = require(path.join(root, 'build/electron-builder.config.cjs')) as BuilderConfig;

describe('安装包配置', () => {
  it('通过 electron-builder 自己的配置校验', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('Windows：按用户安装、无需管理员、中文安装界面、可选安装目录，另有免安装版，x64 和 32 位', () => {
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64', 'ia32'] },
      { target: 'portable', arch: ['x64', 'ia32'] },
    ]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['zh_CN'],
      deleteAppDataOnUninstall: false,
    });
  });

  it('Linux（统信、麒麟）：deb 和 AppImage，x64 和 arm64', () => {
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
  });

  it('名称、版本、图标齐全；打包时为 Electron 重新编译 better-sqlite3 并放在 asar 之外；运行时不联网更新', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      version: string;
      main: string;
    };
    expect(config.productName).toBe('重点项目推进台');
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.main).toBe('dist/electron/main.cjs');
    const icon = fs.readFileSync(path.join(root, config.icon));
    expect(icon.subarray(1, 4).toString()).toBe('PNG');
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(256);
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
    expect(config.publish).toBeNull();
  });

  it('Electron 熔丝：不能当作 Node 运行、不读 NODE_OPTIONS、不接受调试参数，只从校验过的 app.asar 载入程序', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    // onlyLoadAppFromAsar and the integrity check need the app packed into app.asar
    expect(config.asar).toBe(true);
  });

  it('electron-builder 翻转熔丝时用到的 @electron/fuses 与配置的名称一一对应', async () => {
    // what app-builder-lib's generateFuseConfig hands to @electron/fuses' flipFuses, read back by fuse name
    const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number | string> };
    const { PlatformPackager } = require('app-builder-lib') as {
      PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Promise<Record<string, unknown>> } };
    };
    const flipped = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
    const byName = (name: string) => flipped[FuseV1Options[name]];
    expect(byName('RunAsNode')).toBe(false);
    expect(byName('EnableNodeOptionsEnvironmentVariable')).toBe(false);
    expect(byName('EnableNodeCliInspectArguments')).toBe(false);
    expect(byName('OnlyLoadAppFromAsar')).toBe(true);
    expect(byName('EnableEmbeddedAsarIntegrityValidation')).toBe(true);
  });
});

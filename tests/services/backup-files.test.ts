import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setSetting } from '../../db/queries/settings';
import { createBackup, fileNamePart } from '../../electron/services/backup';
import { createTempApp, type TempApp } from '../helpers/temp-app';
import { makeTempDir } from '../helpers/temp-dir';

let app: TempApp | undefined;
let temp: ReturnType<typeof makeTempDir> | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await app?.close();
  app = undefined;
  temp?.remove();
  temp = undefined;
});

/** Every file under a folder, relative to it. */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => fs.statSync(path.join(dir, name)).isFile())
    .sort();
}

describe('备份到…的文件名', () => {
  it('城市名称里的路径符号不会把备份写到所选文件夹以外', async () => {
    app = await createTempApp();
    temp = makeTempDir('zdxm-usb-');
    const usb = path.join(temp.dir, '一层', 'U盘');
    fs.mkdirSync(usb, { recursive: true });
    await app.ok('settings.update', { cityName: '../../x' });
    const { file } = await app.ok('backups.copyTo', { folder: usb });
    expect(path.dirname(file)).toBe(usb);
    expect(path.basename(file)).toBe('x重点项目数据备份-2026-11-28.sqlite');
    expect(filesUnder(temp.dir)).toEqual([path.join('一层', 'U盘', 'x重点项目数据备份-2026-11-28.sqlite')]);
  });

  it('保留中文，去掉 Windows 不允许的字符、控制字符和开头的点，过长的截短', async () => {
    expect(fileNamePart('湘乡市', 20)).toBe('湘乡市');
    expect(fileNamePart('湘\\乡/市:*?"<>|\t\u0000\u007f', 20)).toBe('湘乡市');
    expect(fileNamePart('..\\..\\湘乡市', 20)).toBe('湘乡市');
    expect(fileNamePart(' . 湘乡 市. ', 20)).toBe('湘乡 市');
    expect(fileNamePart('长'.repeat(50), 20)).toBe('长'.repeat(20));
    expect(fileNamePart('../..', 20)).toBe('');

    app = await createTempApp();
    temp = makeTempDir('zdxm-usb-');
    // a restored or imported file may carry a longer name than the settings form allows
    await setSetting(app.ctx.store, 'cityName', `.${'很长的城市名'.repeat(10)}`);
    const { file } = await app.ok('backups.copyTo', { folder: temp.dir });
    expect(path.basename(file)).toBe(`${'很长的城市名'.repeat(10).slice(0, 20)}重点项目数据备份-2026-11-28.sqlite`);
  });
});

describe('备份文件写盘', () => {
  /** The order of open (by path), fsync (by path) and rename calls made while `work` runs. */
  async function fileCalls(work: () => Promise<unknown>, failOnFolder?: 'open' | 'fsync') {
    const calls: string[] = [];
    const paths = new Map<number, string>();
    const open = fs.openSync;
    const fsync = fs.fsyncSync;
    const rename = fs.renameSync;
    vi.spyOn(fs, 'openSync').mockImplementation((file, ...rest) => {
      const isFolder = fs.statSync(file).isDirectory();
      if (isFolder && failOnFolder === 'open') {
        throw Object.assign(new Error('EISDIR: illegal operation on a directory'), { code: 'EISDIR' });
      }
      const fd = open(file, ...rest);
      paths.set(fd, String(file));
      return fd;
    });
    vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
      const file = paths.get(fd) ?? '?';
      if (failOnFolder === 'fsync' && fs.statSync(file).isDirectory()) {
        throw Object.assign(new Error('EPERM: operation not permitted, fsync'), { code: 'EPERM' });
      }
      calls.push(`fsync ${file}`);
      fsync(fd);
    });
    vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      calls.push(`rename ${String(from)} → ${String(to)}`);
      rename(from, to);
    });
    await work();
    vi.restoreAllMocks();
    return calls;
  }

  it('备份先写入 .partial 并落盘，再改名，再让文件夹落盘', async () => {
    app = await createTempApp();
    let file = '';
    const calls = await fileCalls(async () => (file = await createBackup(app!.ctx, '测试')));
    const dir = path.dirname(file);
    expect(calls).toEqual([`fsync ${file}.partial`, `rename ${file}.partial → ${file}`, `fsync ${dir}`]);

    temp = makeTempDir('zdxm-usb-');
    const copied = await fileCalls(() => app!.ok('backups.copyTo', { folder: temp!.dir }));
    const onStick = path.join(temp.dir, '湘乡市重点项目数据备份-2026-11-28.sqlite');
    expect(copied).toEqual([`fsync ${onStick}.partial`, `rename ${onStick}.partial → ${onStick}`, `fsync ${temp.dir}`]);

    // 从U盘添加备份: the copy is flushed before it is named too
    const added = await fileCalls(() => app!.ok('backups.addFrom', { folder: temp!.dir }));
    const kept = path.join(dir, `外部备份-${path.basename(onStick)}`);
    expect(added).toEqual([`fsync ${kept}.partial`, `rename ${kept}.partial → ${kept}`, `fsync ${dir}`]);
  });

  it.each(['open', 'fsync'] as const)(
    '不能让文件夹落盘的系统（Windows：%s 文件夹失败）照常完成备份',
    async (failOn) => {
      app = await createTempApp();
      let file = '';
      const calls = await fileCalls(async () => (file = await createBackup(app!.ctx, '测试')), failOn);
      expect(calls).toEqual([`fsync ${file}.partial`, `rename ${file}.partial → ${file}`]);
      expect(fs.existsSync(file)).toBe(true);
    },
  );
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../electron/contract';
import { openAppContext, type SqliteAppContext } from '../../electron/services/app-context';
import { LOCK_FILE } from '../../electron/services/folder-lock';
import { fillUp, remount, tryMountTmpfs, unmount } from '../helpers/mounts';

// The data folder under bad luck: moved data that went missing, targets no data can live in, a full disk and a
// read-only folder. Each says plainly what happened, writes nothing, and never makes an empty office.

const temps: string[] = [];
const mounts: string[] = [];
const contexts: SqliteAppContext[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const ctx of contexts.splice(0)) await ctx.close();
  mounts.splice(0).forEach(unmount);
  temps.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-folder-'));
  temps.push(dir);
  return dir;
}

async function open(dataDir: string): Promise<SqliteAppContext> {
  const ctx = await openAppContext({ dataDir, today: () => '2026-11-28' });
  contexts.push(ctx);
  return ctx;
}

async function close(ctx: SqliteAppContext): Promise<void> {
  contexts.splice(contexts.indexOf(ctx), 1);
  await ctx.close();
}

async function call(ctx: SqliteAppContext, method: string, input: unknown = {}) {
  return dispatch(ctx, method, input);
}

async function must(ctx: SqliteAppContext, method: string, input: unknown = {}) {
  const result = await call(ctx, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.data as Record<string, unknown>;
}

async function office(dataDir: string): Promise<SqliteAppContext> {
  const ctx = await open(dataDir);
  await must(ctx, 'app.initialize', { operatorName: '王会计', loadDemo: false });
  const chains = (await must(ctx, 'reference.list')).chains as { id: number }[];
  await must(ctx, 'projects.create', { name: '已有项目', owner: '某公司', chainId: chains[0].id, stage: 'reserve' });
  return ctx;
}

const names = async (ctx: SqliteAppContext) =>
  ((await must(ctx, 'projects.list')) as unknown as { name: string }[]).map((p) => p.name);

describe('移走的数据找不到时', () => {
  it('说明找不到哪个文件夹，不在任何地方新建空白数据；插回后“重新查找”即可继续', async () => {
    const root = tempDir();
    const oldDir = path.join(root, 'C盘数据');
    const usb = path.join(root, 'U盘', '重点项目数据');
    const ctx = await office(oldDir);
    await must(ctx, 'backups.create');
    await must(ctx, 'dataFolder.move', { target: usb });
    await close(ctx);
    const away = path.join(root, '别处');
    fs.renameSync(path.dirname(usb), away);

    const lost = await open(oldDir);
    expect(lost.startProblem).toMatchObject({ kind: 'missing_folder', path: usb });
    expect(lost.startProblem?.message).toContain(`数据已移到“${usb}”，但现在找不到那里的数据`);
    const status = await must(lost, 'app.status');
    expect(status).toMatchObject({ needsSetup: false, startProblem: { kind: 'missing_folder' } });
    const refused = await call(lost, 'projects.list');
    expect(refused.ok ? '' : refused.error.code).toBe('missing_folder');
    expect(fs.existsSync(path.join(oldDir, 'projects.sqlite'))).toBe(false);
    expect(fs.existsSync(usb)).toBe(false);

    fs.renameSync(away, path.dirname(usb));
    const found = await must(lost, 'app.retryStart');
    expect(found.startProblem).toBeNull();
    expect(lost.dataDir).toBe(usb);
    expect(await names(lost)).toEqual(['已有项目']);
  });

  it('也可以在原文件夹从备份恢复：恢复后就用原文件夹，去向说明作废', async () => {
    const root = tempDir();
    const oldDir = path.join(root, 'C盘数据');
    const usb = path.join(root, 'U盘数据');
    const ctx = await office(oldDir);
    await must(ctx, 'backups.create');
    await must(ctx, 'dataFolder.move', { target: usb });
    await close(ctx);
    fs.rmSync(usb, { recursive: true });

    const lost = await open(oldDir);
    const backups = (await must(lost, 'backups.list')) as unknown as { fileName: string; label: string }[];
    const manual = backups.find((b) => b.label === '手动备份');
    expect(manual).toBeDefined();
    await must(lost, 'backups.restore', { fileName: manual?.fileName });
    expect(lost.startProblem).toBeNull();
    expect(await names(lost)).toEqual(['已有项目']);
    const history = (await must(lost, 'audit.list')) as unknown as { entries: { newValue: string | null }[] };
    expect(history.entries[0].newValue).toBe(`找不到移走的数据，从备份 ${manual?.fileName} 恢复`);
    await close(lost);
    const again = await open(oldDir);
    expect(again.startProblem).toBeNull();
    expect(again.dataDir).toBe(oldDir);
    expect(fs.readdirSync(oldDir).some((n) => n.startsWith('数据已移走.json.已作废-'))).toBe(true);
  });
});

describe('不能存放数据的位置', () => {
  it.each([
    ['/proc/x', '“/proc/x”是系统的特殊目录，不能存放数据，请换一个位置'],
    ['/sys/zdxm', '“/sys/zdxm”是系统的特殊目录，不能存放数据，请换一个位置'],
    ['/dev/null', '“/dev/null”是系统的特殊目录，不能存放数据，请换一个位置'],
  ])('%s 被拒绝，立即答复，不卡住', async (target, message) => {
    const ctx = await office(path.join(tempDir(), 'data'));
    const result = await call(ctx, 'dataFolder.move', { target });
    expect(result.ok ? '' : result.error.message).toBe(message);
    expect(await names(ctx)).toEqual(['已有项目']);
  });

  it('一个文件、或文件下面的路径，被拒绝', async () => {
    const root = tempDir();
    const ctx = await office(path.join(root, 'data'));
    const file = path.join(root, '说明.txt');
    fs.writeFileSync(file, '不是文件夹');
    for (const target of [file, path.join(file, '数据')]) {
      const result = await call(ctx, 'dataFolder.move', { target });
      expect(result.ok ? '' : result.error.message).toBe(`“${file}”是一个文件，不是文件夹，请换一个位置`);
    }
  });

  it('只读的位置被拒绝，数据留在原处', async () => {
    const root = tempDir();
    const ctx = await office(path.join(root, 'data'));
    const readOnly = path.join(root, '只读');
    const mounted = tryMountTmpfs(readOnly, '1m', true);
    if (mounted) mounts.push(readOnly);
    else
      vi.spyOn(fs, 'writeFileSync').mockImplementationOnce(() => {
        throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
      });
    const target = path.join(readOnly, '数据');
    const result = await call(ctx, 'dataFolder.move', { target: mounted ? target : readOnly });
    expect(result.ok ? '' : result.error.message).toMatch(
      /^无法在“.+”建立或写入文件夹（可能只读或无权限），请换一个位置$/,
    );
    expect(ctx.dataDir).toBe(path.join(root, 'data'));
    expect(await names(ctx)).toEqual(['已有项目']);
  });
});

describe('磁盘满与只读', { timeout: 60_000 }, () => {
  it('写入时磁盘满：说明“磁盘空间不足，本次修改未保存”，可照常查看；腾出空间后又能保存', async () => {
    const root = tempDir();
    const disk = path.join(root, 'disk');
    const mounted = tryMountTmpfs(disk, '8m');
    if (mounted) mounts.push(disk);
    const ctx = await office(path.join(disk, 'data'));
    const chains = (await must(ctx, 'reference.list')).chains as { id: number }[];
    const create = (name: string) =>
      call(ctx, 'projects.create', {
        name,
        owner: '某公司',
        chainId: chains[0].id,
        stage: 'reserve',
        content: 'x'.repeat(1900),
      });
    let filler: string | null = null;
    if (mounted) filler = fillUp(disk);
    // where no small disk can be mounted, SQLite is told the file may not grow: the same SQLITE_FULL
    else ctx.db.pragma(`max_page_count = ${ctx.db.pragma('page_count', { simple: true }) as number}`);
    let refused = await create('满盘时的项目');
    for (let i = 0; refused.ok && i < 50; i++) refused = await create(`满盘时的项目${i}`);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('disk_full');
      expect(refused.error.message).toMatch(/^磁盘空间不足，本次修改未保存。已保存的数据不受影响/);
    }
    expect(await names(ctx)).toContain('已有项目');
    if (filler) fs.rmSync(filler);
    else ctx.db.pragma('max_page_count = 1073741823');
    const saved = await create('腾出空间后的项目');
    expect(saved.ok).toBe(true);
    expect(await names(ctx)).toContain('腾出空间后的项目');
  });

  it('运行中文件夹变成只读（U盘写保护）：说明“数据文件夹只读，本次修改未保存”，可照常查看', async () => {
    const ctx = await office(path.join(tempDir(), 'data'));
    const chains = (await must(ctx, 'reference.list')).chains as { id: number }[];
    // a filesystem with open files cannot be remounted read-only; SQLite's own refusal is the same SQLITE_READONLY
    ctx.db.pragma('query_only = 1');
    const refused = await call(ctx, 'projects.create', {
      name: '只读时的项目',
      owner: '某公司',
      chainId: chains[0].id,
      stage: 'reserve',
    });
    expect(refused.ok ? '' : refused.error.message).toMatch(/^数据文件夹只读，本次修改未保存。已保存的数据不受影响/);
    expect(await names(ctx)).toEqual(['已有项目']);
    ctx.db.pragma('query_only = 0');
  });

  it('在满的磁盘上启动：显示“磁盘空间不足”的画面，不留空的锁文件；腾出空间后“重试”即可打开', async () => {
    const root = tempDir();
    const disk = path.join(root, 'disk');
    const mounted = tryMountTmpfs(disk, '8m');
    if (mounted) mounts.push(disk);
    const dataDir = path.join(disk, 'data');
    await close(await office(dataDir));
    let filler: string | null = null;
    if (mounted) filler = fillUp(disk);
    else {
      vi.spyOn(fs, 'writeFileSync').mockImplementation(() => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      });
    }
    const full = await open(dataDir);
    expect(full.startProblem).toMatchObject({ kind: 'disk_full', path: dataDir });
    expect(full.startProblem?.message).toMatch(/所在磁盘空间不足，程序无法打开数据。请清理磁盘空间后点“重试”/);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    const refused = await call(full, 'projects.list');
    expect(refused.ok ? '' : refused.error.code).toBe('disk_full');

    if (filler) fs.rmSync(filler);
    else vi.restoreAllMocks();
    const status = await must(full, 'app.retryStart');
    expect(status.startProblem).toBeNull();
    expect(await names(full)).toEqual(['已有项目']);
  });

  it('在只读的文件夹上启动：显示“数据文件夹只读”的画面；改回可写后“重试”即可打开', async () => {
    const root = tempDir();
    const disk = path.join(root, 'disk');
    const mounted = tryMountTmpfs(disk, '8m');
    if (mounted) mounts.push(disk);
    const dataDir = path.join(disk, 'data');
    await close(await office(dataDir));
    if (mounted) remount(disk, 'ro');
    else {
      vi.spyOn(fs, 'writeFileSync').mockImplementation(() => {
        throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
      });
    }
    const readOnly = await open(dataDir);
    expect(readOnly.startProblem).toMatchObject({ kind: 'read_only', path: dataDir });
    expect(readOnly.startProblem?.message).toMatch(/只读，程序无法打开数据/);
    if (mounted) remount(disk, 'rw');
    else vi.restoreAllMocks();
    const status = await must(readOnly, 'app.retryStart');
    expect(status.startProblem).toBeNull();
    expect(await names(readOnly)).toEqual(['已有项目']);
  });
});

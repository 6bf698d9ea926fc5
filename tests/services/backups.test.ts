import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backupsToDelete, DEFAULT_BACKUP_KEEP, type RotatedBackup } from '../../db/model/backup-rotation';
import { openAppContext } from '../../electron/services/app-context';
import { createBackup, listBackups } from '../../electron/services/backup';
import { LOCK_FILE } from '../../electron/services/folder-lock';
import { bundleChild, runChild } from '../helpers/child-script';
import { dumpData } from '../helpers/dump-data';
import { createTempApp, sqliteContext, type TempApp } from '../helpers/temp-app';

let app: TempApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const dump = (app: TempApp) => dumpData(sqliteContext(app).db);

describe('备份轮换（按日、按周、按月保留）', () => {
  const day = 86_400_000;
  const at = (iso: string) => Date.parse(`${iso}T10:00:00`);

  it('自动备份：保留最近14天每天最新一份、8周每周一份、12个月每月一份，其余删除；手动备份从不自动删除', () => {
    const backups: RotatedBackup[] = [];
    for (let i = 0; i < 400; i++) {
      const takenAt = at('2026-11-28') - i * day;
      backups.push({ name: `auto-${i}-a`, takenAt, kind: 'automatic' });
      backups.push({ name: `auto-${i}-b`, takenAt: takenAt - 3_600_000, kind: 'automatic' });
    }
    backups.push({ name: 'manual-old', takenAt: at('2024-01-01'), kind: 'manual' });
    const doomed = new Set(backupsToDelete(backups, DEFAULT_BACKUP_KEEP, at('2026-11-28')));
    const kept = backups.filter((b) => !doomed.has(b.name)).map((b) => b.name);
    expect(kept).toContain('manual-old');
    // the 14 newest days, each by its newest copy
    for (let i = 0; i < 14; i++) expect(kept).toContain(`auto-${i}-a`);
    expect(kept.filter((n) => n.endsWith('-b'))).toEqual([]);
    // no more than 14 + 8 + 12 automatic copies, and the oldest kept is within about a year
    const automatic = kept.filter((n) => n.startsWith('auto-'));
    expect(automatic.length).toBeLessThanOrEqual(34);
    expect(automatic.length).toBeGreaterThanOrEqual(25);
    expect(Math.max(...automatic.map((n) => Number(n.split('-')[1])))).toBeGreaterThan(300);
  });

  it('操作前的备份保留60天，且至少保留最近20份', () => {
    const now = at('2026-11-28');
    const events: RotatedBackup[] = Array.from({ length: 40 }, (_, i) => ({
      name: `event-${i}`,
      takenAt: now - i * 10 * day,
      kind: 'event',
    }));
    const doomed = backupsToDelete(events, DEFAULT_BACKUP_KEEP, now);
    expect(doomed).toEqual(events.slice(20).map((e) => e.name));
  });
});

describe('备份、恢复', () => {
  it('备份是独立的一个文件，列表写明时间、种类和项目数', async () => {
    app = await createTempApp({ demo: true });
    const file = await createBackup(app.ctx, '导入台账前');
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const [info] = await app.ok('backups.list', {});
    expect(info).toMatchObject({ fileName: path.basename(file), label: '导入台账前', kind: 'event', problem: null });
    expect(info.projectCount).toBe((await app.ok('projects.list', {})).length);
    const manual = await app.ok('backups.create', {});
    expect(manual).toMatchObject({ label: '手动备份', kind: 'manual', projectCount: info.projectCount });
  });

  it('备份、修改、恢复：数据与备份时一模一样；恢复前自动备份了当时的数据', async () => {
    app = await createTempApp({ demo: true });
    const before = dump(app);
    const backup = await app.ok('backups.create', {});
    const [first] = await app.ok('projects.list', {});
    await app.ok('projects.update', { id: first.id, name: '恢复前改过的名称' });
    await app.ok('problems.create', { projectId: first.id, description: '恢复前登记的问题', category: 'other' });
    expect(dump(app)).not.toEqual(before);

    const result = await app.ok('backups.restore', { fileName: backup.fileName });
    expect(result.safetyBackup).toContain('恢复前');
    const after = dump(app);
    // the restore itself is recorded in the history of the restored data
    const audit = after.audit_log as { entity: string; new_value: string }[];
    expect(audit.at(-1)).toMatchObject({ entity: 'backup', new_value: `从备份 ${backup.fileName} 恢复` });
    expect({ ...after, audit_log: audit.slice(0, -1) }).toEqual(before);
    // and the state before the restore can itself be restored
    const safety = (await app.ok('backups.list', {})).find((b) => b.label === '恢复前')!;
    expect(safety.projectCount).toBe(backup.projectCount);
  });

  it('损坏的备份、不存在的备份、备份文件夹以外的路径都不恢复', async () => {
    app = await createTempApp();
    const dir = path.join(app.dir, 'backups');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, '坏备份-2026-01-01T00-00-00-000Z.sqlite'), 'not a database');
    const listed = (await app.ok('backups.list', {})).find((b) => b.label === '坏备份')!;
    expect(listed.problem).toBe('备份文件无法读取');
    const damaged = await app.call('backups.restore', { fileName: listed.fileName });
    expect(damaged.ok ? '' : damaged.error.message).toBe('该备份不能用于恢复：备份文件无法读取。请选择其他备份。');
    const missing = await app.call('backups.restore', { fileName: '../projects.sqlite' });
    expect(missing.ok ? '' : missing.error.message).toBe('找不到该备份文件，它可能已被移走或删除');
  });

  it('备份到指定文件夹（U盘）；文件夹不存在时说明原因', async () => {
    app = await createTempApp({ demo: true });
    const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-usb-'));
    const { file } = await app.ok('backups.copyTo', { folder: usb });
    expect(path.basename(file)).toBe('湘乡市重点项目数据备份-2026-11-28.sqlite');
    expect(fs.existsSync(file)).toBe(true);
    const again = await app.ok('backups.copyTo', { folder: usb });
    expect(path.basename(again.file)).toBe('湘乡市重点项目数据备份-2026-11-28-2.sqlite');
    const result = await app.call('backups.copyTo', { folder: path.join(usb, '没有这个文件夹') });
    expect(result.ok ? '' : result.error.message).toContain('请确认U盘已插好');
    fs.rmSync(usb, { recursive: true, force: true });
  });
});

describe('从U盘添加备份', () => {
  it('“备份到…”的副本可以加回备份列表并恢复；不是本程序备份的文件说明原因跳过', async () => {
    app = await createTempApp({ demo: true });
    const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-usb-'));
    const before = dump(app);
    const { file } = await app.ok('backups.copyTo', { folder: usb });
    fs.writeFileSync(path.join(usb, '别的文件.sqlite'), 'not a database');
    const [first] = await app.ok('projects.list', {});
    await app.ok('projects.update', { id: first.id, name: '添加备份前改过的名称' });

    const result = await app.ok('backups.addFrom', { folder: usb });
    expect(result.added).toEqual([`外部备份-${path.basename(file)}`]);
    expect(result.skipped).toEqual([{ fileName: '别的文件.sqlite', reason: '备份文件无法读取' }]);
    const listed = (await app.ok('backups.list', {})).find((b) => b.fileName === result.added[0])!;
    expect(listed).toMatchObject({ kind: 'manual', problem: null, projectCount: before.projects.length });
    await app.ok('backups.restore', { fileName: listed.fileName });
    const after = dump(app);
    expect((after.projects as { name: string }[]).map((p) => p.name)).not.toContain('添加备份前改过的名称');
    const again = await app.ok('backups.addFrom', { folder: usb });
    expect(again.added).toEqual([]);
    expect(again.skipped[0]).toMatchObject({ reason: '备份文件无法读取' });
    fs.rmSync(usb, { recursive: true, force: true });
  });
});

describe('启动时检查数据文件', () => {
  it('损坏的文件不写入，只能看备份和恢复；恢复最近的完好备份后一切照常，损坏的文件另行保存', async () => {
    app = await createTempApp({ demo: true });
    const backup = await app.ok('backups.create', {});
    const dir = app.dir;
    const file = path.join(dir, 'projects.sqlite');
    await app.ctx.close();
    // overwrite pages in the middle of the file, as a failing disk would
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 8192, 8192 + 16_384);
    fs.writeFileSync(file, bytes);
    const damagedBytes = fs.readFileSync(file);

    const ctx = await openAppContext({ dataDir: dir, today: () => '2026-11-28' });
    const call = (method: string, input: unknown) =>
      import('../../electron/contract').then((c) => c.dispatch(ctx, method, input));
    try {
      const status = await call('app.status', {});
      expect(status.ok && (status.data as { damage: { message: string } }).damage.message).toContain('数据文件已损坏');
      const refused = await call('projects.list', {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'database_damaged' } });
      expect(fs.readFileSync(file).equals(damagedBytes)).toBe(true);

      const backups = await call('backups.list', {});
      expect(backups.ok && (backups.data as { fileName: string }[])[0].fileName).toBe(backup.fileName);
      const restored = await call('backups.restore', { fileName: backup.fileName });
      expect(restored).toMatchObject({ ok: true, data: { safetyBackup: null } });
      const list = await call('projects.list', {});
      expect(list.ok && (list.data as unknown[]).length).toBe(backup.projectCount);
      expect(fs.readdirSync(path.join(dir, 'damaged')).some((n) => n.startsWith('损坏的数据-'))).toBe(true);
    } finally {
      await ctx.close();
      fs.rmSync(dir, { recursive: true, force: true });
      app = undefined;
    }
  });
});

describe('数据文件夹', () => {
  it('移到新位置：复制、核对后切换；旧文件夹留下去向说明，从旧位置启动也能找到数据', async () => {
    app = await createTempApp({ demo: true });
    const before = dump(app);
    await app.ok('backups.create', {});
    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-move-')), 'D盘数据');
    const oldDir = app.dir;
    const moved = await app.ok('dataFolder.move', { target });
    expect(moved.dataDir).toBe(target);
    expect(fs.existsSync(path.join(target, 'projects.sqlite'))).toBe(true);
    expect(fs.readdirSync(path.join(target, 'backups')).some((n) => n.startsWith('手动备份'))).toBe(true);
    expect(fs.existsSync(path.join(oldDir, 'projects.sqlite'))).toBe(false);
    expect(fs.existsSync(path.join(oldDir, '数据已移走.json'))).toBe(true);
    const after = dump(app);
    expect({ ...after, audit_log: [] }).toEqual({ ...before, audit_log: [] });
    await app.ok('projects.create', { name: '移动后新建的项目', owner: '某公司', chainId: 1, stage: 'reserve' });
    await app.ctx.close();

    const reopened = await openAppContext({ dataDir: oldDir });
    try {
      expect(reopened.dataDir).toBe(target);
      const names = (reopened.db.prepare('SELECT name FROM projects').all() as { name: string }[]).map((r) => r.name);
      expect(names).toContain('移动后新建的项目');
    } finally {
      await reopened.close();
      fs.rmSync(path.dirname(target), { recursive: true, force: true });
      fs.rmSync(oldDir, { recursive: true, force: true });
      app = undefined;
    }
  });

  it('不能移到已有数据的文件夹或当前文件夹', async () => {
    app = await createTempApp();
    const same = await app.call('dataFolder.move', { target: app.dir });
    expect(same.ok ? '' : same.error.message).toBe('新位置与当前数据文件夹相同');
    const relative = await app.call('dataFolder.move', { target: 'data2' });
    expect(relative.ok ? '' : relative.error.message).toContain('请填写完整的文件夹路径');
  });
});

describe('同一数据文件夹只允许一个程序', () => {
  let child: Awaited<ReturnType<typeof bundleChild>>;
  beforeAll(async () => {
    child = await bundleChild('tests/helpers/children/open-folder.ts');
  }, 60_000);
  afterAll(() => child.remove());

  it('另一个程序已打开时，第二个被拒绝并说明；程序被强行结束后留下的锁可以接管', async () => {
    app = await createTempApp();
    const second = await runChild(child.file, [app.dir]);
    expect(second.code).toBe(3);
    expect(second.stdout).toContain('正被另一个重点项目推进台使用');
    expect(fs.existsSync(path.join(app.dir, LOCK_FILE))).toBe(true);
    const dir = app.dir;
    await app.ctx.close();
    // a lock whose process no longer exists
    fs.writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: 2 ** 22 + 12345, since: '2026-11-01T00:00:00Z' }),
    );
    const after = await runChild(child.file, [dir]);
    expect(after.stdout).toBe('opened\n');
    fs.rmSync(dir, { recursive: true, force: true });
    app = undefined;
  }, 60_000);
});

describe('变更记录', () => {
  it('按项目、操作人、日期和类别筛选，最新的在前', async () => {
    app = await createTempApp({ demo: true });
    const [project] = await app.ok('projects.list', {});
    await app.ok('projects.update', { id: project.id, note: '变更记录测试' });
    const all = await app.ok('audit.list', {});
    expect(all.total).toBeGreaterThan(100);
    expect(all.entries[0]).toMatchObject({
      projectName: project.name,
      field: 'note',
      fieldLabel: '备注',
      newValue: '变更记录测试',
      operator: '测试填报人',
    });
    const ofProject = await app.ok('audit.list', { projectId: project.id, kind: 'project' });
    expect(ofProject.entries.every((e) => e.entityId === project.id && e.entity === 'project')).toBe(true);
    const dispatch = await app.ok('audit.list', { kind: 'dispatch', limit: 5 });
    expect(dispatch.entries).toHaveLength(5);
    expect(dispatch.entries.every((e) => e.field?.startsWith('dispatch:'))).toBe(true);
    const nobody = await app.ok('audit.list', { operator: '没有这个人' });
    expect(nobody.total).toBe(0);
    const future = await app.ok('audit.list', { from: '2099-01-01' });
    expect(future.total).toBe(0);
    expect(all.operators).toContain('测试填报人');
  });
});

describe('自动备份', () => {
  it('列表能识别自动备份', async () => {
    app = await createTempApp();
    await createBackup(app.ctx, '自动备份-启动');
    expect(listBackups(app.ctx)[0]).toMatchObject({ kind: 'automatic', label: '自动备份-启动' });
  });
});

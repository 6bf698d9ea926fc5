import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabaseTo } from '../../db/backup-file';
import { backupsToDelete, DEFAULT_BACKUP_KEEP, type RotatedBackup } from '../../db/model/backup-rotation';
import { createBackup } from '../../electron/services/backup';
import { dumpData } from '../helpers/dump-data';
import { createTempApp, sqliteContext, type TempApp } from '../helpers/temp-app';

let app: TempApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const dump = (app: TempApp) => dumpData(sqliteContext(app).db);

/** The dump without the restore's own line at the end of the history. */
function withoutRestoreLine(rows: Record<string, unknown[]>): Record<string, unknown[]> {
  return { ...rows, audit_log: rows.audit_log.slice(0, -1) };
}

async function renameFirstProject(app: TempApp, name: string): Promise<void> {
  const [first] = await app.ok('projects.list', {});
  await app.ok('projects.update', { id: first.id, name });
}

function backupsDir(app: TempApp): string {
  return path.join(app.dir, 'backups');
}

/** Flips bytes in the middle of a file, as a failing disk or a bad copy would. */
function damage(file: string): void {
  const bytes = fs.readFileSync(file);
  for (let i = 0; i < 64; i++) bytes[Math.floor(bytes.length / 2) + i] ^= 0xff;
  fs.writeFileSync(file, bytes);
}

const DAY = 86_400_000;

/** The example office with an empty backups folder, so the first backup below is a full one. */
async function exampleOffice(): Promise<TempApp> {
  const opened = await createTempApp({ demo: true });
  fs.rmSync(backupsDir(opened), { recursive: true, force: true });
  return opened;
}

// the first test builds the example office once for the run
describe('压缩备份与增量备份', { timeout: 30_000 }, () => {
  it('备份压缩保存，比数据文件小；恢复后每一行都与备份时相同', async () => {
    app = await exampleOffice();
    const before = dump(app);
    const backup = await app.ok('backups.create', {});
    expect(backup.fileName.endsWith('.zdbak')).toBe(true);
    const dataBytes = fs.statSync(path.join(app.dir, 'projects.sqlite')).size;
    expect(backup.sizeBytes).toBeLessThan(dataBytes / 2);
    expect(backup).toMatchObject({ label: '手动备份', kind: 'manual', problem: null });
    expect(backup.projectCount).toBe((await app.ok('projects.list', {})).length);

    await renameFirstProject(app, '备份后改过的名称');
    await app.ok('backups.restore', { fileName: backup.fileName });
    expect(withoutRestoreLine(dump(app))).toEqual(before);
  });

  it('之后的备份只存改动的部分；恢复时自动用上它所依据的完整备份，数据与当时相同', async () => {
    app = await exampleOffice();
    const full = await app.ok('backups.create', {});
    await renameFirstProject(app, '第二次备份前改的名称');
    const atSecond = dump(app);
    const diff = await app.ok('backups.create', {});
    expect(diff.sizeBytes).toBeLessThan(full.sizeBytes / 4);
    await renameFirstProject(app, '第二次备份后又改的名称');

    await app.ok('backups.restore', { fileName: diff.fileName });
    expect(withoutRestoreLine(dump(app))).toEqual(atSecond);
    const [first] = await app.ok('projects.list', {});
    expect(first.name).toBe('第二次备份前改的名称');
  });

  it('损坏的备份（字节被改动）不予恢复，说明原因，当前数据不变', async () => {
    app = await exampleOffice();
    const backup = await app.ok('backups.create', {});
    await renameFirstProject(app, '损坏备份之后的名称');
    const current = dump(app);
    damage(path.join(backupsDir(app), backup.fileName));

    const refused = await app.call('backups.restore', { fileName: backup.fileName });
    expect(refused.ok ? '' : refused.error.message).toBe('该备份不能用于恢复：备份文件已损坏。请选择其他备份。');
    expect(dump(app)).toEqual(current);
    expect(fs.readdirSync(app.dir).filter((n) => n.includes('restore'))).toEqual([]);
  });

  it('所依据的完整备份损坏或不在时：增量备份不予恢复并说明原因；列表中标明不能恢复', async () => {
    app = await exampleOffice();
    const full = await app.ok('backups.create', {});
    await renameFirstProject(app, '增量备份时的名称');
    const diff = await app.ok('backups.create', {});
    await renameFirstProject(app, '当前的名称');
    const current = dump(app);

    damage(path.join(backupsDir(app), full.fileName));
    const refused = await app.call('backups.restore', { fileName: diff.fileName });
    expect(refused.ok ? '' : refused.error.message).toBe(
      `该备份不能用于恢复：它所依据的完整备份“${full.fileName}”已损坏。请选择其他备份。`,
    );
    expect(dump(app)).toEqual(current);

    fs.rmSync(path.join(backupsDir(app), full.fileName));
    const listed = (await app.ok('backups.list', {})).find((b) => b.fileName === diff.fileName)!;
    expect(listed.problem).toBe(`它所依据的完整备份“${full.fileName}”已不在备份文件夹中`);
    const again = await app.call('backups.restore', { fileName: diff.fileName });
    expect(again.ok ? '' : again.error.message).toBe(
      `该备份不能用于恢复：它所依据的完整备份“${full.fileName}”已不在备份文件夹中。请选择其他备份。`,
    );
    expect(dump(app)).toEqual(current);
  });

  it('截断的备份在列表中标明不能恢复，不打开也看得出', async () => {
    app = await exampleOffice();
    const backup = await app.ok('backups.create', {});
    const file = path.join(backupsDir(app), backup.fileName);
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    const listed = (await app.ok('backups.list', {})).find((b) => b.fileName === backup.fileName)!;
    expect(listed.problem).toBe('备份文件已损坏或不完整');
  });

  it('旧版本的备份（普通 .sqlite 文件）照常列出、恢复', async () => {
    app = await exampleOffice();
    const before = dump(app);
    const oldName = '自动备份-每日-2026-11-01T01-00-00-000Z.sqlite';
    fs.mkdirSync(backupsDir(app), { recursive: true });
    await backupDatabaseTo(sqliteContext(app).db, path.join(backupsDir(app), oldName));
    await renameFirstProject(app, '旧备份之后的名称');

    const listed = (await app.ok('backups.list', {})).find((b) => b.fileName === oldName)!;
    expect(listed).toMatchObject({ label: '自动备份-每日', kind: 'automatic', problem: null });
    expect(listed.projectCount).toBe((await app.ok('projects.list', {})).length);
    await app.ok('backups.restore', { fileName: oldName });
    expect(withoutRestoreLine(dump(app))).toEqual(before);
  });

  it('轮换删除过期备份时，保留仍被保留的增量备份所依据的完整备份', async () => {
    app = await exampleOffice();
    const now = Date.parse('2026-11-28T09:00:00Z');
    // an event backup 70 days old is the base of a manual backup taken the next day: both stay
    const base = await createBackup(app.ctx, '导入台账前', new Date(now - 70 * DAY));
    await renameFirstProject(app, '手动备份时的名称');
    const manual = await createBackup(app.ctx, '手动备份', new Date(now - 69 * DAY));
    // 20 newer event backups, so the old one is past both of its rules
    for (let i = 20; i >= 1; i--) await createBackup(app.ctx, '读取填报表前', new Date(now - i * DAY));
    const names = (await app.ok('backups.list', {})).map((b) => b.fileName);
    expect(names).toContain(path.basename(manual));
    expect(names).toContain(path.basename(base));
    await app.ok('backups.restore', { fileName: path.basename(manual) });
    const [first] = await app.ok('projects.list', {});
    expect(first.name).toBe('手动备份时的名称');
  });

  it('轮换规则：完整备份在有保留的备份依靠它时保留，无人依靠时照常删除', () => {
    const now = Date.parse('2026-11-28T10:00:00');
    const events: RotatedBackup[] = Array.from({ length: 30 }, (_, i) => ({
      name: `event-${i}`,
      takenAt: now - i * 10 * DAY,
      kind: 'event',
      base: i === 2 ? 'event-29' : null,
    }));
    const doomed = backupsToDelete(events, DEFAULT_BACKUP_KEEP, now);
    expect(doomed).not.toContain('event-29');
    expect(doomed).toContain('event-28');
    const without = backupsToDelete(
      events.map((e) => ({ ...e, base: null })),
      DEFAULT_BACKUP_KEEP,
      now,
    );
    expect(without).toContain('event-29');
  });
});

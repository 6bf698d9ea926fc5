import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup, listBackups } from '../../electron/services/backup';
import { sweepBackupFiles } from '../../electron/services/attachments/backup-files';
import { attachmentFilePath } from '../../electron/services/attachments/file-paths';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// Issue #17: a backup is the database and the attachment files its rows reference; a restore brings both back,
// each file verified by its hash; a backup that lacks a file is reported; deleted attachments go at the monthly
// rotation after a finished month's backup holds them.

let app: TempApp | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await app?.close();
  app = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`, 'utf8');

interface Added {
  id: number;
  sha256: string;
  bytes: Buffer;
  fileName: string;
}

async function firstProject(app: TempApp): Promise<{ id: number; name: string }> {
  const [project] = await app.ok('projects.list', {});
  return { id: project.id, name: project.name };
}

/**
 * A blank office with one project, for the tests that count a backup's files: the example office has photos of its
 * own, which every backup carries too.
 */
async function officeWithOneProject(): Promise<{ app: TempApp; project: { id: number; name: string } }> {
  const made = await createTempApp({});
  const { chains } = await made.ok('reference.list', {});
  const project = await made.ok('projects.create', {
    name: '城东标准厂房',
    stage: 'preliminary',
    chainId: chains[0].id,
    owner: '湘乡市城市建设投资有限公司',
  });
  return { app: made, project: { id: project.id, name: project.name } };
}

async function attach(app: TempApp, projectId: number, fileName: string, text: string): Promise<Added> {
  const bytes = pdf(text);
  const added = await app.ok('attachments.add', {
    ownerKind: 'project',
    ownerId: projectId,
    fileName,
    contentBase64: bytes.toString('base64'),
  });
  return { id: added.id, sha256: added.sha256, bytes, fileName };
}

async function downloaded(app: TempApp, id: number): Promise<string> {
  const got = await app.ok('attachments.get', { id });
  return sha256(Buffer.from(got.contentBase64, 'base64'));
}

const liveFile = (app: TempApp, sha: string) => attachmentFilePath(app.dir, sha);
const storedFile = (app: TempApp, sha: string) => attachmentFilePath(path.join(app.dir, 'backups'), sha);

describe('备份与恢复带附件文件', () => {
  it('备份存入附件文件（含已删除的）；文件被删、被改后恢复，数据和文件一起回来，按校验值一致', async () => {
    let project: { id: number; name: string };
    ({ app, project } = await officeWithOneProject());
    const files = [
      await attach(app, project.id, '环评批复.pdf', '环评'),
      await attach(app, project.id, '施工许可证.pdf', '施工许可'),
      await attach(app, project.id, '作废的图纸.pdf', '作废'),
    ];
    await app.ok('attachments.remove', { id: files[2].id });
    const backup = await app.ok('backups.create', {});
    expect(backup.files).toMatchObject({ count: 3, missing: 0, problem: null });
    expect(backup.files?.bytes).toBe(files.reduce((sum, f) => sum + f.bytes.length, 0));
    for (const file of files) expect(sha256(fs.readFileSync(storedFile(app, file.sha256)))).toBe(file.sha256);

    // after the backup: one file gone, one altered on disk, one attachment removed, one added
    fs.rmSync(liveFile(app, files[0].sha256));
    fs.writeFileSync(liveFile(app, files[1].sha256), pdf('被改过的内容'));
    await app.ok('attachments.remove', { id: files[1].id });
    const later = await attach(app, project.id, '备份之后的照片说明.pdf', '之后');

    const restored = await app.ok('backups.restore', { fileName: backup.fileName });
    expect(restored.missingFiles).toEqual([]);
    const listed = await app.ok('attachments.listByProject', { projectId: project.id, includeDeleted: true });
    expect(listed.map((a) => [a.fileName, a.deletedAt !== null])).toEqual([
      ['环评批复.pdf', false],
      ['施工许可证.pdf', false],
      ['作废的图纸.pdf', true],
    ]);
    expect(listed.some((a) => a.id === later.id)).toBe(false);
    for (const file of files) {
      expect(await downloaded(app, file.id)).toBe(file.sha256);
      expect(sha256(fs.readFileSync(liveFile(app, file.sha256)))).toBe(file.sha256);
    }
    // the deleted one is still recoverable after the restore
    await app.ok('attachments.restore', { id: files[2].id });
    expect(await downloaded(app, files[2].id)).toBe(files[2].sha256);
  }, 60_000);

  it('一个文件只存一份：后来的备份共用备份文件夹中已有的附件文件', async () => {
    let project: { id: number; name: string };
    ({ app, project } = await officeWithOneProject());
    const file = await attach(app, project.id, '现场照片说明.pdf', '共用');
    await app.ok('backups.create', {});
    const stored = storedFile(app, file.sha256);
    const firstWritten = fs.statSync(stored).ino;
    const second = await app.ok('backups.create', {});
    expect(second.files).toMatchObject({ count: 1, missing: 0 });
    expect(fs.statSync(stored).ino).toBe(firstWritten);
  }, 60_000);

  it('备份缺少或损坏附件文件：列表指出，恢复被拒绝并说明哪些文件、哪个项目，数据不动；确认后恢复并列出', async () => {
    let project: { id: number; name: string };
    ({ app, project } = await officeWithOneProject());
    const kept = await attach(app, project.id, '用地预审意见.pdf', '完好');
    const lost = await attach(app, project.id, '规划许可证.pdf', '丢失');
    const damaged = await attach(app, project.id, '节能审查意见.pdf', '损坏');
    const backup = await app.ok('backups.create', {});
    // the backup's copies: one gone, one with other bytes; and neither is in the data folder any more
    fs.rmSync(storedFile(app, lost.sha256));
    fs.writeFileSync(storedFile(app, damaged.sha256), pdf('别的内容'));
    fs.rmSync(liveFile(app, lost.sha256));
    fs.rmSync(liveFile(app, damaged.sha256));
    const after = await attach(app, project.id, '备份之后上传.pdf', '之后');

    const listed = (await app.ok('backups.list', {})).find((b) => b.fileName === backup.fileName);
    expect(listed?.files).toMatchObject({ count: 3, missing: 1, problem: '缺少1个附件文件，恢复前会列出' });

    const refused = await app.call('backups.restore', { fileName: backup.fileName });
    expect(refused.ok ? null : refused.error).toEqual({
      code: 'backup_files_missing',
      message:
        '该备份缺少2个附件文件（备份文件夹和数据文件夹中都找不到，或已损坏）：' +
        `“规划许可证.pdf”（项目“${project.name}”的项目资料）、“节能审查意见.pdf”（项目“${project.name}”的项目资料）。` +
        '恢复后这些附件只有名称、无法打开。数据尚未改动；如仍要恢复，请点“仍然恢复”。',
    });
    // nothing changed: the attachment added after the backup is still there, no 恢复前 backup was taken
    const now = await app.ok('attachments.listByProject', { projectId: project.id });
    expect(now.map((a) => a.id)).toContain(after.id);
    expect(listBackups(app.ctx).filter((b) => b.label === '恢复前')).toEqual([]);

    const restored = await app.ok('backups.restore', { fileName: backup.fileName, allowMissingFiles: true });
    expect(restored.missingFiles).toEqual([
      `“规划许可证.pdf”（项目“${project.name}”的项目资料）`,
      `“节能审查意见.pdf”（项目“${project.name}”的项目资料）`,
    ]);
    expect(await downloaded(app, kept.id)).toBe(kept.sha256);
    const history = await app.ok('audit.list', { kind: 'import', limit: 1000 });
    expect(JSON.stringify(history)).toContain('缺少2个附件文件');
  }, 60_000);
});

describe('已删除附件在月度备份轮换时清除', () => {
  const auto = '自动备份-每日';

  it('删除后到下一次月度备份轮换前可恢复；上月的月度备份做好、轮换之后清除行和文件，并仍可从该备份找回', async () => {
    app = await createTempApp({ demo: true });
    const project = await firstProject(app);
    const deleted = await attach(app, project.id, '旧现场照片说明.pdf', '已删除');
    const shared = await attach(app, project.id, '同一文件.pdf', '两处共用');
    const twin = await attach(app, project.id, '同一文件-副本.pdf', '两处共用');
    expect(twin.sha256).toBe(shared.sha256);
    await app.ok('attachments.remove', { id: deleted.id });
    await app.ok('attachments.remove', { id: shared.id });

    // November's backups: nothing before November is kept, so nothing is purged
    await createBackup(app.ctx, auto, new Date('2026-11-29T10:00:00Z'));
    const november = await createBackup(app.ctx, auto, new Date('2026-11-30T10:00:00Z'));
    let all = await app.ok('attachments.listByProject', { projectId: project.id, includeDeleted: true });
    expect(all.map((a) => a.id)).toEqual([deleted.id, shared.id, twin.id]);

    // deleted after November's last backup: it stays until next month's rotation
    const lateDeleted = await attach(app, project.id, '十二月删除.pdf', '十二月');
    await app.ok('attachments.remove', { id: lateDeleted.id });

    await createBackup(app.ctx, auto, new Date('2026-12-01T10:00:00Z'));
    all = await app.ok('attachments.listByProject', { projectId: project.id, includeDeleted: true });
    expect(all.map((a) => a.id)).toEqual([twin.id, lateDeleted.id]);
    // the file no row references goes; the one the live twin references stays; the backup keeps both
    expect(fs.existsSync(liveFile(app, deleted.sha256))).toBe(false);
    expect(fs.existsSync(liveFile(app, shared.sha256))).toBe(true);
    expect(fs.existsSync(storedFile(app, deleted.sha256))).toBe(true);
    const history = JSON.stringify(await app.ok('audit.list', { kind: 'import', limit: 1000 }));
    expect(history).toContain('清除已删除的附件“旧现场照片说明.pdf”');
    expect(history).toContain(path.basename(november));

    // a second rotation in December purges nothing more
    await createBackup(app.ctx, auto, new Date('2026-12-02T10:00:00Z'));
    all = await app.ok('attachments.listByProject', { projectId: project.id, includeDeleted: true });
    expect(all.map((a) => a.id)).toEqual([twin.id, lateDeleted.id]);

    // still recoverable from November's monthly backup: the row comes back deleted, with its file
    await app.ok('backups.restore', { fileName: path.basename(november) });
    await app.ok('attachments.restore', { id: deleted.id });
    expect(await downloaded(app, deleted.id)).toBe(deleted.sha256);
  }, 60_000);

  it('备份轮换删掉的备份所独有的附件文件随之清理，仍有备份需要的保留', async () => {
    app = await createTempApp({ demo: true });
    const project = await firstProject(app);
    const gone = await attach(app, project.id, '只在旧备份里.pdf', '旧');
    const old = await app.ok('backups.create', {});
    await app.ok('attachments.remove', { id: gone.id });
    const stays = await attach(app, project.id, '新备份也有.pdf', '新');
    // the old backup's own file is gone from the data folder since (purged), then the old backup is deleted
    const backupDir = path.join(app.dir, 'backups');
    const keptBackup = await app.ok('backups.create', {});
    fs.rmSync(path.join(backupDir, old.fileName));
    const remaining = fs.readdirSync(backupDir).filter((n) => /\.(zdbak|sqlite)$/.test(n));
    expect(remaining).toContain(keptBackup.fileName);
    // within the hour after a file was stored it is never swept (a backup under way may be using it)
    expect(
      sweepBackupFiles(
        backupDir,
        remaining.map((n) => path.join(backupDir, n)),
      ),
    ).toBe(0);
    // the kept backup still holds the deleted row, so its file stays; a file no backup lists goes, and so does
    // the deleted backup's own list of its files
    const stray = attachmentFilePath(backupDir, sha256(Buffer.from('无人需要')));
    fs.mkdirSync(path.dirname(stray), { recursive: true });
    fs.writeFileSync(stray, '无人需要');
    const later = Date.now() + 2 * 3_600_000;
    expect(
      sweepBackupFiles(
        backupDir,
        remaining.map((n) => path.join(backupDir, n)),
        later,
      ),
    ).toBe(2);
    expect(fs.existsSync(stray)).toBe(false);
    expect(fs.existsSync(storedFile(app, gone.sha256))).toBe(true);
    expect(fs.existsSync(storedFile(app, stays.sha256))).toBe(true);
  }, 60_000);
});

describe('移动数据文件夹带附件文件', () => {
  it('数据文件夹及其备份的附件文件一起移到新位置，按校验值一致', async () => {
    app = await createTempApp({ demo: true });
    const project = await firstProject(app);
    const file = await attach(app, project.id, '移动前上传.pdf', '移动');
    await app.ok('backups.create', {});
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-move-files-'));
    dirs.push(target);
    await app.ok('dataFolder.move', { target: path.join(target, '新数据') });
    const moved = path.join(target, '新数据');
    expect(sha256(fs.readFileSync(attachmentFilePath(moved, file.sha256)))).toBe(file.sha256);
    expect(sha256(fs.readFileSync(attachmentFilePath(path.join(moved, 'backups'), file.sha256)))).toBe(file.sha256);
    expect(await downloaded(app, file.id)).toBe(file.sha256);
  }, 60_000);
});

describe('备份到U盘、从U盘添加备份带附件文件', () => {
  it('备份到…把附件文件放在同一文件夹的 files 下；另一台电脑从U盘添加后恢复，附件按校验值一致', async () => {
    let project: { id: number; name: string };
    ({ app, project } = await officeWithOneProject());
    const file = await attach(app, project.id, '带到U盘的批复.pdf', 'U盘');
    const stick = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-stick-'));
    dirs.push(stick);
    const { file: copy } = await app.ok('backups.copyTo', { folder: stick });
    expect(path.dirname(copy)).toBe(stick);
    expect(sha256(fs.readFileSync(attachmentFilePath(stick, file.sha256)))).toBe(file.sha256);
    await app.close();

    // another PC: a new library, the copy added from the stick and restored
    app = await createTempApp({ demo: true });
    const { added } = await app.ok('backups.addFrom', { folder: stick });
    expect(added).toHaveLength(1);
    const listed = (await app.ok('backups.list', {})).find((b) => b.fileName === added[0]);
    expect(listed?.files).toMatchObject({ count: 1, missing: 0, problem: null });
    const restored = await app.ok('backups.restore', { fileName: added[0] });
    expect(restored.missingFiles).toEqual([]);
    expect(await downloaded(app, file.id)).toBe(file.sha256);
  }, 60_000);
});

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyLibraryWithFiles } from '../../electron/services/attachments/library-copy';
import { createBackup } from '../../electron/services/backup';
import { attachmentFilePath } from '../../electron/services/attachments/file-paths';
import { freshDatabase } from '../helpers/postgres-database';
import { createTempApp, type TempApp } from '../helpers/temp-app';
import { makeTempDir } from '../helpers/temp-dir';

// Issue #17 on the database server: the engine copy moves the attachment files with the rows (SQLite file's
// folder ⇄ the server's --data-dir), and the server's own backups and restore carry them as a PC's do.

type Cleanup = () => Promise<void> | void;
const cleanups: Cleanup[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`, 'utf8');

async function serverApp(): Promise<TempApp> {
  const made = await createTempApp({ engine: 'postgres' });
  cleanups.push(() => made.close());
  return made;
}

/** A single PC's library, closed by the app (its WAL folded in) as a clerk would hand it over: its folder. */
async function closedLibrary(work: (pc: TempApp) => Promise<void>): Promise<string> {
  const pc = await createTempApp({ engine: 'sqlite' });
  cleanups.push(() => fs.rmSync(pc.dir, { recursive: true, force: true }));
  await work(pc);
  await pc.ctx.close();
  return pc.dir;
}

/** A blank office's one project (the example office has photos of its own, which would change every count here). */
async function theProject(app: TempApp): Promise<number> {
  const [project] = await app.ok('projects.list', {});
  if (project) return project.id;
  const { chains } = await app.ok('reference.list', {});
  const made = await app.ok('projects.create', {
    name: '城东标准厂房',
    stage: 'preliminary',
    chainId: chains[0].id,
    owner: '湘乡市城市建设投资有限公司',
  });
  return made.id;
}

async function attach(app: TempApp, text: string): Promise<{ id: number; sha256: string }> {
  return app.ok('attachments.add', {
    ownerKind: 'project',
    ownerId: await theProject(app),
    fileName: `${text}.pdf`,
    contentBase64: pdf(text).toString('base64'),
  });
}

function folder(prefix: string): string {
  const temp = makeTempDir(prefix);
  cleanups.push(temp.remove);
  return temp.dir;
}

const hashAt = (root: string, sha: string) => sha256(fs.readFileSync(attachmentFilePath(root, sha)));

describe('SQLite 与 PostgreSQL 之间复制带附件文件', () => {
  it('附件文件先于数据复制到目标的数据文件夹，逐个按校验值核对；往返后文件一致', async () => {
    const files: { id: number; sha256: string }[] = [];
    const dir = await closedLibrary(async (pc) => {
      files.push(await attach(pc, '环评批复'), await attach(pc, '施工许可证'));
      await pc.ok('attachments.remove', { id: files[1].id });
    });
    const source = path.join(dir, 'projects.sqlite');
    const database = await freshDatabase();
    cleanups.push(database.remove);

    // the server's folder must be named: nothing is copied without it
    await expect(copyLibraryWithFiles(source, database.url)).rejects.toThrow(
      '这个库有2个附件文件，请用 --data-dir 写明数据库服务器的数据文件夹',
    );

    const server = folder('zdxm-server-files-');
    const there = await copyLibraryWithFiles(source, database.url, { dataDir: server });
    expect(there.files).toMatchObject({ files: 2, copied: 2, missing: [] });
    for (const file of files) expect(hashAt(server, file.sha256)).toBe(file.sha256);

    // back out into a new file in another folder: the files go beside it
    const back = folder('zdxm-back-files-');
    const target = path.join(back, '服务器快照.sqlite');
    const out = await copyLibraryWithFiles(database.url, target, { dataDir: server });
    expect(out.files).toMatchObject({ files: 2, copied: 2, missing: [] });
    for (const file of files) expect(hashAt(back, file.sha256)).toBe(file.sha256);
  }, 120_000);

  it('源文件夹缺少或损坏附件文件：拒绝复制并说明哪个文件，数据库不动；加 --missing-files-ok 时复制并列出', async () => {
    let file = { id: 0, sha256: '' };
    const dir = await closedLibrary(async (pc) => {
      file = await attach(pc, '规划许可证');
    });
    fs.writeFileSync(attachmentFilePath(dir, file.sha256), pdf('被改过'));
    const database = await freshDatabase();
    cleanups.push(database.remove);
    const server = folder('zdxm-server-files-');
    const source = path.join(dir, 'projects.sqlite');
    await expect(copyLibraryWithFiles(source, database.url, { dataDir: server })).rejects.toThrow(
      '缺少1个附件文件：“规划许可证.pdf”',
    );
    // refused before the rows: the database is still empty, so a plain copy into it is not refused as “holds a library”
    const copied = await copyLibraryWithFiles(source, database.url, { dataDir: server, missingFilesOk: true });
    expect(copied.files.missing.map((row) => row.fileName)).toEqual(['规划许可证.pdf']);
    expect(fs.existsSync(attachmentFilePath(server, file.sha256))).toBe(false);
  }, 120_000);
});

describe('数据库服务器的备份与恢复带附件文件', () => {
  it('服务器的备份存入附件文件；文件丢失、附件被删后恢复，数据与文件一起回来，下载逐字节一致', async () => {
    const server = await serverApp();
    const file = await attach(server, '现场照片说明');
    const backup = await server.ok('backups.create', {});
    expect(backup.files).toMatchObject({ count: 1, missing: 0, problem: null });
    expect(hashAt(path.join(server.dir, 'backups'), file.sha256)).toBe(file.sha256);

    fs.rmSync(attachmentFilePath(server.dir, file.sha256));
    await server.ok('attachments.remove', { id: file.id });
    const restored = await server.ok('backups.restore', { fileName: backup.fileName });
    expect(restored.missingFiles).toEqual([]);
    const got = await server.ok('attachments.get', { id: file.id });
    expect(sha256(Buffer.from(got.contentBase64, 'base64'))).toBe(file.sha256);
    const [project] = await server.ok('projects.list', {});
    const live = await server.ok('attachments.list', { ownerKind: 'project', ownerId: project.id });
    expect(live.map((a) => a.id)).toEqual([file.id]);
  }, 120_000);
});

describe('数据库服务器上已删除附件的清除', () => {
  it('上月的月度备份做好之后的自动备份轮换清除已删除的附件和文件，变更记录写明；之后删除的保留', async () => {
    const server = await serverApp();
    const gone = await attach(server, '旧现场照片说明');
    await server.ok('attachments.remove', { id: gone.id });
    await createBackup(server.ctx, '自动备份-每日', new Date('2026-11-30T10:00:00Z'));
    const late = await attach(server, '十二月删除');
    await server.ok('attachments.remove', { id: late.id });
    await createBackup(server.ctx, '自动备份-每日', new Date('2026-12-01T10:00:00Z'));

    const [project] = await server.ok('projects.list', {});
    const left = await server.ok('attachments.listByProject', { projectId: project.id, includeDeleted: true });
    expect(left.map((a) => a.id)).toEqual([late.id]);
    expect(fs.existsSync(attachmentFilePath(server.dir, gone.sha256))).toBe(false);
    expect(hashAt(path.join(server.dir, 'backups'), gone.sha256)).toBe(gone.sha256);
    const history = JSON.stringify(await server.ok('audit.list', { kind: 'import', limit: 1000 }));
    expect(history).toContain('清除已删除的附件“旧现场照片说明.pdf”');
  }, 120_000);
});

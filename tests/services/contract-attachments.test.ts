import { createHash } from 'node:crypto';
import fs from 'node:fs';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../electron/api-spec';
import type { RequestCaller } from '../../electron/services/auth/caller';
import { attachmentFilePath } from '../../electron/services/attachments/file-paths';
import { purgeDeletedAttachments } from '../../electron/services/attachments/purge';
import { callerCalls } from '../helpers/caller-calls';
import { signedIn } from '../helpers/signed-in';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// 附件 (issue #17) through the contract, on both engines: real JPEG and PNG files made here, kept under the data
// folder by sha256, read back byte for byte, with thumbnails and previews; refusals by content; the limits per
// file and per project; soft deletion, restore and the monthly purge.

// pictures are made, encoded and shrunk in pure JavaScript: on two cores shared by several runs that takes seconds
vi.setConfig({ testTimeout: 30_000 });

let app: TempApp;
let projectId: number;
let otherProjectId: number;
let unitId: number;

/** A photo-like JPEG: smooth gradients, so it compresses as a photo does. */
function photo(width: number, height: number, quality = 90): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      data[p] = (x * 255) / width;
      data[p + 1] = (y * 255) / height;
      data[p + 2] = 128 + 100 * Math.sin(x / 15) * Math.cos(y / 20);
      data[p + 3] = 255;
    }
  }
  return jpeg.encode({ width, height, data }, quality).data;
}

/** A PNG with a transparent half (a scanned stamp, a screenshot). */
function png(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    image.data[i * 4] = 200;
    image.data[i * 4 + 1] = 30;
    image.data[i * 4 + 2] = 30;
    image.data[i * 4 + 3] = i % width < width / 2 ? 255 : 0;
  }
  return PNG.sync.write(image);
}

/** Random bytes of a given length behind a PDF header: incompressible, as a real scan is. */
function pdf(bytes: number): Buffer {
  const body = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) body[i] = (i * 2654435761) >>> 24;
  Buffer.from('%PDF-1.7\n').copy(body);
  return body;
}

const b64 = (bytes: Buffer) => bytes.toString('base64');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function refusal(result: ApiResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

beforeEach(async () => {
  app = await createTempApp({ today: '2026-12-07' });
  const reference = await app.ok('reference.list', {});
  const units = (await app.ok('reference.saveUnit', { name: '市住建局' })).units;
  unitId = units.find((u) => u.name === '市住建局')!.id;
  const created = await app.ok('projects.create', {
    name: '湘乡经开区标准厂房三期',
    owner: '湘乡经开区建设公司',
    chainId: reference.chains[0].id,
    stage: 'continuing',
    actualStartDate: '2026-03-01',
    leadUnitId: unitId,
  });
  projectId = created.id;
  const other = await app.ok('projects.create', {
    name: '东山污水处理厂',
    owner: '城发集团',
    chainId: reference.chains[1].id,
    stage: 'preliminary',
  });
  otherProjectId = other.id;
});
afterEach(() => app.close());

describe('附件：上传、缩略图、下载', () => {
  it('照片上传后原样取回（逐字节相同），有不超过240像素的缩略图和不超过1600像素的预览图', async () => {
    const bytes = photo(2000, 1000);
    const added = await app.ok('attachments.add', {
      ownerKind: 'project',
      ownerId: projectId,
      fileName: '现场照片.jpg',
      contentBase64: b64(bytes),
      caption: '主体结构封顶',
    });
    expect(added).toEqual({ id: expect.any(Number), sha256: sha(bytes), projectId });
    // kept under the data folder by its sha256
    expect(fs.readFileSync(attachmentFilePath(app.dir, added.sha256)).equals(bytes)).toBe(true);

    const got = await app.ok('attachments.get', { id: added.id });
    expect(got).toMatchObject({ fileName: '现场照片.jpg', mimeType: 'image/jpeg', sizeBytes: bytes.length });
    expect(Buffer.from(got.contentBase64, 'base64').equals(bytes)).toBe(true);

    const thumbnail = await app.ok('attachments.thumbnail', { id: added.id });
    expect(thumbnail?.mimeType).toBe('image/jpeg');
    const small = jpeg.decode(Buffer.from(thumbnail!.contentBase64, 'base64'));
    expect([small.width, small.height]).toEqual([240, 120]);
    // the gradient survives the shrinking: red grows from left to right
    const red = (x: number) => small.data[(60 * small.width + x) * 4];
    expect(red(230)).toBeGreaterThan(red(10) + 150);

    const preview = await app.ok('attachments.preview', { id: added.id });
    const large = jpeg.decode(Buffer.from(preview!.contentBase64, 'base64'));
    expect([large.width, large.height]).toEqual([1600, 800]);

    // the thumbnails are derived: gone (not backed up, say), they are made again
    fs.rmSync(`${app.dir}/thumbnails`, { recursive: true, force: true });
    const again = await app.ok('attachments.thumbnail', { id: added.id });
    expect(jpeg.decode(Buffer.from(again!.contentBase64, 'base64')).width).toBe(240);
  }, 60_000);

  it('PNG 的透明部分在缩略图上为白色；小图不放大；PDF 没有缩略图', async () => {
    const image = png(200, 100);
    const added = await app.ok('attachments.add', {
      ownerKind: 'project',
      ownerId: projectId,
      fileName: '印章.png',
      contentBase64: b64(image),
    });
    const got = await app.ok('attachments.get', { id: added.id });
    expect(got.mimeType).toBe('image/png');
    expect(Buffer.from(got.contentBase64, 'base64').equals(image)).toBe(true);
    const thumbnail = jpeg.decode(
      Buffer.from((await app.ok('attachments.thumbnail', { id: added.id }))!.contentBase64, 'base64'),
    );
    expect([thumbnail.width, thumbnail.height]).toEqual([200, 100]);
    const at = (x: number) => Array.from(thumbnail.data.subarray((50 * 200 + x) * 4, (50 * 200 + x) * 4 + 3));
    expect(at(20)[0]).toBeGreaterThan(170);
    expect(at(20)[1]).toBeLessThan(70);
    for (const channel of at(180)) expect(channel).toBeGreaterThan(240);

    const scan = await app.ok('attachments.add', {
      ownerKind: 'project',
      ownerId: projectId,
      fileName: '环评批复.pdf',
      contentBase64: b64(pdf(5000)),
    });
    expect(await app.ok('attachments.thumbnail', { id: scan.id })).toBeNull();
    expect(await app.ok('attachments.preview', { id: scan.id })).toBeNull();
    const listed = await app.ok('attachments.list', { ownerKind: 'project', ownerId: projectId });
    expect(listed.map((a) => [a.fileName, a.fileKind, a.mimeType])).toEqual([
      ['印章.png', 'image', 'image/png'],
      ['环评批复.pdf', 'pdf', 'application/pdf'],
    ]);
  });

  it('同一文件上传两次只存一份；两条附件各自可删', async () => {
    const bytes = photo(300, 200);
    const first = await app.ok('attachments.add', {
      ownerKind: 'project',
      ownerId: projectId,
      fileName: 'a.jpg',
      contentBase64: b64(bytes),
    });
    const file = attachmentFilePath(app.dir, first.sha256);
    const written = fs.statSync(file).mtimeMs;
    const second = await app.ok('attachments.add', {
      ownerKind: 'project',
      ownerId: otherProjectId,
      fileName: 'b.jpg',
      contentBase64: b64(bytes),
    });
    expect(second.sha256).toBe(first.sha256);
    expect(second.id).not.toBe(first.id);
    expect(fs.statSync(file).mtimeMs).toBe(written);
  });

  it('项目、周调度、问题上的附件都列在项目下，各注明所属', async () => {
    const week = await app.ok('dispatch.saveEntry', {
      projectId,
      week: '2026-W49',
      progress: '主体结构施工',
      version: 0,
    });
    const entryId = week.entryId!;
    const problem = await app.ok('problems.create', {
      projectId,
      description: '施工用电未接入',
      category: 'other',
    });
    const add = (ownerKind: 'project' | 'entry' | 'problem', ownerId: number, fileName: string) =>
      app.ok('attachments.add', { ownerKind, ownerId, fileName, contentBase64: b64(photo(64, 48)) });
    await add('project', projectId, '效果图.jpg');
    await add('entry', entryId, '现场照片.jpg');
    await add('problem', problem.id, '问题照片.jpg');
    await add('project', otherProjectId, '别的项目.jpg');

    const all = await app.ok('attachments.listByProject', { projectId });
    expect(all.map((a) => [a.fileName, a.ownerKind, a.ownerLabel, a.projectId])).toEqual([
      ['效果图.jpg', 'project', '项目', projectId],
      ['现场照片.jpg', 'entry', '2026年第49周调度', projectId],
      ['问题照片.jpg', 'problem', `问题 ${problem.code}`, projectId],
    ]);
    expect(all[0]).toMatchObject({ createdBy: '测试填报人', caption: '', deletedAt: null, deletedBy: null });
    const ofEntry = await app.ok('attachments.list', { ownerKind: 'entry', ownerId: entryId });
    expect(ofEntry.map((a) => a.fileName)).toEqual(['现场照片.jpg']);

    // 变更记录 of the project says what was uploaded, where
    const history = await app.ok('projects.history', { id: projectId });
    const lines = history.filter((h) => h.fieldLabel === '附件').map((h) => h.newValue);
    expect(lines).toEqual(
      expect.arrayContaining([
        '附件 效果图.jpg 已上传',
        '附件 现场照片.jpg 已上传（2026年第49周调度）',
        `附件 问题照片.jpg 已上传（问题 ${problem.code}）`,
      ]),
    );
  });

  it('上传、删除、恢复告诉打开着的屏幕：该项目有变更', async () => {
    const heard: { kind: string; ids: number[]; method: string; names: string[] }[] = [];
    const stop = app.ctx.changes.subscribe((event) => heard.push(event));
    const added = await app.ok('attachments.add', {
      ownerKind: 'project',
      ownerId: projectId,
      fileName: '现场照片.jpg',
      contentBase64: b64(photo(32, 24)),
    });
    await app.ok('attachments.remove', { id: added.id });
    await app.ok('attachments.restore', { id: added.id });
    await app.ok('attachments.listByProject', { projectId });
    stop();
    expect(heard.map((e) => [e.kind, e.ids, e.method, e.names])).toEqual(
      ['attachments.add', 'attachments.remove', 'attachments.restore'].map((method) => [
        'project',
        [projectId],
        method,
        ['湘乡经开区标准厂房三期'],
      ]),
    );
  });

  it('附件说明可以修改，变更记录有原值和新值', async () => {
    const added = await app.ok('attachments.add', {
      ownerKind: 'project',
      ownerId: projectId,
      fileName: '现场照片.jpg',
      contentBase64: b64(photo(64, 48)),
      caption: '基础施工',
    });
    const changed = await app.ok('attachments.setCaption', { id: added.id, caption: '主体结构施工至三层', version: 1 });
    expect(changed).toMatchObject({ caption: '主体结构施工至三层', version: 2 });
    // another screen that read version 1 is refused, told who changed it; nothing is written
    const stale = refusal(await app.call('attachments.setCaption', { id: added.id, caption: '旧的说明', version: 1 }));
    expect(stale).toMatchObject({ code: 'conflict', conflict: { by: '测试填报人', version: 2 } });
    expect(refusal(await app.call('attachments.remove', { id: added.id, version: 1 })).code).toBe('conflict');
    expect((await app.ok('attachments.list', { ownerKind: 'project', ownerId: projectId }))[0]).toMatchObject({
      caption: '主体结构施工至三层',
      deletedAt: null,
    });
    const line = (await app.ok('projects.history', { id: projectId })).find((h) => h.fieldLabel === '附件说明');
    expect(line).toMatchObject({ oldValue: '现场照片.jpg：基础施工', newValue: '现场照片.jpg：主体结构施工至三层' });
  });
});

describe('附件：按内容拒收', () => {
  const send = (fileName: string, bytes: Buffer) =>
    app.call('attachments.add', { ownerKind: 'project', ownerId: projectId, fileName, contentBase64: b64(bytes) });
  const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(200, 7)]);

  it('改名为 .pdf 的可执行程序被拒收，说明文件名，什么也不写', async () => {
    const error = refusal(await send('x.pdf', exe));
    expect(error.message).toBe('文件“x.pdf”实际是可执行程序，不能作为附件');
    expect(await app.ok('attachments.listByProject', { projectId, includeDeleted: true })).toEqual([]);
    expect(fs.existsSync(`${app.dir}/files`)).toBe(false);
  });

  it('脚本（#! 开头，或 .js/.bat 等扩展名即使内容无害）、空文件、损坏的 HEIC、压缩包都被拒收并说明', async () => {
    expect(refusal(await send('部署.txt', Buffer.from('#!/bin/sh\necho hi\n'))).message).toBe(
      '文件“部署.txt”是脚本或程序文件，不能作为附件',
    );
    expect(refusal(await send('说明.js', Buffer.from('%PDF-1.4 harmless'))).message).toBe(
      '文件“说明.js”是脚本或程序文件，不能作为附件',
    );
    expect(refusal(await send('run.bat', Buffer.from('echo off'))).message).toMatch(/run\.bat.*脚本或程序文件/);
    expect(refusal(await send('空.jpg', Buffer.alloc(0)))).toMatchObject({
      code: 'empty_file',
      message: '文件“空.jpg”是空文件（0字节），未上传',
    });
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypheic\0\0\0\0mif1heic'),
      Buffer.alloc(100, 3),
    ]);
    expect(refusal(await send('IMG_0001.HEIC', heic)).message).toMatch(/IMG_0001\.HEIC.*HEIC.*导出为JPEG/);
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]);
    expect(refusal(await send('资料.zip', zip)).message).toMatch(/压缩包/);
    expect(refusal(await send('照片.pdf', photo(32, 32))).message).toBe(
      '文件“照片.pdf”的内容是JPEG图片，与扩展名“.pdf”不符，请改正扩展名后再上传',
    );
    expect(refusal(await send('../etc/a.jpg', photo(32, 32))).message).toMatch(/路径分隔符或控制字符/);
    expect(await app.ok('attachments.listByProject', { projectId, includeDeleted: true })).toEqual([]);
  });

  it('超过每个附件的上限被拒收；超过每个项目的上限被拒收；设置可调整上限', async () => {
    await app.ok('settings.update', { attachmentLimits: { fileMegabytes: 1, projectMegabytes: 2 } });
    expect((await app.ok('settings.get', {})).attachmentLimits).toEqual({ fileMegabytes: 1, projectMegabytes: 2 });
    const big = refusal(await send('扫描件.pdf', pdf(1_500_000)));
    expect(big.code).toBe('file_too_large');
    expect(big.message).toBe(
      '文件“扫描件.pdf”有1.4 MB，超过每个附件1 MB的上限，未上传。照片可先压缩，扫描件可降低分辨率后再试',
    );
    expect((await send('一.pdf', pdf(900_000))).ok).toBe(true);
    expect((await send('二.pdf', pdf(900_001))).ok).toBe(true);
    const full = refusal(await send('三.pdf', pdf(900_002)));
    expect(full.code).toBe('project_limit');
    expect(full.message).toMatch(/^该项目的附件已有1\.7 MB，再上传879 KB将超过每个项目2 MB的上限，未上传/);
    // the other project has room of its own
    const elsewhere = await app.call('attachments.add', {
      ownerKind: 'project',
      ownerId: otherProjectId,
      fileName: '三.pdf',
      contentBase64: b64(pdf(900_002)),
    });
    expect(elsewhere.ok).toBe(true);
    // a deleted attachment no longer counts, and its restore counts again
    const [one] = await app.ok('attachments.list', { ownerKind: 'project', ownerId: projectId });
    await app.ok('attachments.remove', { id: one.id });
    expect((await send('三.pdf', pdf(900_002))).ok).toBe(true);
    expect(refusal(await app.call('attachments.restore', { id: one.id })).code).toBe('project_limit');
    expect(
      refusal(await app.call('settings.update', { attachmentLimits: { fileMegabytes: 21, projectMegabytes: 2 } }))
        .message,
    ).toBe('每个附件的上限应在1—20 MB之间');
  });

  it('所属对象不存在时拒收', async () => {
    const photoBytes = b64(photo(16, 16));
    for (const [ownerKind, message] of [
      ['project', '找不到该项目'],
      ['problem', '找不到该问题'],
      ['entry', '请先保存本周调度'],
      ['approval', '找不到该前期手续事项'],
    ] as const) {
      const error = refusal(
        await app.call('attachments.add', { ownerKind, ownerId: 99_999, fileName: 'a.jpg', contentBase64: photoBytes }),
      );
      expect(error.message).toContain(message);
    }
  });
});

describe('附件：前期手续事项', () => {
  it('清单的事项可有附件，列表以事项名称注明所属', async () => {
    const checklist = await app.ok('approvals.save', {
      projectId,
      items: [
        {
          name: '环评批复',
          department: '生态环境局',
          plannedDate: null,
          actualDate: null,
          docNumber: '',
          status: 'in_progress',
          note: '',
        },
      ],
    });
    const itemId = checklist.items[0].id;
    const added = await app.ok('attachments.add', {
      ownerKind: 'approval',
      ownerId: itemId,
      fileName: '环评批复.pdf',
      contentBase64: b64(pdf(3000)),
    });
    expect(added.projectId).toBe(projectId);
    const listed = await app.ok('attachments.listByProject', { projectId });
    expect(listed.map((a) => [a.ownerKind, a.ownerLabel])).toEqual([['approval', '环评批复']]);
    expect(
      refusal(
        await app.call('attachments.add', {
          ownerKind: 'approval',
          ownerId: itemId + 1,
          fileName: 'a.pdf',
          contentBase64: b64(pdf(100)),
        }),
      ).message,
    ).toContain('找不到该前期手续事项');

    // the item cannot be dropped from the checklist while it holds a scan; once the scan is deleted it can
    const drop = () => app.call('approvals.save', { projectId, items: [], readIds: [itemId] });
    expect(refusal(await drop()).message).toBe(
      '手续“环评批复”有1个附件，请先删除其附件再删去此项（不需办理的可改状态）',
    );
    await app.ok('attachments.remove', { id: added.id });
    expect((await drop()).ok).toBe(true);
  });
});

describe('附件：删除与恢复', () => {
  it('删除后不在列表中、仍可取回；“含已删除”列出删除人和时间；恢复后回到列表；变更记录各有一行', async () => {
    const bytes = photo(120, 90);
    const added = await app.ok('attachments.add', {
      ownerKind: 'project',
      ownerId: projectId,
      fileName: '现场照片.jpg',
      contentBase64: b64(bytes),
    });
    const removed = await app.ok('attachments.remove', { id: added.id });
    expect(removed).toMatchObject({ deletedBy: '测试填报人', deletedAt: expect.stringMatching(/^\d{4}-/) });
    expect(await app.ok('attachments.list', { ownerKind: 'project', ownerId: projectId })).toEqual([]);
    expect(await app.ok('attachments.listByProject', { projectId })).toEqual([]);
    const withDeleted = await app.ok('attachments.listByProject', { projectId, includeDeleted: true });
    expect(withDeleted.map((a) => [a.fileName, a.deletedBy])).toEqual([['现场照片.jpg', '测试填报人']]);
    // still there until the purge
    const got = await app.ok('attachments.get', { id: added.id });
    expect(Buffer.from(got.contentBase64, 'base64').equals(bytes)).toBe(true);
    expect(refusal(await app.call('attachments.remove', { id: added.id })).message).toBe('附件“现场照片.jpg”已删除');
    expect(refusal(await app.call('attachments.setCaption', { id: added.id, caption: 'x' })).message).toMatch(
      /请先恢复/,
    );

    const restored = await app.ok('attachments.restore', { id: added.id });
    expect(restored).toMatchObject({ deletedAt: null, deletedBy: null });
    expect((await app.ok('attachments.list', { ownerKind: 'project', ownerId: projectId })).length).toBe(1);
    expect(refusal(await app.call('attachments.restore', { id: added.id })).message).toMatch(/未被删除/);

    const lines = (await app.ok('projects.history', { id: projectId }))
      .filter((h) => h.fieldLabel === '附件')
      .map((h) => h.newValue);
    expect(lines).toEqual(['附件 现场照片.jpg 已恢复', '附件 现场照片.jpg 已删除', '附件 现场照片.jpg 已上传']);
  });

  it('月度清除：删除早于期限的附件连同不再被引用的文件清除；仍被引用的文件和未删除的附件保留', async () => {
    const shared = photo(100, 80);
    const alone = photo(90, 70);
    const add = async (fileName: string, bytes: Buffer) =>
      app.ok('attachments.add', { ownerKind: 'project', ownerId: projectId, fileName, contentBase64: b64(bytes) });
    const a = await add('a.jpg', shared);
    const b = await add('b.jpg', shared);
    const c = await add('c.jpg', alone);
    await app.ok('attachments.remove', { id: a.id });
    await app.ok('attachments.remove', { id: c.id });
    const later = new Date(Date.now() + 60_000).toISOString();

    // nothing deleted before an earlier moment
    expect(await purgeDeletedAttachments(app.ctx.store, app.dir, '2026-01-01')).toEqual({ rows: 0, files: 0 });
    expect(await purgeDeletedAttachments(app.ctx.store, app.dir, later)).toEqual({ rows: 2, files: 1 });
    expect(fs.existsSync(attachmentFilePath(app.dir, c.sha256))).toBe(false);
    expect(fs.existsSync(attachmentFilePath(app.dir, b.sha256))).toBe(true);
    const left = await app.ok('attachments.listByProject', { projectId, includeDeleted: true });
    expect(left.map((x) => x.fileName)).toEqual(['b.jpg']);
    expect(refusal(await app.call('attachments.get', { id: c.id })).code).toBe('not_found');
  });

  it('文件缺失时取回说明原因', async () => {
    const added = await app.ok('attachments.add', {
      ownerKind: 'project',
      ownerId: projectId,
      fileName: '现场照片.jpg',
      contentBase64: b64(photo(40, 30)),
    });
    fs.rmSync(attachmentFilePath(app.dir, added.sha256));
    expect(refusal(await app.call('attachments.get', { id: added.id }))).toMatchObject({
      code: 'file_missing',
      message: expect.stringContaining('现场照片.jpg'),
    });
  });
});

describe('附件：谁可以做什么（办公室服务器）', () => {
  it('责任单位可给本单位项目的周调度上传照片并查看本项目附件；不能传到项目本身、别的项目，不能删除；领导只读', async () => {
    const { ok, refusal: refused } = callerCalls(() => app.ctx);
    const unit = (await signedIn(app.ctx.store, {
      login: 'zjj',
      displayName: '住建局小王',
      role: 'unit',
      unitId,
    })) as RequestCaller;
    const leader = (await signedIn(app.ctx.store, {
      login: 'ld',
      displayName: '李领导',
      role: 'leader',
    })) as RequestCaller;
    const entry = await app.ok('dispatch.saveEntry', { projectId, week: '2026-W49', progress: '施工中', version: 0 });
    const otherEntry = await app.ok('dispatch.saveEntry', {
      projectId: otherProjectId,
      week: '2026-W49',
      progress: '前期',
      version: 0,
    });
    const photoBytes = b64(photo(64, 48));

    const added = await ok(
      'attachments.add',
      { ownerKind: 'entry', ownerId: entry.entryId!, fileName: '现场照片.jpg', contentBase64: photoBytes },
      unit,
    );
    expect((await ok('attachments.listByProject', { projectId }, unit)).map((a) => a.createdBy)).toEqual([
      '住建局小王（192.168.1.23）',
    ]);
    expect(await ok('attachments.thumbnail', { id: added.id }, unit)).not.toBeNull();
    expect(
      (
        await refused(
          'attachments.add',
          { ownerKind: 'project', ownerId: projectId, fileName: 'a.jpg', contentBase64: photoBytes },
          unit,
        )
      ).code,
    ).toBe('forbidden');
    expect(
      (
        await refused(
          'attachments.add',
          { ownerKind: 'entry', ownerId: otherEntry.entryId!, fileName: 'a.jpg', contentBase64: photoBytes },
          unit,
        )
      ).code,
    ).toBe('forbidden');
    expect((await refused('attachments.remove', { id: added.id }, unit)).code).toBe('forbidden');
    expect((await refused('attachments.listByProject', { projectId: otherProjectId }, unit)).code).toBe('forbidden');

    expect((await ok('attachments.get', { id: added.id }, leader)).fileName).toBe('现场照片.jpg');
    expect((await refused('attachments.remove', { id: added.id }, leader)).code).toBe('forbidden');
  });
});

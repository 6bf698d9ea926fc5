import jpeg from 'jpeg-js';
import { afterEach, describe, expect, it } from 'vitest';
import { demoPhoto } from '../../electron/services/demo-photos';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// The example office's 现场照片: real JPEGs, the same bytes every time, on this week's entries of a few projects,
// on a project (with a PDF) and on a problem; their thumbnails are made on the first look.

let app: TempApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('示例数据的现场照片', () => {
  it('每次画出的照片逐字节相同，是可解码的 JPEG', () => {
    const photo = demoPhoto('tower', 'seed');
    expect(demoPhoto('tower', 'seed').equals(photo)).toBe(true);
    const decoded = jpeg.decode(photo);
    expect([decoded.width, decoded.height]).toEqual([256, 192]);
  });

  it('本周有三个项目的调度填报带照片；第一个项目还有项目本身的照片、许可证PDF和问题照片，缩略图可看', async () => {
    app = await createTempApp({ demo: true, today: '2026-11-26' });
    const sheet = await app.ok('attachments.photoSheet', { week: '2026-W48' });
    expect(sheet.projects).toHaveLength(3);
    expect(sheet.projects.flatMap((p) => p.photos.map((photo) => photo.caption))).toContain('厂房钢结构吊装');
    const withProjectFiles = await Promise.all(
      sheet.projects.map((p) => app!.ok('attachments.listByProject', { projectId: p.projectId })),
    );
    const first = withProjectFiles.find((list) => list.some((a) => a.ownerKind === 'project'))!;
    expect(first.map((a) => [a.ownerKind, a.fileKind]).sort()).toEqual(
      [
        ['entry', 'image'],
        ['entry', 'image'],
        ['entry', 'image'],
        ['problem', 'image'],
        ['project', 'image'],
        ['project', 'pdf'],
      ].sort(),
    );
    expect(first.find((a) => a.ownerKind === 'entry' && a.ownerLabel === '2026年第47周调度')).toBeTruthy();
    const thumbnail = await app.ok('attachments.thumbnail', { id: first.find((a) => a.fileKind === 'image')!.id });
    expect(thumbnail?.mimeType).toBe('image/jpeg');
    const history = await app.ok('projects.history', { id: first[0].projectId });
    expect(JSON.stringify(history)).toContain('施工许可证.pdf');
  });
});

import jpeg from 'jpeg-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// attachments.photoSheet: which photos the printed 现场照片 holds. On SQLite here and on PostgreSQL in the
// postgres-suites project (contract-*). Today is Thursday 2026-11-26, in week 48.

const TODAY = '2026-11-26';
const WEEK = '2026-W48';
const LAST_WEEK = '2026-W47';

function photo(shade: number): string {
  const data = Buffer.alloc(32 * 24 * 4, shade);
  return jpeg.encode({ data, width: 32, height: 24 }, 80).data.toString('base64');
}
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');

describe('现场照片（attachments.photoSheet）', () => {
  let app: TempApp;
  beforeEach(async () => {
    app = await createTempApp({ today: TODAY });
  });
  afterEach(() => app.close());

  const refusal = async (input: unknown) => {
    const result = await app.call('attachments.photoSheet', input);
    if (result.ok) throw new Error('attachments.photoSheet was expected to be refused');
    return result.error;
  };

  async function project(name: string) {
    const { chains } = await app.ok('reference.list', {});
    return app.ok('projects.create', {
      name,
      owner: '某公司',
      chainId: chains[0].id,
      stage: 'continuing',
      actualStartDate: '2025-05-01',
    });
  }

  async function entry(projectId: number, week: string): Promise<number> {
    const row = await app.ok('dispatch.saveEntry', { projectId, week, progress: `${week}进展` });
    return row.entryId!;
  }

  it('按调度周：只取该周调度填报上的照片，项目按编号排列；PDF和已删除的不在其中', async () => {
    const a = await project('城西污水处理厂二期');
    const b = await project('电子信息产业园三期');
    const c = await project('没有照片的项目');
    const aWeek = await entry(a.id, WEEK);
    const aLast = await entry(a.id, LAST_WEEK);
    const bWeek = await entry(b.id, WEEK);
    await entry(c.id, WEEK);
    const add = (ownerKind: 'entry' | 'project', ownerId: number, fileName: string, content = photo(120)) =>
      app.ok('attachments.add', { ownerKind, ownerId, fileName, contentBase64: content, caption: `${fileName}说明` });
    const a1 = await add('entry', aWeek, 'a1.jpg');
    await add('entry', aLast, 'a-上周.jpg');
    await add('project', a.id, 'a-项目.jpg');
    await add('entry', aWeek, 'a-函.pdf', PDF);
    const a2 = await add('entry', aWeek, 'a2.jpg', photo(60));
    const bGone = await add('entry', bWeek, 'b-删.jpg');
    const b1 = await add('entry', bWeek, 'b1.jpg');
    await app.ok('attachments.remove', { id: bGone.id });

    const sheet = await app.ok('attachments.photoSheet', { week: WEEK });
    expect(sheet.week).toBe(WEEK);
    expect(sheet.withoutPhotos).toEqual([]);
    const codes = [a.code, b.code].sort();
    expect(sheet.projects.map((p) => p.code)).toEqual(codes);
    const ofA = sheet.projects.find((p) => p.projectId === a.id)!;
    expect(ofA.name).toBe('城西污水处理厂二期');
    expect(ofA.photos).toEqual([
      {
        id: a1.id,
        caption: 'a1.jpg说明',
        fileName: 'a1.jpg',
        ownerLabel: '2026年第48周调度',
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        createdBy: expect.any(String),
      },
      expect.objectContaining({ id: a2.id, fileName: 'a2.jpg' }),
    ]);
    expect(sheet.projects.find((p) => p.projectId === b.id)!.photos.map((p) => p.id)).toEqual([b1.id]);

    // the chosen projects of that week: a project without photos is named, not dropped silently
    const chosen = await app.ok('attachments.photoSheet', { week: WEEK, projectIds: [b.id, c.id] });
    expect(chosen.projects.map((p) => p.projectId)).toEqual([b.id]);
    expect(chosen.withoutPhotos).toEqual(['没有照片的项目']);
  });

  it('按项目：项目的全部照片，项目本身的在前、周调度的在后；按所给的顺序', async () => {
    const a = await project('甲项目');
    const b = await project('乙项目');
    const aWeek = await entry(a.id, WEEK);
    const onEntry = await app.ok('attachments.add', {
      ownerKind: 'entry',
      ownerId: aWeek,
      fileName: '周.jpg',
      contentBase64: photo(30),
    });
    const onProject = await app.ok('attachments.add', {
      ownerKind: 'project',
      ownerId: a.id,
      fileName: '全景.jpg',
      contentBase64: photo(200),
    });
    await app.ok('attachments.add', {
      ownerKind: 'project',
      ownerId: b.id,
      fileName: '乙.jpg',
      contentBase64: photo(90),
    });

    const sheet = await app.ok('attachments.photoSheet', { projectIds: [b.id, a.id] });
    expect(sheet.week).toBeNull();
    expect(sheet.projects.map((p) => p.name)).toEqual(['乙项目', '甲项目']);
    const ofA = sheet.projects[1].photos;
    expect(ofA.map((p) => [p.id, p.ownerLabel])).toEqual([
      [onProject.id, '项目'],
      [onEntry.id, '2026年第48周调度'],
    ]);
  });

  it('不给项目也不给周、项目不存在、周不对：说明原因', async () => {
    expect((await refusal({})).message).toBe('请选择项目或调度周');
    expect((await refusal({ projectIds: [] })).message).toBe('请先选择项目');
    expect((await refusal({ projectIds: [999] })).message).toBe('所选项目中有找不到的项目，可能已被删除');
    expect((await refusal({ week: '2026-W99' })).message).toBe('调度周格式不正确，或该年没有这一周');
    const empty = await app.ok('attachments.photoSheet', { week: WEEK });
    expect(empty.projects).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  photoCaption,
  photoPages,
  photoSource,
  type PhotoSheetPhoto,
  type PhotoSheetProject,
} from '../../db/model/photo-sheet';
import { photoSheetPdfName, photoSheetRoute, readPhotoSheetChoice } from '../../renderer/print/photo-sheet-route';

const photo = (id: number, caption = ''): PhotoSheetPhoto => ({
  id,
  caption,
  fileName: `IMG_${id}.jpg`,
  ownerLabel: '2026年第48周调度',
  createdAt: '2026-11-25T09:30:00.000Z',
  createdBy: '张三',
});
const project = (projectId: number, count: number, from = projectId * 100): PhotoSheetProject => ({
  projectId,
  code: `XM-2026-${String(projectId).padStart(3, '0')}`,
  name: `项目${projectId}`,
  photos: Array.from({ length: count }, (_, i) => photo(from + i)),
});

/** Each page as “project:photo ids” per row, with ^ for a heading and + for （续）. */
const shape = (pages: ReturnType<typeof photoPages>) =>
  pages.map((page) =>
    page.rows.map(
      (row) =>
        `${row.heading ? '^' : ''}${row.continued ? '+' : ''}${row.project.projectId}:${row.photos.map((p) => p.id).join(',')}`,
    ),
  );

describe('现场照片的分页', () => {
  it('每页4张：两行两列，项目接着排，换项目的行有项目名', () => {
    const pages = photoPages({ projects: [project(1, 3), project(2, 2), project(3, 1)] }, 4);
    expect(shape(pages)).toEqual([
      ['^1:100,101', '+1:102'],
      ['^2:200,201', '^3:300'],
    ]);
  });

  it('一个项目的照片跨页时，新页的第一行重复项目名并注明（续）', () => {
    const pages = photoPages({ projects: [project(1, 9)] }, 4);
    expect(shape(pages)).toEqual([['^1:100,101', '+1:102,103'], ['^+1:104,105', '+1:106,107'], ['^+1:108']]);
  });

  it('每页2张：一行一张，大图', () => {
    const pages = photoPages({ projects: [project(1, 3)] }, 2);
    expect(shape(pages)).toEqual([['^1:100', '+1:101'], ['^+1:102']]);
  });

  it('没有照片就没有页', () => {
    expect(photoPages({ projects: [] }, 4)).toEqual([]);
  });

  it('说明：填写的说明优先，否则用文件名（不含扩展名）；第二行是所属、日期和上传人', () => {
    expect(photoCaption(photo(1, '  主体结构封顶  '))).toBe('主体结构封顶');
    expect(photoCaption({ caption: '', fileName: '东侧.现场.jpg' })).toBe('东侧.现场');
    expect(photoCaption({ caption: '', fileName: '无扩展名' })).toBe('无扩展名');
    expect(photoSource(photo(1))).toBe('2026年第48周调度 · 2026-11-25 · 张三');
  });
});

describe('现场照片的打印地址', () => {
  it('项目、调度周、每页张数写进地址，读回来相同', () => {
    const route = photoSheetRoute({ projectIds: [12, 30], week: '2026-W48', perPage: 2 });
    expect(route).toBe('/print/photos?projects=12,30&week=2026-W48&per=2');
    expect(readPhotoSheetChoice(route.split('?')[1])).toEqual({ projectIds: [12, 30], week: '2026-W48', perPage: 2 });
    expect(photoSheetRoute({ week: '2026-W48' })).toBe('/print/photos?week=2026-W48');
  });

  it('地址中不对的项目号、不存在的周和别的张数被忽略', () => {
    expect(readPhotoSheetChoice('projects=1,x,-3,1,0,7&week=2027-W53&per=9')).toEqual({
      projectIds: [1, 7],
      week: null,
      perPage: 4,
    });
  });

  it('PDF 文件名：一个项目用项目名，调度会用周次', () => {
    expect(photoSheetPdfName({ week: null }, ['城西污水处理厂二期'])).toBe('现场照片-城西污水处理厂二期.pdf');
    expect(photoSheetPdfName({ week: '2026-W48' }, ['a', 'b'])).toBe('现场照片-2026年第48周.pdf');
    expect(photoSheetPdfName({ week: null }, ['a', 'b', 'c'])).toBe('现场照片（3个项目）.pdf');
  });
});

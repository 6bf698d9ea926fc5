import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProjectListRow } from '../../db/model/project-list';
import { HistoryPage } from '../../renderer/pages/history/HistoryPage';
import type { TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

const HOSTILE_NOTE = '<img src=x onerror=alert(1)>';
const FORMULA_OWNER = '=HYPERLINK("http://x","点此查看")';
const NEW_NAME = '城东污水处理厂提质扩容工程';

// One demo database for the whole file: the tests only read after the edits made here.
let app: TempApp;
let edited: ProjectListRow;
let noteBefore: string;

beforeAll(async () => {
  app = await installRealApi({ demo: true });
  await app.ok('settings.update', { operatorName: '李晓梅' });
  edited = (await app.ok('projects.list', {}))[0];
  noteBefore = (await app.ok('projects.get', { id: edited.id })).note;
  await app.ok('projects.update', { id: edited.id, note: HOSTILE_NOTE });
  await app.ok('projects.update', { id: edited.id, owner: FORMULA_OWNER });
  await app.ok('projects.update', { id: edited.id, name: NEW_NAME });
});
afterAll(() => app?.close());

const renderHistory = (path = '/history') => renderPage(<HistoryPage />, { path });

const COLUMNS = ['时间', '操作人', '对象', '操作', '项目', '原值', '新值'] as const;
type Line = Record<(typeof COLUMNS)[number], string> & { id: number };

/** The table's lines as the clerk reads them, cell by cell under their headings. */
function lines(): Line[] {
  const headings = [...document.querySelectorAll('.hist-table thead th')]
    .map((th) => th.textContent ?? '')
    .filter((text) => (COLUMNS as readonly string[]).includes(text));
  return [...document.querySelectorAll<HTMLElement>('.hist-table tbody tr.ant-table-row')].map((tr) => {
    const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
    const line = Object.fromEntries(headings.map((name, i) => [name, cells[i]])) as Omit<Line, 'id'>;
    return { ...line, id: Number(tr.dataset.rowKey) };
  });
}

const countText = () => screen.getByLabelText('记录条数').textContent ?? '';
const countShows = (total: number) => waitFor(() => expect(countText()).toMatch(new RegExp(`共 ?${total} ?条记录`)));
/** waits until the table shows the page that starts with this entry */
const pageStartsWith = (id: number) => waitFor(() => expect(lines()[0]?.id).toBe(id), { timeout: 15_000 });

/** Opens the Select labelled `label` and clicks the option titled `option`. */
async function choose(label: string, option: string, typed?: string) {
  const box = screen.getByRole('combobox', { name: label });
  fireEvent.mouseDown(box);
  if (typed !== undefined) fireEvent.change(box, { target: { value: typed } });
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find(
      (el) => el.getAttribute('title') === option,
    );
    if (!found) throw new Error(`选项“${option}”未出现`);
    return found;
  });
  fireEvent.click(item);
}

describe('变更记录', () => {
  it('最新的记录在最上面，列出操作人、项目、改动的项目和原值新值', async () => {
    const newest = (await app.ok('audit.list', {})).entries[0];
    await renderHistory();
    await pageStartsWith(newest.id);
    const [first, second, third] = lines();
    expect(first).toMatchObject({
      操作人: '李晓梅',
      对象: `${edited.code} ${NEW_NAME}`,
      操作: '修改',
      项目: '项目名称',
      原值: edited.name,
      新值: NEW_NAME,
    });
    expect(first.时间).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(second).toMatchObject({ 项目: '建设单位', 新值: FORMULA_OWNER });
    expect(third).toMatchObject({ 操作人: '李晓梅', 项目: '备注', 原值: noteBefore || '（空）', 新值: HOSTILE_NOTE });
    // a value that was never filled in reads “（空）”: this week's dispatch lines started empty
    const dispatch = (await app.ok('audit.list', { kind: 'dispatch', limit: 1 })).entries[0];
    expect(dispatch.oldValue).toBeNull();
    expect(lines().find((l) => l.id === dispatch.id)?.原值).toBe('（空）');
    // the project is a link to its page
    const link = screen.getAllByRole('link', { name: `${edited.code} ${NEW_NAME}` })[0];
    expect(link.getAttribute('href')).toContain(`/projects/${edited.id}`);
  });

  it('像网页代码或公式的文字原样显示为文字，不生成图片或链接', async () => {
    const newest = (await app.ok('audit.list', {})).entries[0];
    const { container } = await renderHistory();
    await pageStartsWith(newest.id);
    const table = container.querySelector<HTMLElement>('.hist-table')!;
    expect(within(table).getAllByText(HOSTILE_NOTE).length).toBeGreaterThan(0);
    expect(within(table).getAllByText(FORMULA_OWNER).length).toBeGreaterThan(0);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('a[href^="http"]')).toBeNull();
    // the full text is in the tooltip too, as text
    expect(within(table).getAllByText(HOSTILE_NOTE)[0].getAttribute('title')).toBe(HOSTILE_NOTE);
  });

  it('按类别“周调度”筛选后只列出周调度的记录，筛选写入地址', async () => {
    const dispatch = await app.ok('audit.list', { kind: 'dispatch' });
    const { location } = await renderHistory();
    await countShows((await app.ok('audit.list', {})).total);
    await choose('类别', '周调度');
    await countShows(dispatch.total);
    await pageStartsWith(dispatch.entries[0].id);
    const shown = lines();
    expect(shown).toHaveLength(Math.min(200, dispatch.total));
    for (const line of shown) expect(line.项目).toMatch(/^第\d+周调度·/);
    expect(location.history?.at(-1)).toBe('/history?kind=dispatch');
  });

  it('按项目筛选时条数与这个项目的变更记录总数一致', async () => {
    const own = await app.ok('audit.list', { projectId: edited.id });
    await renderHistory();
    await countShows((await app.ok('audit.list', {})).total);
    await choose('项目', `${edited.code} ${NEW_NAME}`, edited.code);
    await countShows(own.total);
    await pageStartsWith(own.entries[0].id);
    const shown = lines();
    expect(shown).toHaveLength(Math.min(200, own.total));
    expect(shown.map((l) => l.id)).toEqual(own.entries.map((e) => e.id));
    // the project is named once, in the filter, not on every line
    expect(screen.queryByRole('columnheader', { name: '对象' })).toBeNull();
    expect(screen.getByRole('combobox', { name: '项目' }).closest('.ant-select')?.textContent).toContain(NEW_NAME);
  });

  it('从别处带项目的链接打开时，只列这个项目的记录', async () => {
    const own = await app.ok('audit.list', { projectId: edited.id, kind: 'project' });
    await renderHistory(`/history?project=${edited.id}&kind=project`);
    await countShows(own.total);
    await pageStartsWith(own.entries[0].id);
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: '项目' }).closest('.ant-select')?.textContent).toContain(edited.code),
    );
    expect(screen.getByRole('combobox', { name: '类别' }).closest('.ant-select')?.textContent).toContain('项目信息');

    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    await countShows((await app.ok('audit.list', {})).total);
  });

  it('每页200条，翻到第2页读取下一批记录', async () => {
    const all = await app.ok('audit.list', {});
    const second = await app.ok('audit.list', { offset: 200 });
    expect(all.total).toBeGreaterThan(200);
    const { container, location } = await renderHistory();
    await pageStartsWith(all.entries[0].id);
    expect(lines()).toHaveLength(200);
    expect(countText()).toContain('本页第 1—200 条');

    const pager = container.querySelector<HTMLElement>('.ant-pagination')!;
    fireEvent.click(within(pager).getByTitle('2'));
    await pageStartsWith(second.entries[0].id);
    const shown = lines();
    expect(shown.map((l) => l.id)).toEqual(second.entries.map((e) => e.id));
    expect(countText()).toContain(`本页第 201—${Math.min(400, all.total)} 条`);
    expect(location.history?.at(-1)).toBe('/history?page=2');
  });

  it('按操作人和日期筛选：日期以年月日写入地址，没有记录的日子显示“没有符合条件的变更记录”', async () => {
    const mine = await app.ok('audit.list', { operator: '李晓梅' });
    const { location } = await renderHistory('/history?operator=李晓梅');
    await countShows(mine.total);
    expect(new Set(lines().map((l) => l.操作人))).toEqual(new Set(['李晓梅']));

    const start = screen.getByPlaceholderText('开始日期');
    fireEvent.mouseDown(start);
    fireEvent.focus(start);
    fireEvent.change(start, { target: { value: '2030-01-01' } });
    fireEvent.keyDown(start, { key: 'Enter', code: 'Enter' });
    const end = screen.getByPlaceholderText('结束日期');
    fireEvent.focus(end);
    fireEvent.change(end, { target: { value: '2030-01-31' } });
    fireEvent.keyDown(end, { key: 'Enter', code: 'Enter' });
    await waitFor(() =>
      expect(location.history?.at(-1)).toBe(
        '/history?operator=%E6%9D%8E%E6%99%93%E6%A2%85&from=2030-01-01&to=2030-01-31',
      ),
    );
    await countShows(0);
    expect(await screen.findByText('没有符合条件的变更记录')).toBeTruthy();
  });
});

import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../electron/api-spec';
import type { Chain } from '../../db/model/reference';
import { LibraryPage } from '../../renderer/pages/library/LibraryPage';
import type { TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

let app: TempApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
  sessionStorage.clear();
});

async function openApp(demo = false): Promise<{ app: TempApp; chains: Chain[] }> {
  app = await installRealApi({ demo });
  const { chains } = await app.ok('reference.list', {});
  return { app, chains };
}

type NewProject = MethodInput<'projects.create'>;

/** Stage dates as the rules want them with today = 2026-11-28 and plan year 2026. */
const STAGE_DATES: Record<string, Partial<NewProject>> = {
  reserve: {},
  preliminary: {},
  new_start: { plannedStartDate: '2026-05-01' },
  continuing: { actualStartDate: '2025-03-01' },
  completed: { actualStartDate: '2024-03-01', actualCompletionDate: '2026-06-30' },
};

async function createProject(target: TempApp, fields: NewProject & { stage: NonNullable<NewProject['stage']> }) {
  return target.ok('projects.create', { ...STAGE_DATES[fields.stage], ...fields });
}

/** The library once the whole of it is in (its first rows may come ahead and are drawn before the counts). */
async function renderLibrary(path = '/projects') {
  const page = await renderPage(<LibraryPage />, { path });
  await screen.findByText(/^共 \d+ 个项目$/, {}, { timeout: 10_000 });
  return page;
}

/** The text of every project row, in order (the header, totals and spacer rows left out). */
function projectRows(): string[] {
  const list = document.querySelector('[role="region"][aria-label^="项目列表"]');
  if (!list) return [];
  // the rows a clerk can select (aria-selected): not the header, the totals or a note that nothing matches;
  // read with a selector because role queries over hundreds of cells are slow in jsdom
  return [...list.querySelectorAll('tbody tr[aria-selected]')].map((tr) => tr.textContent ?? '');
}

function totalsRow(): HTMLElement {
  const row = document.querySelector<HTMLElement>('tfoot tr[aria-label="合计"]');
  if (!row) throw new Error('没有合计行');
  return row;
}

function headers(): string[] {
  return screen.getAllByRole('columnheader').map((th) => th.textContent ?? '');
}

const tab = (label: string) => screen.getByRole('tab', { name: new RegExp(`^${label}`) });

describe('项目库', () => {
  it('阶段页签显示各阶段项目数，点页签只看该阶段', async () => {
    const { app, chains } = await openApp();
    const chainId = chains[0].id;
    const owner = '湘乡市城市建设投资有限公司';
    await createProject(app, { name: '储备项目甲', stage: 'reserve', chainId, owner });
    await createProject(app, { name: '储备项目乙', stage: 'reserve', chainId, owner });
    await createProject(app, { name: '前期项目', stage: 'preliminary', chainId, owner });
    await createProject(app, { name: '新开工项目', stage: 'new_start', chainId, owner });
    await createProject(app, { name: '续建项目', stage: 'continuing', chainId, owner });
    await createProject(app, { name: '竣工项目', stage: 'completed', chainId, owner });
    await renderLibrary();

    await screen.findByText('储备项目甲');
    expect(tab('全部').textContent).toBe('全部 6');
    expect(tab('储备').textContent).toBe('储备 2');
    expect(tab('前期').textContent).toBe('前期 1');
    expect(tab('新开工').textContent).toBe('新开工 1');
    expect(tab('续建').textContent).toBe('续建 1');
    expect(tab('竣工').textContent).toBe('竣工 1');
    expect(screen.getByText('共 6 个项目')).toBeTruthy();

    await userEvent.click(tab('储备'));
    await waitFor(() => expect(projectRows()).toHaveLength(2));
    expect(totalsRow().textContent).toContain('合计 2 个项目');
  });

  it('地址带 ?stage=new_start 时打开即只看新开工项目', async () => {
    const { app, chains } = await openApp();
    const base = { chainId: chains[0].id, owner: '湘乡市某公司' };
    await createProject(app, { ...base, name: '今年开工的厂房', stage: 'new_start' });
    await createProject(app, { ...base, name: '还在谈的项目', stage: 'reserve' });
    await renderLibrary('/projects?stage=new_start');

    await screen.findByText('今年开工的厂房');
    expect(screen.queryByText('还在谈的项目')).toBeNull();
    expect(tab('新开工').getAttribute('aria-selected')).toBe('true');
  });

  it('搜索框按名称、编号、建设单位筛选，页签数随之变化，Esc 清空', async () => {
    const { app, chains } = await openApp();
    const chainId = chains[0].id;
    await createProject(app, { name: '光伏组件生产线', stage: 'reserve', chainId, owner: '湖南晶能科技有限公司' });
    await createProject(app, { name: '城区污水管网改造', stage: 'preliminary', chainId, owner: '湘乡市水务局' });
    const third = await createProject(app, { name: '智能电表扩产', stage: 'reserve', chainId, owner: '湘乡电气' });
    await renderLibrary();
    await screen.findByText('光伏组件生产线');

    const search = screen.getByPlaceholderText('搜索项目名称、编号、建设单位、地点…');
    await userEvent.type(search, '水务');
    await waitFor(() => expect(projectRows()).toHaveLength(1));
    expect(projectRows()[0]).toContain('城区污水管网改造');
    expect(tab('全部').textContent).toBe('全部 1');
    expect(tab('储备').textContent).toBe('储备 0');

    await userEvent.clear(search);
    await userEvent.type(search, third.code.toLowerCase());
    await waitFor(() => expect(projectRows()).toHaveLength(1));
    expect(projectRows()[0]).toContain('智能电表扩产');

    await userEvent.type(search, '{Escape}');
    await waitFor(() => expect(projectRows()).toHaveLength(3));
    expect((search as HTMLInputElement).value).toBe('');
  });

  it('按产业链筛选只显示该产业链的项目', async () => {
    const { app, chains } = await openApp();
    const [first, second] = chains;
    await createProject(app, { name: '第一条链的项目', stage: 'reserve', chainId: first.id, owner: '甲公司' });
    await createProject(app, { name: '第二条链的项目', stage: 'reserve', chainId: second.id, owner: '乙公司' });
    await renderLibrary();
    await screen.findByText('第一条链的项目');

    const chainSelect = screen.getByRole('combobox', { name: '按产业链筛选' });
    fireEvent.mouseDown(chainSelect);
    fireEvent.change(chainSelect, { target: { value: second.name } });
    const option = await waitFor(() => {
      const found = document.querySelector<HTMLElement>(`.ant-select-item-option[title="${second.name}"]`);
      if (!found) throw new Error('产业链选项未出现');
      return found;
    });
    fireEvent.click(option);

    await waitFor(() => expect(projectRows()).toHaveLength(1));
    expect(projectRows()[0]).toContain('第二条链的项目');
    expect(tab('全部').textContent).toBe('全部 1');
  });

  it('合计行按筛选后的项目精确合计总投资、本年计划、本年完成和完成率', async () => {
    const { app, chains } = await openApp();
    const chainId = chains[0].id;
    const a = await createProject(app, {
      name: '项目甲',
      stage: 'continuing',
      chainId,
      owner: '甲公司',
      totalInvestmentYuan: 12_345_600, // 1,234.56 万元
      annualPlanYuan: 1_000_000, // 100.00
      investedBeforeYearYuan: 2_000_000, // 200.00
    });
    const b = await createProject(app, {
      name: '项目乙',
      stage: 'continuing',
      chainId,
      owner: '乙公司',
      totalInvestmentYuan: 2_000_100, // 200.01
      annualPlanYuan: 500_000, // 50.00
    });
    await createProject(app, {
      name: '项目丙',
      stage: 'reserve',
      chainId,
      owner: '丙公司',
      totalInvestmentYuan: 99_999_900, // 9,999.99
    });
    await app.ok('projects.setMonthlyInvestment', { projectId: a.id, year: 2026, month: 3, amountYuan: 456_700 });
    await app.ok('projects.setMonthlyInvestment', { projectId: a.id, year: 2026, month: 4, amountYuan: 100 });
    await app.ok('projects.setMonthlyInvestment', { projectId: b.id, year: 2026, month: 3, amountYuan: 300_000 });
    await renderLibrary();
    await screen.findByText('项目甲');

    const totals = within(totalsRow());
    expect(totals.getByText('合计 3 个项目')).toBeTruthy();
    expect(totals.getByText('11,434.56')).toBeTruthy(); // 总投资
    expect(totals.getByText('150.00')).toBeTruthy(); // 本年计划
    expect(totals.getByText('75.68')).toBeTruthy(); // 本年完成 45.68 + 30.00
    expect(totals.getByText('50.5%')).toBeTruthy(); // 75.68 / 150
    const rowA = projectRows().find((text) => text.includes('项目甲'));
    expect(rowA).toContain('1,234.56');
    expect(rowA).toContain('45.7%');

    await userEvent.click(tab('续建'));
    await waitFor(() => expect(within(totalsRow()).getByText('合计 2 个项目')).toBeTruthy());
    expect(within(totalsRow()).getByText('1,434.57')).toBeTruthy();
  });

  it('隐藏的列从表头消失，重新打开项目库后仍然隐藏', async () => {
    const { app, chains } = await openApp();
    await createProject(app, { name: '隐藏列测试', stage: 'reserve', chainId: chains[0].id, owner: '甲公司' });
    const first = await renderLibrary();
    await screen.findByText('隐藏列测试');
    expect(headers()).toContain('建设单位');

    await userEvent.click(screen.getByRole('button', { name: /列/ }));
    await userEvent.click(await screen.findByRole('checkbox', { name: '建设单位' }));
    await waitFor(() => expect(headers()).not.toContain('建设单位'));
    await waitFor(async () => expect((await app.ok('settings.get', {})).libraryColumns?.owner).toBe(false));
    first.unmount();

    await renderLibrary();
    await screen.findByText('隐藏列测试');
    expect(headers()).not.toContain('建设单位');
    expect(headers()).toContain('项目名称');
  });

  it('点击表头按该列排序，再点一次倒序', async () => {
    const { app, chains } = await openApp();
    const base = { stage: 'reserve' as const, chainId: chains[0].id, owner: '甲公司' };
    await createProject(app, { ...base, name: '小项目', totalInvestmentYuan: 1_000_000 });
    await createProject(app, { ...base, name: '大项目', totalInvestmentYuan: 90_000_000 });
    await createProject(app, { ...base, name: '中项目', totalInvestmentYuan: 30_000_000 });
    await renderLibrary();
    await screen.findByText('小项目');
    expect(projectRows().map((r) => r.match(/[小中大]项目/)?.[0])).toEqual(['小项目', '大项目', '中项目']);

    const header = screen.getByRole('columnheader', { name: /总投资/ });
    await userEvent.click(header);
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(projectRows().map((r) => r.match(/[小中大]项目/)?.[0])).toEqual(['大项目', '中项目', '小项目']);
    await userEvent.click(header);
    expect(header.textContent).toContain('▲');
    expect(projectRows().map((r) => r.match(/[小中大]项目/)?.[0])).toEqual(['小项目', '中项目', '大项目']);
  });

  it('方向键选中一行，回车打开该项目', async () => {
    const { app, chains } = await openApp();
    const base = { stage: 'reserve' as const, chainId: chains[0].id, owner: '甲公司' };
    await createProject(app, { ...base, name: '第一个' });
    const second = await createProject(app, { ...base, name: '第二个' });
    const { location } = await renderLibrary();
    await screen.findByText('第一个');

    const grid = screen.getByRole('region', { name: /项目列表/ });
    grid.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(location.history.at(-1)).toBe(`/projects/${second.id}`);
  });

  it('在搜索框按↓进入列表，回车打开选中的项目', async () => {
    const { app, chains } = await openApp();
    const base = { stage: 'reserve' as const, chainId: chains[0].id, owner: '甲公司' };
    await createProject(app, { ...base, name: '污水处理厂' });
    const wanted = await createProject(app, { ...base, name: '光伏电站' });
    const { location } = await renderLibrary();
    await screen.findByText('污水处理厂');

    await userEvent.keyboard('/');
    const search = screen.getByPlaceholderText('搜索项目名称、编号、建设单位、地点…');
    expect(document.activeElement).toBe(search);
    await userEvent.keyboard('光伏');
    await waitFor(() => expect(projectRows()).toHaveLength(1));
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(location.history.at(-1)).toBe(`/projects/${wanted.id}`);
  });

  it('打开项目再回到项目库，阶段页签和搜索保持原样', async () => {
    const { app, chains } = await openApp();
    const base = { chainId: chains[0].id, owner: '甲公司' };
    await createProject(app, { ...base, name: '储备的厂房', stage: 'reserve' });
    await createProject(app, { ...base, name: '储备的道路', stage: 'reserve' });
    await createProject(app, { ...base, name: '前期的厂房', stage: 'preliminary' });
    const first = await renderLibrary();
    await screen.findByText('储备的厂房');
    await userEvent.click(tab('储备'));
    await userEvent.type(screen.getByPlaceholderText('搜索项目名称、编号、建设单位、地点…'), '厂房');
    await waitFor(() => expect(projectRows()).toHaveLength(1));
    first.unmount();

    await renderLibrary();
    await screen.findByText('储备的厂房');
    expect(tab('储备').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByPlaceholderText<HTMLInputElement>('搜索项目名称、编号、建设单位、地点…').value).toBe('厂房');
    expect(projectRows()).toHaveLength(1);
  });

  it('筛选没有结果时提示并可一键清除筛选', async () => {
    const { app, chains } = await openApp();
    await createProject(app, { name: '唯一的项目', stage: 'reserve', chainId: chains[0].id, owner: '甲公司' });
    await renderLibrary();
    await screen.findByText('唯一的项目');

    await userEvent.type(screen.getByPlaceholderText('搜索项目名称、编号、建设单位、地点…'), '不存在的名字');
    expect(await screen.findByText('没有符合条件的项目')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: /清除筛选/ }));
    await waitFor(() => expect(projectRows()).toHaveLength(1));
  });

  it('逾期未开工的新开工项目亮黄灯或红灯并写明原因，预警筛选只留下它们', async () => {
    const { app, chains } = await openApp();
    const base = { chainId: chains[0].id, owner: '甲公司' };
    // today is 2026-11-28: 58 days late is yellow, more than 90 days red
    await createProject(app, { ...base, name: '迟迟未开工的厂房', stage: 'new_start', plannedStartDate: '2026-10-01' });
    await createProject(app, { ...base, name: '久拖未开工的道路', stage: 'new_start', plannedStartDate: '2026-05-01' });
    await createProject(app, { ...base, name: '还在储备的项目', stage: 'reserve' });
    await renderLibrary();
    await screen.findByText('迟迟未开工的厂房');

    expect(headers().slice(2, 4)).toEqual(['阶段', '预警']);
    const late = projectRows().find((text) => text.includes('迟迟未开工的厂房'));
    expect(late).toContain('计划开工日期已过58天仍未开工');
    const lateRow = screen.getByText('迟迟未开工的厂房').closest('tr') as HTMLElement;
    expect(within(lateRow).getByRole('img', { name: '黄灯' })).toBeTruthy();
    expect(within(lateRow).getByTitle('黄灯：计划开工日期已过58天仍未开工')).toBeTruthy();
    const redRow = screen.getByText('久拖未开工的道路').closest('tr') as HTMLElement;
    expect(within(redRow).getByRole('img', { name: '红灯' })).toBeTruthy();
    expect(redRow.textContent).toContain('计划开工日期已过211天仍未开工');

    expect(screen.getByRole('button', { name: /黄灯/ }).textContent).toBe('黄灯 1');
    expect(screen.getByRole('button', { name: /红灯/ }).textContent).toBe('红灯 1');
    await userEvent.click(screen.getByRole('button', { name: /黄灯/ }));
    await waitFor(() => expect(projectRows()).toHaveLength(1));
    expect(projectRows()[0]).toContain('迟迟未开工的厂房');
    expect(tab('全部').textContent).toBe('全部 1');
    expect(screen.getByRole('combobox', { name: '按预警筛选' }).closest('.ant-select')?.textContent).toContain('黄灯');

    await userEvent.click(screen.getByRole('button', { name: /红灯/ }));
    await waitFor(() => expect(projectRows()).toHaveLength(1));
    expect(projectRows()[0]).toContain('久拖未开工的道路');
    await userEvent.click(screen.getByRole('button', { name: /红灯/ }));
    await waitFor(() => expect(projectRows()).toHaveLength(3));
  });

  it('按预警排序时红灯在前、黄灯其次、绿灯最后', async () => {
    const { app, chains } = await openApp();
    const base = { chainId: chains[0].id, owner: '甲公司' };
    await createProject(app, { ...base, name: '绿灯项目', stage: 'reserve' });
    await createProject(app, { ...base, name: '黄灯项目', stage: 'new_start', plannedStartDate: '2026-10-01' });
    await createProject(app, { ...base, name: '红灯项目', stage: 'new_start', plannedStartDate: '2026-05-01' });
    await renderLibrary();
    await screen.findByText('绿灯项目');

    await userEvent.click(screen.getByRole('columnheader', { name: /预警/ }));
    expect(projectRows().map((r) => r.match(/[红黄绿]灯项目/)?.[0])).toEqual(['红灯项目', '黄灯项目', '绿灯项目']);
  });

  it('还没有项目时提示先新增项目', async () => {
    await openApp();
    const { location } = await renderLibrary();
    expect(await screen.findByText('还没有项目，点击“新增项目”开始录入')).toBeTruthy();
    await userEvent.click(screen.getAllByRole('button', { name: /新增项目/ })[0]);
    expect(location.history.at(-1)).toBe('/projects/new');
  });

  it('先画出按项目编号排在最前的项目；全部载入前不显示项目数、页签数和合计', async () => {
    const { app, chains } = await openApp();
    const fields = { stage: 'reserve' as const, chainId: chains[0].id, owner: '湘乡市城市建设投资有限公司' };
    await createProject(app, { ...fields, code: 'XM-2026-10', name: '十号项目' });
    await createProject(app, { ...fields, code: 'XM-2026-9', name: '九号项目' });
    await createProject(app, { ...fields, code: 'XM-2026-2', name: '二号项目' });
    // the whole library waits until the test lets it through; the first rows come as they are asked
    let letThrough = () => {};
    const held = new Promise<void>((resolve) => (letThrough = resolve));
    window.api = {
      invoke: async (method, input) => {
        if (method === 'projects.list' && !(input as { first?: number }).first) await held;
        return app.call(method, input);
      },
    };
    await renderPage(<LibraryPage />, { path: '/projects' });

    // the count beside the title and the totals row both say so
    expect(await screen.findAllByText('正在载入全部项目…')).toHaveLength(2);
    await waitFor(() => expect(projectRows()).toHaveLength(3));
    expect(projectRows().map((r) => r.match(/[一-龥]号项目/)?.[0])).toEqual(['二号项目', '九号项目', '十号项目']);
    expect(tab('全部').textContent).toBe('全部 …');
    expect(screen.queryByText(/^共 \d+ 个项目$/)).toBeNull();

    letThrough();
    expect(await screen.findByText('共 3 个项目')).toBeTruthy();
    expect(tab('全部').textContent).toBe('全部 3');
    expect(totalsRow().textContent).toContain('合计 3 个项目');
    expect(projectRows().map((r) => r.match(/[一-龥]号项目/)?.[0])).toEqual(['二号项目', '九号项目', '十号项目']);
  });

  it('示例数据的项目名称旁显示“示例”，且只渲染看得见的行', async () => {
    const { app } = await openApp(true);
    const all = await app.ok('projects.list', {});
    await renderLibrary();
    await screen.findByText(`共 ${all.length} 个项目`);
    expect(all.length).toBeGreaterThan(50);
    expect(screen.getAllByText('示例').length).toBeGreaterThan(0);
    // virtualized: far fewer rows in the page than projects in the library
    await act(async () => {});
    expect(projectRows().length).toBeLessThan(all.length);
    expect(within(totalsRow()).getByText(`合计 ${all.length} 个项目`)).toBeTruthy();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route } from 'wouter';
import planData from '../../db/seed/chains.json';
import { SettingsPage } from '../../renderer/pages/settings/SettingsPage';
import type { TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

// antd pages are heavy in jsdom and this machine is shared
vi.setConfig({ testTimeout: 60_000 });

let app: TempApp | undefined;
// jsdom runs no CSS transitions, so antd's brief pointer-events:none while a popup opens never ends
const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function renderSettings(path: string, seed?: (api: TempApp) => Promise<void>) {
  app = await installRealApi({ demo: false });
  await seed?.(app);
  const { refreshStatus, location } = await renderPage(
    <Route path="/settings/:tab?">{(params) => <SettingsPage tab={params.tab} />}</Route>,
    { app, path },
  );
  return { api: app, refreshStatus, location };
}

/** antd spaces out two-character button labels (“保 存”). */
function buttonIn(container: HTMLElement, label: string): HTMLElement {
  const text = within(container).getByText(new RegExp(`^${[...label].join('\\s*')}$`));
  const button = text.closest('button');
  if (!button) throw new Error(`no button ${label}`);
  return button;
}

function rowOf(text: string): HTMLElement {
  const row = screen.getByText(text).closest('tr');
  if (!row) throw new Error(`no row ${text}`);
  return row;
}

describe('设置', () => {
  it('产业链页列出规划中的11条产业链及其产业类别和2025年目标产值', async () => {
    await renderSettings('/settings/chains');
    await screen.findByText('电力电工电气');
    expect(planData.chains).toHaveLength(11);
    const rows = [...document.querySelectorAll('.settings-table tbody tr[data-row-key]')];
    expect(rows.map((row) => row.querySelectorAll('td')[1].textContent)).toEqual(
      planData.chains.map((chain) => chain.name),
    );
    expect(rowOf('电子信息').textContent).toContain('500');
    expect(rowOf('电力电工电气').textContent).toContain('优势产业');
    expect(rowOf('皮革深加工').textContent).toContain('传统产业');
    expect(rowOf('医疗康养').textContent).toContain('未来产业');
    expect(screen.getByText(/共11条/)).toBeTruthy();
  });

  it('切换标签页时地址随之改变', async () => {
    const { location } = await renderSettings('/settings');
    expect(await screen.findByLabelText('填报人姓名')).toBeTruthy();
    await user.click(screen.getByText('园区/片区'));
    expect(location.history?.at(-1)).toBe('/settings/parks');
    expect(await screen.findByText('金石工业片区')).toBeTruthy();
  });

  it('新增单位后列表中显示该单位，按回车即可保存', async () => {
    const { api } = await renderSettings('/settings/units');
    await screen.findByText(/还没有单位/);
    await user.click(screen.getByText('新增单位'));
    const dialog = await screen.findByRole('dialog');
    const name = within(dialog).getByLabelText('单位名称');
    await waitFor(() => expect(document.activeElement).toBe(name));
    await user.keyboard('市发展和改革局{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(rowOf('市发展和改革局').textContent).toContain('在用');
    expect((await api.ok('reference.list', {})).units.map((u) => u.name)).toEqual(['市发展和改革局']);
  });

  it('按Esc关闭对话框，不保存任何内容', async () => {
    const { api } = await renderSettings('/settings/units');
    await screen.findByText(/还没有单位/);
    await user.click(screen.getByText('新增单位'));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('单位名称'), '市财政局');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await api.ok('reference.list', {})).units).toEqual([]);
    expect(screen.getByText(/还没有单位/)).toBeTruthy();
  });

  it('把产业链改名为已有产业链的名称时，在对话框中提示已存在，已输入的内容保留', async () => {
    const { api } = await renderSettings('/settings/chains');
    await screen.findByText('电力电工电气');
    await user.click(buttonIn(rowOf('电力电工电气'), '编辑'));
    const dialog = await screen.findByRole('dialog');
    const name = within(dialog).getByLabelText('产业链名称') as HTMLInputElement;
    expect(name.value).toBe('电力电工电气');
    await user.clear(name);
    await user.type(name, '电子信息{Enter}');
    expect(await within(dialog).findByText('产业链“电子信息”已存在')).toBeTruthy();
    expect(screen.getByRole('dialog')).toBe(dialog);
    expect(name.value).toBe('电子信息');
    const chains = (await api.ok('reference.list', {})).chains;
    expect(chains.filter((c) => c.name === '电子信息')).toHaveLength(1);
    expect(chains.some((c) => c.name === '电力电工电气')).toBe(true);
  });

  it('产业链代码不合规时提示在代码一栏', async () => {
    await renderSettings('/settings/chains');
    await screen.findByText('电子信息');
    await user.click(screen.getByText('新增产业链'));
    const dialog = await screen.findByRole('dialog');
    // the dialog puts the cursor in its first field once open; typing before that could land in the wrong box
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByLabelText('产业链名称')));
    await user.type(within(dialog).getByLabelText('产业链名称'), '新能源');
    await user.type(within(dialog).getByLabelText('产业链代码'), 'x1');
    await user.click(buttonIn(dialog, '保存'));
    const message = await within(dialog).findByText('产业链代码应为2—6位大写字母');
    expect(message.closest('.ant-form-item')?.textContent).toContain('产业链代码');
    expect((within(dialog).getByLabelText('产业链代码') as HTMLInputElement).value).toBe('X1');
  });

  it('编辑产业链的链长和牵头单位后表格随之更新，已停用的单位不在牵头单位中', async () => {
    await renderSettings('/settings/chains', async (api) => {
      await api.ok('reference.saveUnit', { name: '市工业和信息化局' });
      const units = (await api.ok('reference.saveUnit', { name: '市经济和信息化委员会' })).units;
      await api.ok('reference.setRetired', { kind: 'unit', id: units[1].id, retired: true });
    });
    await screen.findByText('电子信息');
    await user.click(buttonIn(rowOf('电子信息'), '编辑'));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('链长'), '市委常委、副市长');
    await user.click(within(dialog).getByLabelText('牵头单位'));
    await screen.findByTitle('市工业和信息化局');
    expect(screen.queryByTitle(/市经济和信息化委员会/)).toBeNull();
    await user.click(screen.getByTitle('市工业和信息化局'));
    await user.click(buttonIn(dialog, '保存'));
    await waitFor(() => expect(rowOf('电子信息').textContent).toContain('市委常委、副市长'));
    expect(rowOf('电子信息').textContent).toContain('市工业和信息化局');
  });

  it('停用园区须先确认，确认后显示已停用并排在最后，可再启用', async () => {
    const { api } = await renderSettings('/settings/parks');
    await screen.findByText('金石工业片区');
    await user.click(buttonIn(rowOf('金石工业片区'), '停用'));
    const notice = await screen.findByText('停用后新项目不能再选择该园区/片区。目前没有项目使用它。');
    const confirm = notice.closest('.ant-popover') as HTMLElement;
    await user.click(buttonIn(confirm, '停用'));
    await waitFor(() => expect(rowOf('金石工业片区').textContent).toContain('已停用'));
    expect(rowOf('金石工业片区').className).toContain('settings-row-retired');
    const rows = [...document.querySelectorAll('.settings-table tbody tr[data-row-key]')];
    expect(rows.at(-1)?.textContent).toContain('金石工业片区');
    const park = (await api.ok('reference.list', {})).parks.find((p) => p.name === '金石工业片区');
    expect(park?.retired).toBe(true);

    await user.click(buttonIn(rowOf('金石工业片区'), '启用'));
    await waitFor(() => expect(rowOf('金石工业片区').textContent).toContain('在用'));
  });

  it('停用有项目的产业链时提示已有项目保持不变，项目仍属该产业链', async () => {
    let projectId = 0;
    const { api } = await renderSettings('/settings/chains', async (seedApi) => {
      const chain = (await seedApi.ok('reference.list', {})).chains.find((c) => c.name === '无人机');
      const project = await seedApi.ok('projects.create', {
        name: '无人机整机生产基地',
        stage: 'reserve',
        chainId: chain!.id,
        owner: '湖南某无人机科技有限公司',
      });
      projectId = project.id;
    });
    await screen.findByText('无人机');
    await user.click(buttonIn(rowOf('无人机'), '停用'));
    const notice = await screen.findByText('停用后新项目不能再选择该产业链，已有的1个项目保持不变。');
    await user.click(buttonIn(notice.closest('.ant-popover') as HTMLElement, '停用'));
    await waitFor(() => expect(rowOf('无人机').textContent).toContain('已停用'));
    expect((await api.ok('projects.get', { id: projectId })).chainId).toBe(
      (await api.ok('reference.list', {})).chains.find((c) => c.name === '无人机')!.id,
    );
  });

  it('基本设置姓名为空时保存，显示中文提示且不保存任何内容', async () => {
    const { api, refreshStatus } = await renderSettings('/settings/basic');
    const operator = (await screen.findByLabelText('填报人姓名')) as HTMLInputElement;
    expect(operator.value).toBe('测试填报人');
    await user.clear(operator);
    const city = screen.getByLabelText('城市名称');
    await user.clear(city);
    await user.type(city, '韶山市');
    await user.click(buttonIn(document.body, '保存'));
    expect(await screen.findByText('请填写您的姓名')).toBeTruthy();
    const settings = await api.ok('settings.get', {});
    expect(settings.operatorName).toBe('测试填报人');
    expect(settings.cityName).toBe('湘乡市');
    expect(refreshStatus).not.toHaveBeenCalled();
  });

  it('修改计划年度并保存后，设置中保存了新年度，页头随之刷新', async () => {
    const { api, refreshStatus } = await renderSettings('/settings/basic');
    const year = (await screen.findByLabelText('计划年度')) as HTMLInputElement;
    expect(year.value).toBe('2026');
    await user.clear(year);
    await user.type(year, '2027');
    await user.click(buttonIn(document.body, '保存'));
    expect(await screen.findByText('已保存')).toBeTruthy();
    expect((await api.ok('settings.get', {})).planYear).toBe(2027);
    expect(refreshStatus).toHaveBeenCalled();
  });

  it('关于一栏显示数据结构版本、程序版本和今天', async () => {
    const { api } = await renderSettings('/settings/basic');
    const status = await api.ok('app.status', {});
    await screen.findByText('关于');
    expect(rowOf('数据结构版本').textContent).toContain(String(status.schemaVersion));
    expect(rowOf('程序版本').textContent).toContain(status.version);
    expect(rowOf('今天').textContent).toContain('2026年11月28日');
  });
});

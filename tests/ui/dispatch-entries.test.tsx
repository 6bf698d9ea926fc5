import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DispatchPage } from '../../renderer/pages/dispatch/DispatchPage';
import { SAVE_PAUSE_MS } from '../../renderer/pages/dispatch/entry-store';
import type { TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

// today is 2026-11-28 (Saturday): this week is 2026-W48, last week 2026-W47
let app: TempApp;
afterEach(async () => {
  vi.useRealTimers();
  await app?.close();
});

async function openApp() {
  app = await installRealApi();
  const { chains } = await app.ok('reference.list', {});
  const project = (name: string, fields: Record<string, unknown> = {}) =>
    app.ok('projects.create', {
      name,
      stage: 'continuing',
      actualStartDate: '2025-05-01',
      inStatistics: true,
      chainId: chains[0].id,
      owner: '某公司',
      ...fields,
    });
  return { project };
}

async function renderDispatch(path = '/dispatch') {
  const { location } = await renderPage(<DispatchPage />, { app, path });
  await screen.findByLabelText('报送情况', {}, { timeout: 10_000 });
  return location;
}

/**
 * A clock the test moves on, so the pause after which a cell saves on its own is passed at once instead of
 * waited out; between pauses it runs as time does.
 */
function pauseClock() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true, advanceTimeDelta: 1 });
  return {
    user: userEvent.setup({ advanceTimers: vi.advanceTimersByTime }),
    /** the clerk stops typing long enough for the cell to save */
    pause: () => vi.advanceTimersByTimeAsync(SAVE_PAUSE_MS),
  };
}

const row = (name: string) => screen.getByRole('row', { name });
const cell = (name: string, label: string) =>
  screen.getByRole('textbox', { name: `${name} ${label}` }) as HTMLTextAreaElement;
const counter = () => (screen.getByLabelText('报送情况').textContent ?? '').replace(/\s+/g, '');
const weekRow = async (projectId: number, week = '2026-W48') =>
  (await app.ok('dispatch.week', { week })).rows.find((r) => r.projectId === projectId);
const shownNames = () =>
  screen
    .getAllByRole('row')
    .map((r) => r.getAttribute('aria-label'))
    .filter(Boolean);

describe('本周调度', { timeout: 30_000 }, () => {
  it('显示本周并沿用上周文字，标为“沿用第47周·待确认”', async () => {
    const { project } = await openApp();
    const p = await project('城东污水处理厂');
    await project('高新区标准厂房');
    await app.ok('dispatch.saveEntry', {
      projectId: p.id,
      week: '2026-W47',
      progress: '主体封顶',
      nextPlan: '设备进场',
    });
    await renderDispatch();

    expect(screen.getByRole('group', { name: '调度周' }).textContent).toContain('2026年第48周（11月23日—11月29日）');
    expect(within(row('城东污水处理厂')).getByText(/沿用第47周·待确认/)).toBeTruthy();
    expect(cell('城东污水处理厂', '本周进展（形象进度）').value).toBe('主体封顶');
    expect(cell('城东污水处理厂', '下周计划').value).toBe('设备进场');
    expect(within(row('高新区标准厂房')).getByText('未报送')).toBeTruthy();
    expect(counter()).toBe('已报送0/共2，未报送2');
  });

  it('整周载入前先显示最前面的几行，只能看不能填；整周到了才显示报送情况、可以填写', async () => {
    const { project } = await openApp();
    await project('城东污水处理厂');
    await project('高新区标准厂房');
    // the whole week waits until the test lets it through; its first rows come as they are asked
    let letThrough = () => {};
    const held = new Promise<void>((resolve) => (letThrough = resolve));
    window.api = {
      invoke: async (method, input) => {
        if (method === 'dispatch.week' && !(input as { first?: number }).first) await held;
        return app.call(method, input);
      },
    };
    await renderPage(<DispatchPage />, { app, path: '/dispatch' });

    expect(await screen.findByText('正在载入本周全部项目…')).toBeTruthy();
    await waitFor(() => expect(shownNames()).toEqual(['城东污水处理厂', '高新区标准厂房']));
    expect(cell('城东污水处理厂', '存在问题').matches(':disabled')).toBe(true);
    expect(screen.queryByLabelText('报送情况')).toBeNull();

    letThrough();
    await screen.findByLabelText('报送情况');
    expect(counter()).toBe('已报送0/共2，未报送2');
    expect(cell('城东污水处理厂', '存在问题').matches(':disabled')).toBe(false);
    expect(screen.queryByText('正在载入本周全部项目…')).toBeNull();
  });

  it('在格子里输入后离开即保存并计为已报送', async () => {
    const { project } = await openApp();
    const p = await project('城东污水处理厂');
    await renderDispatch();
    const user = userEvent.setup();

    await user.click(cell('城东污水处理厂', '存在问题'));
    await user.keyboard('施工用电尚未接通');
    await user.keyboard('{Tab}');
    expect(document.activeElement).toBe(cell('城东污水处理厂', '需协调事项'));

    await waitFor(() => expect(within(row('城东污水处理厂')).getByText('已报送')).toBeTruthy());
    expect(within(row('城东污水处理厂')).getByText(/已保存/)).toBeTruthy();
    expect(await weekRow(p.id)).toMatchObject({ problems: '施工用电尚未接通', confirmed: true });
    expect(counter()).toBe('已报送1/共1，未报送0');
  });

  it('输入停顿片刻即自动保存，不必离开格子', async () => {
    const { project } = await openApp();
    const p = await project('城东污水处理厂');
    await renderDispatch();
    const { user, pause } = pauseClock();

    await user.click(cell('城东污水处理厂', '本周进展（形象进度）'));
    await user.keyboard('桩基完成60%');
    expect(document.activeElement).toBe(cell('城东污水处理厂', '本周进展（形象进度）'));
    await pause();
    await waitFor(async () => expect((await weekRow(p.id))?.progress).toBe('桩基完成60%'), { timeout: 3000 });
    expect(document.activeElement).toBe(cell('城东污水处理厂', '本周进展（形象进度）'));
  });

  it('停顿后接着输入：每次自动保存的文字都留在变更记录里，不被后来的覆盖', async () => {
    const { project } = await openApp();
    const p = await project('城东污水处理厂');
    await renderDispatch();
    const { user, pause } = pauseClock();
    const history = async () =>
      (await app.ok('projects.history', { id: p.id }))
        .filter((h) => h.field === 'dispatch:2026-W48:progress')
        .map((h) => [h.oldValue, h.newValue]);

    await user.click(cell('城东污水处理厂', '本周进展（形象进度）'));
    await user.keyboard('桩基完成');
    await pause();
    await waitFor(async () => expect((await weekRow(p.id))?.progress).toBe('桩基完成'), { timeout: 3000 });
    await user.keyboard('60%');
    await pause();
    await waitFor(async () => expect((await weekRow(p.id))?.progress).toBe('桩基完成60%'), { timeout: 3000 });
    await user.keyboard('{Backspace}{Backspace}{Backspace}');
    await pause();
    await waitFor(async () => expect((await weekRow(p.id))?.progress).toBe('桩基完成'), { timeout: 3000 });
    expect(await history()).toEqual([
      ['桩基完成60%', '桩基完成'],
      ['桩基完成', '桩基完成60%'],
      [null, '桩基完成'],
    ]);
  });

  it('Tab依次经过四格并换到下一行，回车回到下一行的起始列', async () => {
    const { project } = await openApp();
    await project('甲项目');
    await project('乙项目');
    await renderDispatch();
    const user = userEvent.setup();

    await user.click(cell('甲项目', '存在问题'));
    await user.keyboard('{Tab}{Tab}');
    expect(document.activeElement).toBe(cell('甲项目', '下周计划'));
    await user.keyboard('{Tab}');
    expect(document.activeElement).toBe(cell('乙项目', '本周进展（形象进度）'));
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toBe(cell('甲项目', '下周计划'));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(cell('乙项目', '存在问题'));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(cell('甲项目', '存在问题'));
  });

  it('Shift+Enter在格内换行，Esc撤销本格的修改', async () => {
    const { project } = await openApp();
    const p = await project('城东污水处理厂');
    await app.ok('dispatch.saveEntry', { projectId: p.id, week: '2026-W48', progress: '主体施工' });
    await renderDispatch();
    const { user, pause } = pauseClock();
    const progress = cell('城东污水处理厂', '本周进展（形象进度）');

    await user.click(progress);
    await user.keyboard('第一行{Shift>}{Enter}{/Shift}第二行');
    expect(progress.value).toBe('第一行\n第二行');
    await user.keyboard('{Escape}');
    expect(progress.value).toBe('主体施工');
    await user.keyboard('{Tab}');
    // past the pause: the typed text would have been saved by now had Esc not taken it back
    await pause();
    expect((await weekRow(p.id))?.progress).toBe('主体施工');
  });

  it('只看未报送：只列出本周未报送的项目，刚报送的项目留在列表中', async () => {
    const { project } = await openApp();
    const reported = await project('已报项目');
    await project('未报甲');
    await project('未报乙');
    await app.ok('dispatch.saveEntry', { projectId: reported.id, week: '2026-W48', progress: '正常推进' });
    await renderDispatch();
    expect(shownNames()).toEqual(['已报项目', '未报甲', '未报乙']);

    await userEvent.click(screen.getByRole('switch', { name: '只看未报送' }));
    expect(shownNames()).toEqual(['未报甲', '未报乙']);

    const user = userEvent.setup();
    await user.click(cell('未报甲', '本周进展（形象进度）'));
    await user.keyboard('已进场{Enter}');
    await waitFor(() => expect(within(row('未报甲')).getByText('已报送')).toBeTruthy());
    expect(shownNames()).toEqual(['未报甲', '未报乙']);
    expect(counter()).toBe('已报送2/共3，未报送1');
  });

  it('超过500字被拒绝：格上显示原因，输入的文字保留，不写入', async () => {
    const { project } = await openApp();
    const p = await project('城东污水处理厂');
    await renderDispatch();
    const progress = cell('城东污水处理厂', '本周进展（形象进度）');
    const long = '字'.repeat(501);

    fireEvent.focus(progress);
    fireEvent.change(progress, { target: { value: long } });
    fireEvent.blur(progress);

    const refusal = await within(row('城东污水处理厂')).findAllByText('本周进展不能超过500个字', { exact: false });
    expect(refusal.length).toBeGreaterThan(0);
    expect(progress.value).toBe(long);
    expect(progress.getAttribute('aria-invalid')).toBe('true');
    expect(within(row('城东污水处理厂')).getByText('501/500')).toBeTruthy();
    expect(await weekRow(p.id)).toMatchObject({ entryId: null, confirmed: false });

    // shortened to the limit, the cell saves on its own and the refusal goes away
    fireEvent.focus(progress);
    fireEvent.change(progress, { target: { value: long.slice(1) } });
    fireEvent.blur(progress);
    await waitFor(() => expect(within(row('城东污水处理厂')).getByText('已报送')).toBeTruthy());
    expect(within(row('城东污水处理厂')).queryByText('本周进展不能超过500个字', { exact: false })).toBeNull();
    expect((await weekRow(p.id))?.progress).toBe(long.slice(1));
  });

  it('全部沿用：询问后确认列表中沿用上周的项目', async () => {
    const { project } = await openApp();
    const a = await project('甲项目');
    const b = await project('乙项目');
    await project('无记录项目');
    await app.ok('dispatch.saveEntry', { projectId: a.id, week: '2026-W47', progress: '主体施工' });
    await app.ok('dispatch.saveEntry', { projectId: b.id, week: '2026-W47', problems: '缺少用电' });
    await renderDispatch();
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: '全部沿用（2）' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('列表中 2 个沿用上周内容的项目');
    await user.click(within(dialog).getByRole('button', { name: '确认报送' }));

    await waitFor(() => expect(within(row('甲项目')).getByText('已报送')).toBeTruthy());
    expect(within(row('乙项目')).getByText('已报送')).toBeTruthy();
    expect(within(row('无记录项目')).getByText('未报送')).toBeTruthy();
    expect(await weekRow(a.id)).toMatchObject({ progress: '主体施工', confirmed: true });
    expect(await weekRow(b.id)).toMatchObject({ problems: '缺少用电', confirmed: true });
    expect(counter()).toBe('已报送2/共3，未报送1');
    expect(screen.getByRole('button', { name: '全部沿用（0）' })).toHaveProperty('disabled', true);
  });

  it('勾选后只确认所选项目；单行“确认”直接报送该行', async () => {
    const { project } = await openApp();
    const ids = [];
    for (const name of ['甲项目', '乙项目', '丙项目']) {
      const p = await project(name);
      await app.ok('dispatch.saveEntry', { projectId: p.id, week: '2026-W47', progress: `${name}上周进展` });
      ids.push(p.id);
    }
    await renderDispatch();
    const user = userEvent.setup();

    await user.click(screen.getByRole('checkbox', { name: '选择“甲项目”以确认沿用' }));
    await user.click(screen.getByRole('button', { name: '确认所选（1）' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确认报送' }));
    await waitFor(() => expect(within(row('甲项目')).getByText('已报送')).toBeTruthy());
    expect(within(row('乙项目')).getByText(/待确认/)).toBeTruthy();

    await user.click(within(row('丙项目')).getByRole('button', { name: '确认' }));
    await waitFor(() => expect(within(row('丙项目')).getByText('已报送')).toBeTruthy());
    expect((await weekRow(ids[2]))?.progress).toBe('丙项目上周进展');
    expect((await weekRow(ids[1]))?.confirmed).toBe(false);
  });

  it('选择上一周：地址记下 ?week=，显示该周的内容', async () => {
    const { project } = await openApp();
    const p = await project('城东污水处理厂');
    await app.ok('dispatch.saveEntry', { projectId: p.id, week: '2026-W46', progress: '基础施工' });
    await app.ok('dispatch.saveEntry', { projectId: p.id, week: '2026-W47', progress: '主体施工' });
    const location = await renderDispatch();
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: '上一周' }));
    await waitFor(() => expect(cell('城东污水处理厂', '本周进展（形象进度）').value).toBe('主体施工'));
    expect(location.history?.at(-1)).toBe('/dispatch?week=2026-W47');
    expect(screen.getByRole('group', { name: '调度周' }).textContent).toContain('2026年第47周（11月16日—11月22日）');
    expect(within(row('城东污水处理厂')).getByText('已报送')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /^本\s*周$/ }));
    await waitFor(() => expect(within(row('城东污水处理厂')).getByText(/沿用第47周/)).toBeTruthy());
    expect(location.history?.at(-1)).toBe('/dispatch');
  });
});

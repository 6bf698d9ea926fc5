import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { InvestmentTab } from '../../renderer/pages/dispatch/InvestmentTab';
import { setSetting } from '../../db/queries/settings';
import { sqliteContext, type TempApp } from '../helpers/temp-app';
import { seedProject } from './project-harness';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

let app: TempApp;
afterEach(async () => {
  // unmount first: leaving the grid sends whatever was still typed
  cleanup();
  await app?.close();
});

async function renderTab() {
  await renderPage(<InvestmentTab week="2026-W48" />, { app });
  await screen.findByRole('region', { name: '月度完成投资（万元）' });
  await screen.findAllByLabelText(/1月完成投资/);
}

const continuing = (name: string, overrides: Record<string, unknown> = {}) =>
  seedProject(app, {
    name,
    stage: 'continuing',
    actualStartDate: '2025-05-01',
    inStatistics: true,
    annualPlanYuan: 100_000_000,
    investedBeforeYearYuan: 50_000_000,
    ...overrides,
  });

const cell = (project: string, month: number) => screen.getByLabelText(`${project} ${month}月完成投资（万元）`);
const rowOf = (project: string) => cell(project, 1).closest('tr') as HTMLElement;
/** the row's cells as the clerk reads them: typed months show their input's value */
const rowTexts = (row: HTMLElement) =>
  [...row.querySelectorAll('td')].map((td) => td.querySelector('input')?.value ?? td.textContent ?? '');
const totalsRow = () => screen.getByRole('row', { name: '合计' });

async function storedMonths(projectId: number) {
  const grid = await app.ok('investment.grid', { year: 2026 });
  return grid.find((r) => r.projectId === projectId)?.months;
}

describe('月度投资', { timeout: 30_000 }, () => {
  it('在某月输入1234.56并离开，存为12,345,600元，本行本年累计与合计行随之更新', async () => {
    app = await installRealApi({ demo: false });
    const a = await continuing('电子信息产业园项目');
    await continuing('农产品冷链物流项目');
    await app.ok('projects.setMonthlyInvestment', { projectId: a.id, year: 2026, month: 1, amountYuan: 10_000_000 });
    await renderTab();

    // 时序进度 follows closed months, not the figures typed
    expect(await screen.findByText('时序进度：尚未关账，按0计')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(cell('电子信息产业园项目', 3));
    await user.keyboard('1234.56');
    // recomputed while typing, before any save
    expect(rowTexts(rowOf('电子信息产业园项目'))).toContain('2,234.56');
    await user.keyboard('{Tab}');

    expect(document.activeElement).toBe(cell('电子信息产业园项目', 4));
    await waitFor(async () => expect((await storedMonths(a.id))?.[2]).toBe(12_345_600));
    await screen.findByText(/已保存 电子信息产业园项目 3月 1,234\.56万元/);
    const texts = rowTexts(rowOf('电子信息产业园项目'));
    expect(texts).toContain('1,234.56');
    // 本年累计 1,000 + 1,234.56; 完成率 of a 10,000万元 plan; 自开工累计 adds the 5,000 before this year
    expect(texts).toEqual(expect.arrayContaining(['2,234.56', '22.3%', '5,000.00', '7,234.56']));
    const totals = rowTexts(totalsRow());
    expect(totals[0]).toBe('合计（2个项目）');
    expect(totals).toEqual(expect.arrayContaining(['1,234.56', '2,234.56', '20,000.00', '12,234.56', '11.2%']));
    expect(screen.getByText('时序进度：尚未关账，按0计')).toBeTruthy();
  });

  it('三位小数的金额被拒绝：单元格显示原因并保留所输文字，不写入任何数据', async () => {
    app = await installRealApi({ demo: false });
    const a = await continuing('电子信息产业园项目');
    await renderTab();

    const user = userEvent.setup();
    await user.click(cell('电子信息产业园项目', 2));
    await user.keyboard('12.345{Tab}');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('金额最多保留两位小数（万元）');
    // Tab does not leave a cell whose text is not an amount
    expect(document.activeElement).toBe(cell('电子信息产业园项目', 2));
    expect((cell('电子信息产业园项目', 2) as HTMLInputElement).value).toBe('12.345');
    expect(cell('电子信息产业园项目', 2).getAttribute('aria-invalid')).toBe('true');
    await user.click(cell('电子信息产业园项目', 5));
    expect((cell('电子信息产业园项目', 2) as HTMLInputElement).value).toBe('12.345');
    expect(screen.getByText(/1格未保存/)).toBeTruthy();
    expect(await storedMonths(a.id)).toEqual(new Array(12).fill(null));

    // Esc puts back what was stored
    await user.click(cell('电子信息产业园项目', 2));
    await user.keyboard('{Escape}');
    expect((cell('电子信息产业园项目', 2) as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('储备项目填报被服务端拒绝时，单元格显示中文原因', async () => {
    app = await installRealApi({ demo: false });
    const a = await continuing('电子信息产业园项目');
    await app.ok('projects.setMonthlyInvestment', { projectId: a.id, year: 2026, month: 1, amountYuan: 10_000 });
    // a project moved back to 储备 keeps its figures, so it stays in the grid
    sqliteContext(app).db.prepare(`UPDATE projects SET stage = 'reserve' WHERE id = ?`).run(a.id);
    await renderTab();

    const user = userEvent.setup();
    await user.click(cell('电子信息产业园项目', 2));
    await user.keyboard('8{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('储备项目尚未开工，不能填报完成投资');
    expect((cell('电子信息产业园项目', 2) as HTMLInputElement).value).toBe('8');
    expect((await storedMonths(a.id))?.[1]).toBeNull();
  });

  it('别人已改过这个月：单元格说明谁改的，所输文字留着，别人的数不被覆盖', async () => {
    app = await installRealApi({ demo: false });
    const a = await continuing('电子信息产业园项目');
    await renderTab();
    // another clerk saves the same month after this grid was read
    await setSetting(app.ctx.store, 'operatorName', '李四');
    await app.ok('projects.setMonthlyInvestment', { projectId: a.id, year: 2026, month: 2, amountYuan: 700_000 });
    await setSetting(app.ctx.store, 'operatorName', '张三');

    const user = userEvent.setup();
    await user.click(cell('电子信息产业园项目', 2));
    await user.keyboard('8{Enter}');
    // the test's today is not the machine's, so the change reads as made on another day
    expect((await screen.findByRole('alert')).textContent).toMatch(/^已被 李四 于 .+ 修改，请刷新后再改$/);
    expect((cell('电子信息产业园项目', 2) as HTMLInputElement).value).toBe('8');
    expect((await storedMonths(a.id))?.[1]).toBe(700_000);
  });

  it('清空一个月并离开即清除该月；回车下移到下一行同一月', async () => {
    app = await installRealApi({ demo: false });
    const a = await continuing('电子信息产业园项目');
    await continuing('农产品冷链物流项目');
    await app.ok('projects.setMonthlyInvestment', { projectId: a.id, year: 2026, month: 6, amountYuan: 3_000_000 });
    await renderTab();

    const user = userEvent.setup();
    expect((cell('电子信息产业园项目', 6) as HTMLInputElement).value).toBe('300.00');
    await user.click(cell('电子信息产业园项目', 6));
    await user.keyboard('{Backspace}{Enter}');

    expect(document.activeElement).toBe(cell('农产品冷链物流项目', 6));
    await waitFor(async () => expect((await storedMonths(a.id))?.[5]).toBeNull());
    expect(screen.getByText(/已保存 电子信息产业园项目 6月 已清空/)).toBeTruthy();
    expect(within(totalsRow()).getAllByText('0.00').length).toBeGreaterThan(0);
    expect(screen.getByText('时序进度：尚未关账，按0计')).toBeTruthy();
  });

  it('月度关账：按月顺序关账后时序进度随之计入；重新打开须写原因；尚未开始的月份不能填', async () => {
    app = await installRealApi({ demo: false });
    await continuing('电子信息产业园项目');
    await app.ok('investment.closeMonth', { year: 2026, month: 1 });
    await renderTab();
    const user = userEvent.setup();
    expect(await screen.findByText('时序进度：1—1月（8.3%）')).toBeTruthy();
    expect(cell('电子信息产业园项目', 12)).toHaveProperty('readOnly', true);
    expect(cell('电子信息产业园项目', 11)).toHaveProperty('readOnly', false);

    await user.click(screen.getByRole('button', { name: /2月关账/ }));
    const confirm = await screen.findByRole('dialog');
    expect(confirm.textContent).toContain('关账后时序进度按1—2月计（16.7%）');
    await user.click(within(confirm).getByRole('button', { name: /^关\s*账$/ }));
    expect(await screen.findByText('时序进度：1—2月（16.7%）')).toBeTruthy();
    expect((await app.ok('investment.months', { year: 2026 })).closedThrough).toBe(2);

    await user.click(screen.getByRole('button', { name: /重新打开2月/ }));
    const reopen = await screen.findByRole('dialog');
    await user.type(within(reopen).getByLabelText('重新打开的原因'), '住建局补报');
    await user.click(within(reopen).getByRole('button', { name: '重新打开' }));
    expect(await screen.findByText('时序进度：1—1月（8.3%）')).toBeTruthy();
    const history = await app.ok('audit.list', { kind: 'settings' });
    expect(history.entries[0].newValue).toBe('2026年已关账至1月（重新打开2月：住建局补报）');
  });

  it('离开月度投资页时，仍在单元格里的金额也会保存', async () => {
    app = await installRealApi({ demo: false });
    const a = await continuing('电子信息产业园项目');
    await renderTab();

    const user = userEvent.setup();
    await user.click(cell('电子信息产业园项目', 11));
    await user.keyboard('56.7');
    cleanup();
    await waitFor(async () => expect((await storedMonths(a.id))?.[10]).toBe(567_000));
  });
});

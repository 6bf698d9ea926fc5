import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route, Switch } from 'wouter';
import { ChangesTab } from '../../renderer/pages/dispatch/ChangesTab';
import { ChangesPrint } from '../../renderer/print/ChangesPrint';
import type { TempApp } from '../helpers/temp-app';
import { seedProject } from './project-harness';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

let app: TempApp;
afterEach(async () => {
  cleanup();
  await app?.close();
  vi.restoreAllMocks();
});

async function renderAt(path: string) {
  const { location } = await renderPage(
    <Switch>
      <Route path="/dispatch/changes">
        <ChangesTab week="2026-W48" />
      </Route>
      <Route path="/print/changes" component={ChangesPrint} />
    </Switch>,
    { app, path },
  );
  return location;
}

/** Two projects reported in weeks 47 and 48; only the first one's progress moved on. */
async function seedTwoWeeks() {
  app = await installRealApi({ demo: false });
  const { chains } = await app.ok('reference.list', {});
  const { id, code, name, industryGroup, leadUnitId } = chains[0];
  await app.ok('reference.saveChain', { id, code, name, industryGroup, leadUnitId, chainLead: '王副市长' });
  const started = { stage: 'continuing' as const, actualStartDate: '2025-05-01', inStatistics: true };
  const moved = await seedProject(app, { ...started, name: '湘乡经开区电子元器件产业园' });
  const still = await seedProject(app, { ...started, name: '湘乡市农产品冷链物流中心' });
  for (const [week, text] of [
    ['2026-W47', '主体结构封顶'],
    ['2026-W48', '设备安装调试'],
  ]) {
    await app.ok('dispatch.saveEntry', { projectId: moved.id, week, progress: text });
    await app.ok('dispatch.saveEntry', { projectId: still.id, week, progress: '室外管网施工' });
  }
  // the past week is compared as its entries recorded it; week 48 is today's week and compared live
  return { moved, still };
}

describe('较上周变化', { timeout: 30_000 }, () => {
  it('列出本周进展有变化的项目，按链长分组，显示上周 → 本周', async () => {
    await seedTwoWeeks();
    await renderAt('/dispatch/changes');

    const item = await screen.findByRole('listitem', { name: '湘乡经开区电子元器件产业园' });
    const line = within(item).getByText('本周进展').closest('.chg-line') as HTMLElement;
    expect(line.textContent).toBe('本周进展主体结构封顶→设备安装调试');
    expect(screen.queryByRole('listitem', { name: '湘乡市农产品冷链物流中心' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('1个项目有变化');
    expect(screen.getByRole('region', { name: '链长：王副市长' })).toBeTruthy();
    expect(screen.getByText('第48周（11月23日—11月29日）较第47周（11月16日—11月22日）')).toBeTruthy();
  });

  it('打印：桌面版在本窗口转到打印页，浏览器中另开新窗口', async () => {
    await seedTwoWeeks();
    const location = await renderAt('/dispatch/changes');
    await screen.findByRole('listitem', { name: '湘乡经开区电子元器件产业园' });
    const user = userEvent.setup();

    // the browser host has no window.api: the paper opens beside the app
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const api = window.api;
    delete window.api;
    await user.click(screen.getByRole('button', { name: /打印/ }));
    window.api = api;
    expect(open).toHaveBeenCalledWith(expect.stringMatching(/#\/print\/changes\?week=2026-W48$/), '_blank');

    await user.click(screen.getByRole('button', { name: /打印/ }));
    expect(location.history.at(-1)).toBe('/print/changes?week=2026-W48');
    expect(await screen.findByRole('heading', { name: '湘乡市重点项目较上周变化（第48周）' })).toBeTruthy();
  });

  it('打印页显示标题、统计时段，每项变化一行', async () => {
    const { moved } = await seedTwoWeeks();
    // a second change for the same project: its 总投资 was revised this week
    await app.ok('projects.update', { id: moved.id, totalInvestmentYuan: 600_000_000 });
    await renderAt('/print/changes?week=2026-W48');

    expect(await screen.findByRole('heading', { name: '湘乡市重点项目较上周变化（第48周）' })).toBeTruthy();
    expect(screen.getByText(/统计时段：11月23日—11月29日/)).toBeTruthy();
    const table = screen.getByRole('table');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(headers).toEqual(['序号', '项目名称', '链长', '变化事项', '上周（第47周）', '本周（第48周）']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['1', '湘乡经开区电子元器件产业园', '王副市长', '本周进展', '主体结构封顶', '设备安装调试'],
      ['总投资', '50,000.00万元', '60,000.00万元'],
    ]);
  });
});

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Route, Switch } from 'wouter';
import { DashboardPage } from '../../renderer/pages/dashboard/DashboardPage';
import { LibraryPage } from '../../renderer/pages/library/LibraryPage';
import { realLedgerXlsx } from '../helpers/real-ledger';
import type { TempApp } from '../helpers/temp-app';
import { renderProjectRoutes } from './project-harness';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

// 资料待补: projects a ledger brought in without the dates their stage needs carry a visible mark — counted on
// the 工作台, filterable in the 项目库, named on the project page — until someone fills them in.

let app: TempApp;
afterEach(async () => {
  await app?.close();
  sessionStorage.clear();
});

/** The day-one ledger, imported with its ambiguous column confirmed and every chain settled. */
async function importRealLedger(target: TempApp) {
  const { chains } = await target.ok('reference.list', {});
  const input = {
    fileName: '台账.xlsx',
    contentBase64: (await realLedgerXlsx()).toString('base64'),
    columnMap: { 累计完成投资: 'yearCompleted' as const },
    defaultChainId: chains[0].id,
  };
  const shown = await target.ok('ledger.previewImport', input);
  await target.ok('ledger.applyImport', { ...input, fingerprint: shown.fingerprint });
}

function renderOffice(path: string) {
  return renderPage(
    <Switch>
      <Route path="/dashboard" component={DashboardPage} />
      <Route path="/projects" component={LibraryPage} />
    </Switch>,
    { path },
  );
}

function projectNames(): string[] {
  const list = document.querySelector('[role="region"][aria-label^="项目列表"]');
  if (!list) return [];
  // the rows a clerk can select (aria-selected): not the header, the totals or a note that nothing matches;
  // read with a selector because role queries over hundreds of cells are slow in jsdom
  return [...list.querySelectorAll('tbody tr[aria-selected]')].map(
    (tr) => tr.querySelector('.library-name')?.textContent ?? tr.textContent ?? '',
  );
}

describe('资料待补', { timeout: 60_000 }, () => {
  it('工作台写明资料待补的项目数，点开即是项目库中这几个项目', async () => {
    app = await installRealApi({ demo: false });
    await importRealLedger(app);
    await renderOffice('/dashboard');
    const link = await screen.findByRole('link', { name: /资料待补 4 个项目/ }, { timeout: 10_000 });
    await userEvent.click(link);
    const shortcut = await screen.findByRole('button', { name: /资料待补 4/ }, { timeout: 10_000 });
    expect(shortcut.getAttribute('aria-pressed')).toBe('true');
    const names = projectNames().join('|');
    for (const name of ['智能终端扩产项目', '绿色建材产业园二期', '精密铸件生产线', '无人机整机组装基地']) {
      expect(names).toContain(name);
    }
    expect(names).not.toContain('城区智慧停车场');
  });

  it('项目页标出所缺栏目并可去补填；补填后标记消失', async () => {
    app = await installRealApi({ demo: false });
    await importRealLedger(app);
    const [terminal] = await app.ok('projects.list', { search: '智能终端扩产项目' });
    await renderProjectRoutes(app, `/projects/${terminal.id}`);
    const lights = await screen.findByRole('region', { name: '预警' });
    const note = within(lights).getByRole('note');
    expect(note.textContent).toBe('资料待补实际开工日期去补填');
    expect(within(note).getByRole('link', { name: '去补填' }).getAttribute('href')).toBe(
      `/projects/${terminal.id}/edit`,
    );
    expect(lights.textContent).toContain('资料资料待补：实际开工日期');
    expect(lights.textContent).not.toContain('未开工');

    await app.ok('projects.update', { id: terminal.id, actualStartDate: '2025-03-10' });
    const [filled] = await app.ok('projects.list', { search: '智能终端扩产项目' });
    expect(filled.missingFields).toEqual([]);
  });
});

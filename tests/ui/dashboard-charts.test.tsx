import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Route, Switch } from 'wouter';
import { UNASSIGNED_LEAD } from '../../db/model/overview';
import { DashboardPage } from '../../renderer/pages/dashboard/DashboardPage';
import type { TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

let app: TempApp;
afterEach(async () => {
  await app?.close();
  sessionStorage.clear();
});

/** A chart's 表: its rows as the clerk reads them. */
async function chartTable(title: string): Promise<string[][]> {
  // the panel is a placeholder until its figures are read: wait for the chart's own 图/表 switch
  const choice = await waitFor(
    () => within(screen.getByRole('region', { name: title })).getByRole('radio', { name: '表' }),
    { timeout: 15_000 },
  );
  await userEvent.click(choice.closest('label') ?? choice);
  const panel = screen.getByRole('region', { name: title });
  const table = within(panel).getByRole('table', { name: title });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? ''),
    );
}

describe('工作台图表', { timeout: 40_000 }, () => {
  it('各链长红灯、黄灯的表与链长视图各卡片的红灯、黄灯、项目数一致，红灯多的在前', async () => {
    app = await installRealApi({ demo: true });
    const { leads } = await app.ok('overview.chainLeads', {});
    await renderPage(
      <Switch>
        <Route path="/dashboard" component={DashboardPage} />
      </Switch>,
      { path: '/dashboard' },
    );
    const rows = await chartTable('各链长红灯、黄灯');
    const expected = leads
      .filter((l) => l.chainLead !== UNASSIGNED_LEAD && l.projectCount > 0)
      .map((l) => [l.chainLead, String(l.byLight.red), String(l.byLight.yellow), String(l.projectCount)]);
    expect(rows).toHaveLength(expected.length);
    expect([...rows].sort()).toEqual([...expected].sort());
    const reds = rows.map((r) => Number(r[1]));
    expect(reds).toEqual([...reds].sort((a, b) => b - a));
    expect(reds[0]).toBeGreaterThan(0);
  });
});

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Route } from 'wouter';
import { formatWan } from '../../db/model/money';
import type { StatsRow } from '../../db/model/stat-ranking';
import { signedPointsText } from '../../db/model/stat-table';
import { StatsPage } from '../../renderer/pages/stats/StatsPage';
import { percentText } from '../../renderer/ui/percent';
import type { TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

let app: TempApp;
afterEach(async () => {
  await app?.close();
});

const cellTexts = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');

/** What a row of the grid reads: place, group, 项目数, 1—N月完成, 投资完成率, gap, 开工率 with its parts, lights. */
const shown = (r: StatsRow) => [
  r.rank === null ? '—' : String(r.rank),
  r.group.name,
  String(r.figures.projectCount),
  formatWan(r.figures.completedYuan),
  percentText(r.figures.investmentRate.value),
  signedPointsText(r.figures.gapPoints),
  `${percentText(r.figures.startRate.value)}${r.figures.startRate.numerator}/${r.figures.startRate.denominator}`,
  String(r.figures.red),
];
const read = (c: string[]) => [c[0], c[1], c[2], c[5], c[6], c[7], c[8], c[11]];

describe('统计排名', { timeout: 30_000 }, () => {
  it('按牵头单位列出本月的考核名次与各项数字，与 stats.ranking 一致；切换为按链长', async () => {
    app = await installRealApi({ demo: true });
    const status = await app.ok('app.status', {});
    const month = Number(status.today.slice(5, 7));
    await renderPage(<Route path="/stats" component={StatsPage} />, { path: '/stats', app });

    const grid = await screen.findByRole('region', { name: '统计排名（按牵头单位）' }, { timeout: 10_000 });
    const byUnit = await app.ok('stats.ranking', { year: status.planYear, month, by: 'unit' });
    const rows = () =>
      within(grid)
        .getAllByRole('row')
        .filter((r) => within(r).queryAllByRole('cell').length > 0);
    expect(rows().map(cellTexts).map(read).slice(0, byUnit.rows.length)).toEqual(byUnit.rows.map(shown));
    expect(screen.getByText(`合计（${byUnit.total.projectCount}个项目）`)).toBeTruthy();

    await userEvent.click(screen.getByText('按链长'));
    const leadGrid = await screen.findByRole('region', { name: '统计排名（按链长）' }, { timeout: 10_000 });
    const byLead = await app.ok('stats.ranking', { year: status.planYear, month, by: 'chainLead' });
    const leadRows = within(leadGrid)
      .getAllByRole('row')
      .filter((r) => within(r).queryAllByRole('cell').length > 0);
    expect(leadRows.map(cellTexts).map(read).slice(0, byLead.rows.length)).toEqual(byLead.rows.map(shown));
  });
});

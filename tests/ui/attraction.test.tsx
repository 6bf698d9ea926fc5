import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Route, Switch } from 'wouter';
import { formatWan } from '../../db/model/money';
import { AttractionPage } from '../../renderer/pages/attraction/AttractionPage';
import { ChainLeadsPage } from '../../renderer/pages/chain-leads/ChainLeadsPage';
import { LibraryPage } from '../../renderer/pages/library/LibraryPage';
import type { TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

let app: TempApp;
afterEach(async () => {
  await app?.close();
  sessionStorage.clear();
});

const cellTexts = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

describe('招商', { timeout: 30_000 }, () => {
  it('按产业链列出签约→注册→开工→投产、合同投资、到位资金、到位率和履约率，合计与接口一致；点产业链到项目库看该链的招商引资项目', async () => {
    app = await installRealApi({ demo: true });
    const stats = await app.ok('stats.attraction', {});
    const rows = await app.ok('projects.list', {});
    const busiest = [...stats.byChain].sort((a, b) => b.signed - a.signed)[0];
    expect(stats.total.signed).toBeGreaterThan(0);

    await renderPage(
      <Switch>
        <Route path="/attraction" component={AttractionPage} />
        <Route path="/projects" component={LibraryPage} />
      </Switch>,
      { path: '/attraction', app },
    );

    const table = await screen.findByRole('table', { name: '招商情况（按产业链）' }, { timeout: 10_000 });
    const { total } = stats;
    const [totalRow] = within(table)
      .getAllByRole('row')
      .filter((r) => r.textContent?.startsWith('合计'));
    expect(cellTexts(totalRow)).toEqual([
      '合计',
      String(total.signed),
      String(total.registered),
      String(total.started),
      String(total.producing),
      formatWan(total.contractInvestmentYuan),
      formatWan(total.fundsInPlaceYuan),
      percent(total.fundsRate.rate),
      `${percent(total.performanceRate.rate)}${total.performanceRate.numerator}/${total.performanceRate.denominator}`,
      String(total.notYetDue),
    ]);

    const link = within(table).getByRole('link', { name: busiest.chainName });
    await userEvent.click(link);
    const invited = rows.filter((r) => r.chainId === busiest.chainId && r.isInvestmentPromotion);
    const allTab = await screen.findByRole('tab', { name: /^全部/ }, { timeout: 10_000 });
    expect(allTab.textContent).toBe(`全部 ${invited.length}`);
    expect(screen.getByText('仅招商引资项目')).toBeTruthy();
  });

  it('链长视图的每张卡片写明该链长本年的招商：签约、已开工、履约率、合同投资和到位资金', async () => {
    app = await installRealApi({ demo: true });
    const stats = await app.ok('stats.attraction', {});
    const lead = stats.byLead.find((l) => l.performanceRate.denominator > 0 && l.chainLead !== '未设链长')!;

    await renderPage(<ChainLeadsPage />, { path: '/chain-leads' });

    const card = await screen.findByRole('region', { name: lead.chainLead }, { timeout: 10_000 });
    const line = await within(card).findByLabelText('招商', {}, { timeout: 10_000 });
    const { numerator, denominator, rate } = lead.performanceRate;
    expect(line.textContent?.replace(/\s+/g, '')).toBe(
      `${stats.year}年招商签约${lead.signed}个·已开工${lead.started}个·履约率${percent(rate)}（${numerator}/${denominator}）` +
        `合同投资${formatWan(lead.contractInvestmentYuan)}万元/到位资金${formatWan(lead.fundsInPlaceYuan)}万元`,
    );
  });
});

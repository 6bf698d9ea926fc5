import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Route, Switch } from 'wouter';
import { formatHundredths } from '../../db/model/factors';
import { formatWan } from '../../db/model/money';
import { FactorsPage } from '../../renderer/pages/factors/FactorsPage';
import { FactorsPanel } from '../../renderer/pages/project/FactorsPanel';
import type { TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

let app: TempApp;
afterEach(async () => {
  await app?.close();
  sessionStorage.clear();
});

const cellTexts = (row: HTMLElement) => [...row.querySelectorAll('td')].map((c) => c.textContent ?? '');

describe('要素保障', { timeout: 60_000 }, () => {
  it('缺地项目：列出缺口最大的项目和合计行，与接口一致；转为问题预填缺口说明，登记后该行注明问题编号', async () => {
    app = await installRealApi({ demo: true });
    const land = await app.ok('factors.shortfalls', { kind: 'land' });
    const [first] = land.rows;
    await renderPage(
      <Switch>
        <Route path="/factors/:tab?">{(params) => <FactorsPage tab={params.tab} />}</Route>
      </Switch>,
      { path: '/factors', app },
    );
    const table = await screen.findByRole('table', { name: '缺地项目' }, { timeout: 20_000 });
    const rows = table.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(land.rows.length);
    expect(cellTexts(rows[0] as HTMLElement).slice(0, 9)).toEqual([
      '1',
      first.code,
      first.name,
      expect.any(String),
      first.leadUnitName ?? '未指定',
      first.chainLead,
      formatHundredths(first.need),
      formatHundredths(first.have),
      formatHundredths(first.gap),
    ]);
    const total = table.querySelector('tfoot tr') as HTMLElement;
    expect(cellTexts(total).slice(0, 4)).toEqual([
      `合计（${land.total.count}个项目）`,
      formatHundredths(land.total.need),
      formatHundredths(land.total.have),
      formatHundredths(land.total.gap),
    ]);

    await userEvent.click(within(rows[0] as HTMLElement).getByText('转为问题'));
    const description = (await screen.findByLabelText('问题描述')) as HTMLTextAreaElement;
    expect(description.value).toBe(first.problem.description);
    expect(description.value).toMatch(/^用地缺口[\d,.]+亩（需求[\d,.]+亩，已供[\d,.]+亩，/);
    await userEvent.click(screen.getByText('登记', { selector: 'button span' }));
    await waitFor(async () => {
      const raised = (await app.ok('problems.list', { projectId: first.projectId })).find(
        (p) => p.source === '要素保障·用地',
      );
      expect(raised).toMatchObject({ description: first.problem.description, category: 'land' });
    });
    const problem = (await app.ok('problems.list', { projectId: first.projectId })).find(
      (p) => p.source === '要素保障·用地',
    )!;
    await screen.findByText(problem.code, {}, { timeout: 10_000 });
    expect(problem.leadUnitName).toBe(first.leadUnitName);
  });

  it('资金未到位项目：按来源写明缺口，合计行与接口一致', async () => {
    app = await installRealApi({ demo: true });
    const funds = await app.ok('factors.shortfalls', { kind: 'funds' });
    await renderPage(
      <Switch>
        <Route path="/factors/:tab?">{(params) => <FactorsPage tab={params.tab} />}</Route>
      </Switch>,
      { path: '/factors/funds', app },
    );
    const table = await screen.findByRole('table', { name: '资金未到位项目' }, { timeout: 20_000 });
    const total = table.querySelector('tfoot tr') as HTMLElement;
    expect(cellTexts(total).slice(1, 4)).toEqual([
      formatWan(funds.total.need),
      formatWan(funds.total.have),
      formatWan(funds.total.gap),
    ]);
    expect(screen.getByText(`${funds.year}年资金未到位项目`, { exact: false })).toBeTruthy();
  });

  it('项目页：填写用地、用能和本年资金后保存，显示缺口；写错的数说明原因，不保存', async () => {
    app = await installRealApi({});
    const chainId = (await app.ok('reference.list', {})).chains[0].id;
    const project = await app.ok('projects.create', {
      name: '城南标准厂房',
      chainId,
      owner: '某公司',
      stage: 'preliminary',
    });
    await renderPage(<FactorsPanel projectId={project.id} planYear={2026} />, { app });
    await userEvent.click(await screen.findByText('填写', { selector: 'button span' }, { timeout: 20_000 }));
    fireEvent.change(screen.getByLabelText('需求亩数'), { target: { value: '30' } });
    fireEvent.change(screen.getByLabelText('已供亩数'), { target: { value: '17.5' } });
    fireEvent.change(screen.getByLabelText('银行贷款计划'), { target: { value: '1000' } });
    fireEvent.change(screen.getByLabelText('银行贷款到位'), { target: { value: '400' } });
    fireEvent.change(screen.getByLabelText('需求用能指标'), { target: { value: '1.234' } });
    await userEvent.click(screen.getByText('保存', { selector: 'button span' }));
    await screen.findByText('需求用能指标最多保留两位小数');
    expect((await app.ok('factors.get', { projectId: project.id })).version).toBe(0);

    fireEvent.change(screen.getByLabelText('需求用能指标'), { target: { value: '' } });
    await userEvent.click(screen.getByText('保存', { selector: 'button span' }));
    await screen.findByText('12.50', {}, { timeout: 10_000 });
    const saved = await app.ok('factors.get', { projectId: project.id });
    expect(saved).toMatchObject({
      version: 1,
      land: { demandHundredths: 3000, suppliedHundredths: 1750 },
      energy: { neededHundredths: null },
    });
    expect(saved.funds.find((f) => f.source === 'bank_loan')).toMatchObject({
      plannedYuan: 10_000_000,
      inPlaceYuan: 4_000_000,
    });
    // the fund's gap and the total's
    expect(screen.getAllByText('600.00').length).toBe(2);
  });
});

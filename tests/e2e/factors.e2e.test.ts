import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';
import { launchBrowser, startHost, watchForPageErrors, type RunningHost } from '../../scripts/browser-host';

let browser: Browser;
let host: RunningHost | undefined;
const temp = makeTempDir('zdxm-e2e-factors-');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
  temp.remove();
});

/** antd puts a space between the two characters of a two-character button (“登 记”). */
const button = (scope: Page | Locator, label: string) =>
  scope.getByRole('button', { name: new RegExp(`^${[...label].join('\\s*')}$`) });

describe('要素保障端到端（真实 Chromium + 浏览器版）', () => {
  it('在项目页填写用地，缺地项目清单列出缺口；转为问题后该行注明问题编号', async () => {
    host = await startHost({ dataDir: temp.dir, demo: false, today: '2026-11-26' });
    await host.call('app.initialize', { operatorName: '李明', loadDemo: false });
    const { chains } = await host.call('reference.list', {});
    const project = await host.call('projects.create', {
      name: '城东标准厂房',
      stage: 'preliminary',
      chainId: chains[0].id,
      owner: '湘乡市城市建设投资有限公司',
    });

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = watchForPageErrors(page);
    await page.goto(`${host.url}#/projects/${project.id}`);
    const panel = page.getByRole('region', { name: '要素保障' });
    await button(panel, '填写').click();
    await panel.getByLabel('需求亩数').fill('30');
    await panel.getByLabel('已供亩数').fill('17.5');
    await panel.getByRole('combobox', { name: '报批状态' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '报批中' }).first().click();
    await button(panel, '保存').click();
    await panel.getByText('12.50').waitFor();

    await page.goto(`${host.url}#/factors`);
    const table = page.getByRole('table', { name: '缺地项目' });
    const row = table.getByRole('row', { name: '城东标准厂房' });
    await expect.poll(() => row.locator('td').allTextContents(), { timeout: 15_000 }).toContain('12.50');
    await button(row, '转为问题').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '登记问题' }).last();
    await expect
      .poll(() => dialog.getByLabel('问题描述').inputValue(), { timeout: 15_000 })
      .toBe('用地缺口12.50亩（需求30.00亩，已供17.50亩，报批中）');
    await button(dialog, '登记').click();
    // registered when the row names its problem (a state, not a time: the machine may be busy)
    await row.getByText(/^WT-\d{4}-\d{4}$/).waitFor();
    const problems = await host.call('problems.list', { projectId: project.id });
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem).toMatchObject({ source: '要素保障·用地', category: 'land' });
    await row.getByText(problem.code).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});

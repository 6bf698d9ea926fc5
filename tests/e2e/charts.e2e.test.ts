import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWan } from '../../db/model/money';
import { cumulativeYuan, pacePlanYuan } from '../../db/model/office-trends';
import { makeTempDir } from '../helpers/temp-dir';
import { launchBrowser, startHost, watchForPageErrors, type RunningHost } from '../../scripts/browser-host';

let browser: Browser;
let host: RunningHost;
const temp = makeTempDir('zdxm-e2e-charts-');

beforeAll(async () => {
  browser = await launchBrowser();
  host = await startHost({ dataDir: temp.dir, demo: true, today: '2026-11-28' });
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
  temp.remove();
});

const chartPanel = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });

/** The 表 of a chart, row by row as the clerk reads it. */
async function tableRows(page: Page, title: string): Promise<string[][]> {
  const rows = chartPanel(page, title).locator('tbody tr');
  return rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
  );
}

describe('图表端到端（真实 Chromium + 示例办公室）', () => {
  it('工作台的图表画成SVG；本年投资的“表”与接口数字一致，键盘可切换', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = watchForPageErrors(page);
    await page.goto(`${host.url}#/dashboard`);
    for (const title of ['本年投资（按月累计）', '近12周红黄绿灯', '各链长红灯、黄灯', '阶段分布']) {
      const svg = chartPanel(page, title).locator('.zd-chart svg');
      await svg.waitFor();
      // drawn, not an empty frame: bars and lines are paths inside the SVG
      expect(await svg.locator('path').count()).toBeGreaterThan(5);
    }
    const invest = chartPanel(page, '本年投资（按月累计）');
    expect(await invest.locator('svg').innerHTML()).toContain('序时进度（本年计划×N/12）');

    // 表, by keyboard: the 图/表 switch is a radio group reached with Tab and moved with the arrow keys
    await invest.getByRole('radio', { name: '图' }).focus();
    await page.keyboard.press('ArrowRight');
    await invest.locator('tbody tr').first().waitFor();
    expect(await invest.locator('.zd-chart svg').count()).toBe(0);

    const trend = await host.call('overview.monthlyInvestment', {});
    const cumulative = cumulativeYuan(trend.monthlyYuan);
    const rows = await tableRows(page, '本年投资（按月累计）');
    expect(rows).toEqual(
      trend.monthlyYuan.map((amount, i) => [
        `${i + 1}月`,
        formatWan(amount),
        formatWan(cumulative[i]),
        formatWan(pacePlanYuan(trend.annualPlanYuan, i + 1)),
        cumulative[i] === null ? '' : `${(((cumulative[i] ?? 0) / trend.annualPlanYuan) * 100).toFixed(1)}%`,
      ]),
    );
    expect(rows.filter((r) => r[1] !== '').length).toBeGreaterThan(3);

    // the lights' 表 against the API as well: one row per week, red, yellow, green and their sum
    const lights = chartPanel(page, '近12周红黄绿灯');
    await lights.locator('label', { hasText: '表' }).click();
    await lights.locator('tbody tr').first().waitFor();
    const { weeks } = await host.call('overview.lightTrend', {});
    expect((await tableRows(page, '近12周红黄绿灯')).map((r) => r.slice(1))).toEqual(
      weeks.map((w) => [w.red, w.yellow, w.green, w.red + w.yellow + w.green].map(String)),
    );
    expect(weeks.at(-1)?.red).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('点“各链长红灯”中的红色条，进入只列该链长红灯项目的项目库', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = watchForPageErrors(page);
    await page.goto(`${host.url}#/dashboard`);
    const overview = await host.call('overview.chainLeads', {});
    const mostReds = Math.max(...overview.leads.filter((l) => l.chainLead !== '未设链长').map((l) => l.byLight.red));
    const panel = chartPanel(page, '各链长红灯、黄灯');
    await panel.locator('.zd-chart svg').waitFor();
    await panel.scrollIntoViewIfNeeded();
    // the lead with the most reds has the widest red bar (the legend's red key is a small one)
    const bar = panel.locator(`.zd-chart svg path[fill="#cf1322"]`);
    const boxes = await bar.evaluateAll((paths) =>
      paths.map((p) => {
        const box = p.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2, top: box.y, width: box.width };
      }),
    );
    const top = boxes.sort((a, b) => b.width - a.width || a.top - b.top)[0];
    await page.mouse.click(top.x, top.y);

    await page.waitForURL(/#\/projects\?/);
    const url = new URL(page.url());
    const query = new URLSearchParams(url.hash.split('?')[1]);
    expect(query.get('light')).toBe('red');
    const lead = overview.leads.find((l) => l.chainLead === query.get('lead'));
    expect(lead?.byLight.red).toBe(mostReds);
    const allTab = page.getByRole('tab', { name: /^全部/ });
    await expect.poll(() => allTab.innerText(), { timeout: 20_000 }).toMatch(new RegExp(`全部\\s*${mostReds}$`));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('链长视图每条产业链一张小图；其“表”与接口一致，点表中的阶段进入该产业链该阶段的项目库', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = watchForPageErrors(page);
    await page.goto(`${host.url}#/chain-leads`);
    const overview = await host.call('overview.chainLeads', {});
    const chain = [...overview.chains].sort((a, b) => b.byStage.continuing - a.byStage.continuing)[0];
    const small = page.locator('.cl-multiple').filter({ has: page.getByTitle(chain.chainName, { exact: true }) });
    await small.locator('svg').waitFor();
    expect(await page.locator('.cl-multiple svg').count()).toBe(
      overview.leads.reduce((n, l) => n + l.chains.length, 0),
    );
    await small.scrollIntoViewIfNeeded();
    await small.locator('label', { hasText: '表' }).click();
    const rows = await small
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows).toEqual([
      ['储备', String(chain.byStage.reserve)],
      ['前期', String(chain.byStage.preliminary)],
      ['新开工', String(chain.byStage.new_start)],
      ['续建', String(chain.byStage.continuing)],
      ['竣工', String(chain.byStage.completed)],
    ]);
    await small.getByRole('link', { name: '续建' }).click();
    await page.waitForURL(/#\/projects\?/);
    const tab = page.getByRole('tab', { name: /^续建/ });
    await expect
      .poll(() => tab.innerText(), { timeout: 20_000 })
      .toMatch(new RegExp(`续建\\s*${chain.byStage.continuing}$`));
    // office-wide there are more: the tab counts the chain's projects only
    expect(overview.chains.reduce((n, c) => n + c.byStage.continuing, 0)).toBeGreaterThan(chain.byStage.continuing);
    expect(errors).toEqual([]);
    await page.close();
  });
});

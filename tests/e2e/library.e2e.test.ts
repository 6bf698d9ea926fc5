import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';
import { launchBrowser, startHost, watchForPageErrors, type RunningHost } from '../../scripts/browser-host';

let browser: Browser;
let host: RunningHost | undefined;
const temp = makeTempDir('zdxm-e2e-');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
  temp.remove();
});

async function chooseOption(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

describe('项目库端到端（真实 Chromium + 浏览器版）', () => {
  it('新建项目、搜索、编辑，重启后修改和变更记录都还在', async () => {
    host = await startHost({ dataDir: temp.dir, today: '2026-11-28' });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = watchForPageErrors(page);
    await page.goto(host.url);

    // first start: the clerk's name, blank office
    await page.getByLabel('您的姓名').fill('项目办测试员');
    await page.getByText('空白开始（正式使用）').click();
    await page.getByRole('button', { name: '开始使用' }).click();
    await page.getByRole('menuitem', { name: '项目库' }).click();
    await expect.poll(() => page.getByText('还没有项目').count()).toBeGreaterThan(0);

    // create through the form
    await page
      .getByRole('button', { name: /新增项目/ })
      .first()
      .click();
    await page.getByLabel('项目名称').fill('华芯制造年产1亿颗芯片封测项目');
    await chooseOption(page, '阶段', '储备');
    await chooseOption(page, '产业链', '电子信息');
    await expect.poll(() => page.getByLabel('项目编号').inputValue()).toBe('DZ-2026-001');
    await page.getByLabel('建设单位').fill('湖南华芯制造有限公司');
    await page.getByLabel('总投资').fill('1234.56');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: '华芯制造年产1亿颗芯片封测项目' }).count()).toBe(1);
    expect(page.url()).toMatch(/#\/projects\/\d+$/);
    await expect.poll(() => page.getByText('1,234.56').count()).toBeGreaterThan(0);

    // find it again by search in the library
    await page.goto(`${host.url}#/projects`);
    await page.getByPlaceholder(/搜索项目名称/).fill('芯片封测');
    const row = page.locator('tbody tr', { hasText: 'DZ-2026-001' });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => page.getByText('合计 1 个项目').count()).toBe(1);

    // edit
    await row.getByText('华芯制造年产1亿颗芯片封测项目').click();
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    await page.getByLabel('总投资').fill('2000');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByText('2,000.00').count()).toBeGreaterThan(0);
    const projectUrl = page.url();
    expect(projectUrl).toMatch(/#\/projects\/\d+$/);

    // restart the host on the same data directory (the old page goes first: it would talk to a stopped host)
    const errorsBeforeRestart = errors.filter((e) => !e.includes('favicon'));
    await page.close();
    await host.stop();
    host = await startHost({ dataDir: temp.dir, today: '2026-11-28' });
    const after = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const afterErrors = watchForPageErrors(after);
    await after.goto(`${host.url}#/projects/${projectUrl.split('/').pop()}`);
    await expect.poll(() => after.getByText('2,000.00').count()).toBeGreaterThan(0);
    const history = after.locator('tr', { hasText: '1,234.56万元' });
    await expect.poll(() => history.count()).toBe(1);
    expect(await history.innerText()).toMatch(/总投资[\s\S]*1,234\.56万元[\s\S]*2,000\.00万元/);
    expect(await history.innerText()).toContain('项目办测试员');

    expect(errorsBeforeRestart).toEqual([]);
    expect(afterErrors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });
});

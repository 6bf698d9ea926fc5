import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';
import { launchBrowser, startHost, watchForPageErrors, type RunningHost } from '../../scripts/browser-host';

let browser: Browser;
let host: RunningHost | undefined;
const temp = makeTempDir('zdxm-e2e-dispatch-');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
  temp.remove();
});

const FIELDS = ['本周进展（形象进度）', '存在问题', '需协调事项', '下周计划'];

const cell = (page: Page, project: string, field: string) =>
  page.getByRole('textbox', { name: `${project} ${field}`, exact: true });
const row = (page: Page, project: string) => page.getByRole('row', { name: project, exact: true });
const counter = async (page: Page) => (await page.getByLabel('报送情况').innerText()).replace(/\s+/g, '');
const reportedCount = async (page: Page) => Number(/已报送(\d+)/.exec(await counter(page))?.[1]);

/** What the clerk types for one project: four cells of this week's words. */
function textsFor(index: number): string[] {
  return [
    `第48周进展${index + 1}：主体结构施工至${index + 3}层`,
    `塔吊安装待验收${index + 1}`,
    `请市住建局协调验收${index + 1}`,
    `完成第${index + 4}层浇筑`,
  ];
}

describe('周调度端到端（真实 Chromium + 浏览器版）', () => {
  it('用键盘填报三个项目的本周调度，刷新后仍在且已报送，打印预览标题正确', async () => {
    host = await startHost({ dataDir: temp.dir, demo: true, today: '2026-11-26' });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = watchForPageErrors(page);
    await page.goto(`${host.url}#/dispatch`);
    await page.getByLabel('报送情况').waitFor();
    expect(await page.getByRole('group', { name: '调度周' }).innerText()).toContain(
      '2026年第48周（11月23日—11月29日）',
    );
    const before = await reportedCount(page);

    // 只看未报送, by keyboard: the three projects to fill are the first three still unreported
    await page.getByRole('switch', { name: '只看未报送' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('switch', { name: '只看未报送' }).isChecked()).toBe(true);
    const rows = page.getByRole('region', { name: '本周调度填报' }).locator('tbody').getByRole('row');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3);
    const names: string[] = [];
    for (let i = 0; i < 3; i++) names.push((await rows.nth(i).getAttribute('aria-label')) ?? '');
    expect(names.every(Boolean)).toBe(true);
    for (const name of names) expect(await row(page, name).innerText()).toMatch(/未报送|待确认/);

    // the first cell takes the keyboard; from there only keys: type, Tab, …, Enter down to the next row
    await cell(page, names[0], FIELDS[0]).focus();
    for (let i = 0; i < names.length; i++) {
      const texts = textsFor(i);
      for (let col = 0; col < FIELDS.length; col++) {
        await expect
          .poll(() => cell(page, names[i], FIELDS[col]).evaluate((el) => el === document.activeElement))
          .toBe(true);
        await page.keyboard.type(texts[col]);
        await page.keyboard.press(col < FIELDS.length - 1 ? 'Tab' : 'Enter');
      }
    }
    // Enter after the last cell of a row goes back to the row's first cell, one row down
    await expect
      .poll(() =>
        page.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.getAttribute('aria-label')),
      )
      .toMatch(/本周进展（形象进度）$/);
    for (const name of names) await expect.poll(() => row(page, name).innerText()).toContain('已报送');
    await expect.poll(() => page.getByText('所有修改均已保存').count()).toBe(1);

    await page.reload();
    await page.getByLabel('报送情况').waitFor();
    await expect.poll(() => reportedCount(page)).toBe(before + 3);
    for (let i = 0; i < names.length; i++) {
      const texts = textsFor(i);
      for (let col = 0; col < FIELDS.length; col++) {
        await cell(page, names[i], FIELDS[col]).scrollIntoViewIfNeeded();
        expect(await cell(page, names[i], FIELDS[col]).inputValue()).toBe(texts[col]);
      }
      expect(await row(page, names[i]).innerText()).toContain('已报送');
    }

    // and print: the preview of this week's list
    await page.getByRole('tab', { name: '打印调度表' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/dispatch\/print$/);
    const preview = page.getByRole('region', { name: '打印预览' });
    await expect
      .poll(() => preview.getByRole('article', { name: '第1页' }).innerText(), { timeout: 20_000 })
      .toContain('湘乡市重点项目建设周调度表（第48周）');
    // the list prints what was just typed
    const pages = preview.getByRole('article');
    const printed = (await pages.allInnerTexts()).join('\n').replace(/\s+/g, '');
    expect(printed).toContain(textsFor(0)[0]);

    expect(errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });
});

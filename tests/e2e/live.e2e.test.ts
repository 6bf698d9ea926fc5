import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';
import { launchBrowser, startHost, watchForPageErrors, type RunningHost } from '../../scripts/browser-host';

// Live refresh (issue #15): two clerks have 本周调度 open on one host; what one saves appears in the other's grid
// without a reload, with a quiet line saying who did it, and never under the other clerk's cursor.

let browser: Browser;
let host: RunningHost | undefined;
const temp = makeTempDir('zdxm-e2e-live-');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
  temp.remove();
});

const PROGRESS = '本周进展（形象进度）';
/** a change reaches the other page after the event, a short gathering pause and a read of the week */
const LIVE = { timeout: 10_000 };
const cell = (page: Page, project: string) =>
  page.getByRole('textbox', { name: `${project} ${PROGRESS}`, exact: true });

async function openGrid(page: Page): Promise<void> {
  await page.goto(`${host!.url}#/dispatch`);
  await page.getByLabel('报送情况').waitFor();
}

/** Clerk A types into a project's 本周进展 and leaves the cell, which saves it. */
async function saveProgress(page: Page, project: string, text: string): Promise<void> {
  await cell(page, project).focus();
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
  await expect.poll(() => page.getByText('所有修改均已保存').count()).toBe(1);
}

describe('实时刷新端到端（两个 Chromium 页面 + 浏览器版）', () => {
  it('A 保存的周调度不刷新页面就出现在 B 的表格里，并提示谁改了什么；B 正在的行等 B 离开后才更新', async () => {
    host = await startHost({ dataDir: temp.dir, demo: true, today: '2026-11-26' });
    const a = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const b = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = [...watchForPageErrors(a), ...watchForPageErrors(b)];
    await openGrid(a);
    await openGrid(b);
    const rows = a.getByRole('region', { name: '本周调度填报' }).locator('tbody').getByRole('row');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(4);
    const [first, second, third] = await Promise.all(
      [1, 2, 3].map(async (i) => (await rows.nth(i).getAttribute('aria-label')) ?? ''),
    );

    await saveProgress(a, first, '主体结构封顶，A填报');
    await expect.poll(() => cell(b, first).inputValue(), LIVE).toBe('主体结构封顶，A填报');
    await expect.poll(() => b.locator('.app-live-notice').innerText(), LIVE).toContain(`更新了 ${first} 的本周进展`);

    // B sits in the second project's cell: A's save of it waits until B leaves, while the third comes at once
    const before = await cell(b, second).inputValue();
    await cell(b, second).focus();
    await saveProgress(a, second, '桩基施工完成，A填报');
    await saveProgress(a, third, '设备进场调试，A填报');
    await expect.poll(() => cell(b, third).inputValue(), LIVE).toBe('设备进场调试，A填报');
    expect(await cell(b, second).inputValue()).toBe(before);
    await cell(b, third).focus();
    await expect.poll(() => cell(b, second).inputValue(), LIVE).toBe('桩基施工完成，A填报');

    // A is told nothing of its own saves
    expect(await a.locator('.app-live-notice').innerText()).toBe('');
    expect(errors).toEqual([]);
  });
});

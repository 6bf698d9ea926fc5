import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';
import { CHROMIUM_ARGS, chromiumPath, startHost, type RunningHost } from '../../scripts/browser-host';

// The office's usual screen is 1366×768 on Windows, whose scroll bars take 17px of the list's width. Headless
// Chromium hides scroll bars unless told not to; here they show and take their room, as on the clerk's PC.

let browser: Browser;
let host: RunningHost;
const temp = makeTempDir('zdxm-e2e-layout-');

beforeAll(async () => {
  host = await startHost({ dataDir: temp.dir, demo: true, today: '2026-11-26' });
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
    ignoreDefaultArgs: ['--hide-scrollbars'],
  });
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.remove();
});

async function openAt1366(route: string, ready: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${host.url}#${route}`);
  await page.addStyleTag({ content: '::-webkit-scrollbar { width: 17px; height: 17px; }' });
  await page.getByText(ready).first().waitFor();
  return page;
}

/** How far a box reaches past its scroll box's visible width (0 or less: no sideways scrolling). */
const overflowOf = (scrollBox: Locator) => scrollBox.evaluate((el) => el.scrollWidth - el.clientWidth);

async function rightEdge(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return box.x + box.width;
}

describe('1366×768 的屏幕上（Windows 滚动条）', () => {
  it('项目库默认各列不必左右滚动，完成率一列在屏幕内，项目名称不被“示例”挤掉', async () => {
    const page = await openAt1366('/projects', '合计');
    const list = page.getByRole('region', { name: /^项目列表/ });
    // the scroll bar is there and takes its room, as on Windows
    expect(await list.evaluate((el) => (el as HTMLElement).offsetWidth - el.clientWidth)).toBeGreaterThanOrEqual(15);
    await expect.poll(() => overflowOf(list)).toBeLessThanOrEqual(0);

    const rate = page.getByRole('columnheader', { name: /^完成率/ });
    expect(await rightEdge(rate)).toBeLessThanOrEqual(await rightEdge(list));
    expect(await rightEdge(list)).toBeLessThanOrEqual(1366);

    // the first row's name: at least 13 characters show beside its 示例 mark
    const firstName = page.locator('.library-name').first();
    const tag = firstName.locator('.library-demo-tag');
    expect(await tag.innerText()).toBe('示例');
    expect((await tag.boundingBox())!.width).toBeLessThanOrEqual(28);
    expect((await firstName.locator('a').boundingBox())!.width).toBeGreaterThanOrEqual(13 * 13);
    await page.close();
  });

  it('问题清单的超期一列在屏幕内，“超期N天”完整显示，不必左右滚动', async () => {
    const page = await openAt1366('/problems', 'WT-');
    const list = page.getByRole('region', { name: /^问题清单/ });
    await expect.poll(() => overflowOf(list)).toBeLessThanOrEqual(0);

    const overdueHeader = page.getByRole('columnheader', { name: /^超期/ });
    expect(await rightEdge(overdueHeader)).toBeLessThanOrEqual(await rightEdge(list));
    const mark = list.getByText(/^超期\d+天$/).first();
    expect(await mark.innerText()).toMatch(/^超期\d+天$/);
    const cell = mark.locator('xpath=ancestor::td');
    expect(await rightEdge(mark)).toBeLessThanOrEqual(await rightEdge(cell));
    expect(await mark.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await page.close();
  });
});

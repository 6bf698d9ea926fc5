import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';
import { launchBrowser, startHost, watchForPageErrors, type RunningHost } from '../../scripts/browser-host';

let browser: Browser;
let host: RunningHost | undefined;
const temp = makeTempDir('zdxm-e2e-board-');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
  temp.remove();
});

const column = (page: Page, stage: string) => page.getByRole('region', { name: stage, exact: true });
const cardIn = (page: Page, stage: string, name: string) =>
  column(page, stage).getByRole('article', { name, exact: true });

/** The dialog asks for one date: type it as a clerk would, Enter picks it in the calendar. */
async function enterDate(page: Page, label: string, date: string) {
  const box = page.getByRole('dialog').getByLabel(label, { exact: true });
  await box.click();
  await box.fill(date);
  await box.press('Enter');
  await expect.poll(() => box.inputValue()).toBe(date);
}

async function confirm(page: Page, toStage: string) {
  await page.getByRole('button', { name: /确\s*定\s*变\s*更/ }).click();
  await expect.poll(() => page.getByText(`阶段已变更为${toStage}`).count()).toBeGreaterThan(0);
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
}

async function checkedTarget(page: Page): Promise<string> {
  return page.getByRole('dialog').locator('.ant-radio-button-wrapper-checked').innerText();
}

/** The card's ⋮ menu by keyboard: Enter opens it on its first item, the next move; Enter again picks it. */
async function nextStageByKeyboard(page: Page, card: Locator, item: string) {
  await card.getByRole('button', { name: /^推进\/退回：/ }).focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.getByRole('menuitem', { name: item }).evaluate((el) => el === document.activeElement))
    .toBe(true);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
}

async function pickFromMenu(page: Page, card: Locator, item: string) {
  await card.getByRole('button', { name: /^推进\/退回：/ }).click();
  await page.getByRole('menuitem', { name: item }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
}

describe('阶段看板端到端（真实 Chromium + 浏览器版）', () => {
  it('示例储备项目经看板逐级推进到竣工，填写所需日期，阶段变更记录和红黄灯随之变化', async () => {
    host = await startHost({ dataDir: temp.dir, demo: true, today: '2026-11-28' });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = watchForPageErrors(page);
    await page.goto(`${host.url}#/board`);

    // the board sorts red first: the last card is the calmest, so the lights seen later come from the moves
    const firstReserve = column(page, '储备').getByRole('article').last();
    await firstReserve.waitFor();
    const name = (await firstReserve.getAttribute('aria-label')) ?? '';
    expect(name).not.toBe('');
    const reserveCount = await column(page, '储备').getByRole('article').count();
    await expect.poll(() => column(page, '储备').locator('header').innerText()).toMatch(`${reserveCount}个`);

    // 储备 → 前期, by dragging the card onto the next column
    await cardIn(page, '储备', name).dragTo(column(page, '前期'));
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    expect(await checkedTarget(page)).toBe('推进到 前期');
    await confirm(page, '前期');
    await expect.poll(() => cardIn(page, '前期', name).count()).toBe(1);
    expect(await cardIn(page, '储备', name).count()).toBe(0);

    // two columns away: refused with the rule's words, nothing opens
    await cardIn(page, '前期', name).dragTo(column(page, '续建'));
    await expect.poll(() => page.getByText('阶段只能逐级变更：前期不能直接变更为续建').count()).toBeGreaterThan(0);
    expect(await page.getByRole('dialog').count()).toBe(0);

    // 前期 → 新开工 from the card's menu by keyboard, with a planned start already past: the start light comes on
    await nextStageByKeyboard(page, cardIn(page, '前期', name), '推进到 新开工');
    expect(await checkedTarget(page)).toBe('推进到 新开工');
    await enterDate(page, '计划开工日期', '2026-06-01');
    await confirm(page, '新开工');
    const started = cardIn(page, '新开工', name);
    await expect.poll(() => started.count()).toBe(1);
    await expect.poll(() => started.getByText('计划开工日期已过180天仍未开工').count()).toBe(1);
    expect(await started.getByRole('img', { name: '红灯' }).count()).toBe(1);

    // 新开工 → 续建 by dragging, with the actual start: the start light goes out
    await started.dragTo(column(page, '续建'));
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    expect(await checkedTarget(page)).toBe('推进到 续建');
    await enterDate(page, '实际开工日期', '2026-11-20');
    await confirm(page, '续建');
    const building = cardIn(page, '续建', name);
    await expect.poll(() => building.count()).toBe(1);
    expect(await building.getByText(/计划开工日期已过/).count()).toBe(0);
    // other lights (报送, 纳统) may remain, but the red start light is gone
    expect(await building.getByRole('img', { name: '红灯' }).count()).toBe(0);

    // 续建 → 竣工 from the menu: the folded 竣工 column opens to show the card
    await pickFromMenu(page, building, '推进到 竣工');
    await enterDate(page, '实际竣工日期', '2026-11-27');
    await confirm(page, '竣工');
    await expect.poll(() => cardIn(page, '竣工', name).count()).toBe(1);

    // the project page keeps every move
    await cardIn(page, '竣工', name).getByRole('link', { name }).click();
    await expect.poll(() => page.getByRole('heading', { name }).count()).toBe(1);
    const changes = page.locator('section', { has: page.getByRole('heading', { name: /^阶段变更记录/ }) });
    await expect.poll(() => changes.innerText()).toMatch(/续建\s*→\s*竣工/);
    const text = await changes.innerText();
    for (const move of [/储备\s*→\s*前期/, /前期\s*→\s*新开工/, /新开工\s*→\s*续建/, /续建\s*→\s*竣工/]) {
      expect(text).toMatch(move);
    }

    expect(errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startHost, watchForPageErrors, type RunningHost } from '../../scripts/browser-host';
import { makeTempDir } from '../helpers/temp-dir';
import { pageSizesOf, renderPdf, requirePoppler, squash } from './pdf';

// Issue #17 end to end in real Chromium against the browser host: a clerk attaches a photo (a real JPEG made
// here) to a project's weekly entry in 本周调度, finds it on the project page, and prints the 现场照片 sheet to PDF,
// read back with pdftotext; a PNG of the sheet is kept for a look (KEEP_PHOTO_SHEET_PNG=/path to keep it).

let browser: Browser;
let host: RunningHost;
const temp = makeTempDir('zdxm-e2e-attachments-');
const WEEK = '2026-W48';
const CAPTION = '二号厂房屋面板安装';

/** A site photo: sky over a grey block over earth, 400×300. */
function sitePhoto(): Buffer {
  const width = 400;
  const height = 300;
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const rgb = y > 200 ? [150, 118, 86] : x > 120 && x < 280 && y > 80 ? [170, 170, 165] : [140, 190, 235];
      data.set([...rgb, 255], (y * width + x) * 4);
    }
  }
  return jpeg.encode({ data, width, height }, 85).data;
}

beforeAll(async () => {
  requirePoppler();
  host = await startHost({ dataDir: temp.dir, demo: true, today: '2026-11-26' });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.remove();
});

describe('附件端到端（真实 Chromium + 浏览器版）', () => {
  it('给本周调度添加现场照片，项目页能看到，打印现场照片为PDF', async () => {
    // a project that reported this week and has no photos yet
    const week = await host.call('dispatch.week', { week: WEEK });
    const sheetBefore = await host.call('attachments.photoSheet', { week: WEEK });
    const withPhotos = new Set(sheetBefore.projects.map((p) => p.projectId));
    const row = week.rows.find((r) => r.entryId !== null && !withPhotos.has(r.projectId))!;
    expect(row).toBeTruthy();

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = watchForPageErrors(page);
    await page.goto(`${host.url}#/dispatch`);
    await page.getByLabel('报送情况').waitFor();
    await page.getByLabel('搜索项目').fill(row.code);
    await page.getByRole('button', { name: `为“${row.name}”添加本周现场照片` }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`现场照片 · ${row.name}`) });
    await dialog.getByText('本周暂无现场照片').waitFor();
    await dialog
      .getByLabel('选择现场照片')
      .setInputFiles({ name: '屋面.jpg', mimeType: 'image/jpeg', buffer: sitePhoto() });
    const tile = dialog.getByRole('listitem', { name: '屋面.jpg' });
    await tile.waitFor();
    // the thumbnail the server made is shown
    await expect.poll(() => tile.locator('img').getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    await dialog.getByRole('button', { name: '编辑“屋面.jpg”的说明' }).click();
    await dialog.getByRole('textbox', { name: '“屋面.jpg”的说明' }).fill(CAPTION);
    await page.keyboard.press('Enter');
    await dialog.getByRole('listitem', { name: CAPTION }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('button', { name: `“${row.name}”本周现场照片（1张）` }).count()).toBe(1);

    // the project page: under 周调度, with the week it came with
    await page.goto(`${host.url}#/projects/${row.projectId}`);
    const group = page.getByRole('list', { name: '周调度的附件' });
    await group.getByText(CAPTION).waitFor();
    expect(await group.innerText()).toContain('2026年第48周调度');
    await group.getByRole('button', { name: '查看“屋面.jpg”' }).click();
    const viewer = page.getByRole('dialog').filter({ hasText: '屋面.jpg' });
    await expect.poll(() => viewer.locator('img.att-viewer-img').count()).toBe(1);
    expect(await viewer.innerText()).toContain(CAPTION);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.close();

    // the sheet on paper: A4 portrait, the title, the project, the caption and the page numbers
    const route = `${host.url}#/print/photos?projects=${row.projectId}`;
    const pdf = await renderPdf(browser, route, path.join(temp.dir, 'photos.pdf'));
    expect(pdf.pages).toHaveLength(1);
    const text = squash(pdf.pages[0]);
    expect(text).toContain('重点项目现场照片');
    expect(text).toContain(squash(row.name));
    expect(text).toContain(row.code);
    expect(text).toContain(CAPTION);
    expect(text).toContain('2026年第48周调度');
    expect(text).toContain('第1页共1页');
    expect(pageSizesOf(pdf.file).every((s) => s.width === 595 && s.height === 842)).toBe(true);

    // a PNG of the sheet as it stands on screen, to look at
    const look = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    await look.goto(route);
    await look.waitForSelector('body[data-ready="1"]');
    const png = path.join(temp.dir, 'photo-sheet.png');
    await look.screenshot({ path: png, fullPage: true });
    expect(fs.statSync(png).size).toBeGreaterThan(10_000);
    if (process.env.KEEP_PHOTO_SHEET_PNG) fs.copyFileSync(png, process.env.KEEP_PHOTO_SHEET_PNG);
    await look.close();
  });

  it('沿用上周内容、未确认的一行：添加照片前先确认本周内容，文字不丢', async () => {
    const week = await host.call('dispatch.week', { week: WEEK });
    const copied = week.rows.find((r) => r.entryId === null && r.copiedFromWeek !== null)!;
    expect(copied).toBeTruthy();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = watchForPageErrors(page);
    await page.goto(`${host.url}#/dispatch`);
    await page.getByLabel('报送情况').waitFor();
    await page.getByLabel('搜索项目').fill(copied.code);
    const row = page.getByRole('row', { name: copied.name, exact: true });
    expect(await row.innerText()).toContain('待确认');
    await page.getByRole('button', { name: `为“${copied.name}”添加本周现场照片` }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '先确认本周内容？' });
    expect(await confirm.innerText()).toContain('将先按显示的内容确认报送');
    await confirm.getByRole('button', { name: '确认并添加照片' }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`现场照片 · ${copied.name}`) });
    await dialog.getByText('本周暂无现场照片').waitFor();
    expect(await row.innerText()).toContain('已报送');
    const saved = (await host.call('dispatch.week', { week: WEEK })).rows.find(
      (r) => r.projectId === copied.projectId,
    )!;
    expect(saved.entryId).not.toBeNull();
    expect(saved.progress).toBe(copied.progress);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('项目页的查看器：←/→ 在附件间切换，Esc 关闭', async () => {
    const all = await host.call('attachments.listByProject', { projectId: 30 });
    expect(all.length).toBeGreaterThan(2);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${host.url}#/projects/30`);
    // the first tile of the first group (项目)
    await page
      .getByRole('button', { name: /^查看“/ })
      .first()
      .click();
    const count = page.locator('.att-viewer-count');
    await expect.poll(() => count.innerText()).toBe(`1 / ${all.length}`);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => count.innerText()).toBe(`2 / ${all.length}`);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => count.innerText()).toBe(`1 / ${all.length}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => count.isVisible()).toBe(false);
    await page.close();
  });

  it('本周调度会的现场照片：该周有照片的项目都在，页码连续', async () => {
    const sheet = await host.call('attachments.photoSheet', { week: WEEK });
    expect(sheet.projects.length).toBeGreaterThan(1);
    const pdf = await renderPdf(browser, `${host.url}#/print/photos?week=${WEEK}`, path.join(temp.dir, 'week.pdf'));
    const all = squash(pdf.pages.join(''));
    expect(all).toContain('2026年第48周调度会');
    for (const project of sheet.projects) expect(all).toContain(project.code);
    pdf.pages.forEach((page, i) => expect(squash(page)).toContain(`第${i + 1}页共${pdf.pages.length}页`));
  });
});

import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startHost, watchForPageErrors, type RunningHost } from '../../scripts/browser-host';
import { freshDatabase } from '../helpers/postgres-database';
import { makeTempDir } from '../helpers/temp-dir';
import { renderPdf, requirePoppler, squash } from './pdf';

// The built browser host on a database server (`--database postgres://…`, issue #14) in real Chromium: the
// example office loaded into an empty database, the 项目库 as the clerk sees it, one weekly entry typed in the
// grid, kept over a reload and in the project's change history, and printed on the 周调度表.

let browser: Browser;
let host: RunningHost | undefined;
let database: Awaited<ReturnType<typeof freshDatabase>>;
const temp = makeTempDir('zdxm-e2e-postgres-');

beforeAll(async () => {
  requirePoppler();
  database = await freshDatabase();
  browser = await launchBrowser();
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
  await database?.remove();
  temp.remove();
});

const PROGRESS = '服务器版端到端进展';

describe('数据库服务器上的浏览器版（真实 Chromium + PostgreSQL）', () => {
  it('示例数据进库，项目库显示全部项目；填报一条周调度，刷新后仍在、进入变更记录并打印在周调度表上', async () => {
    host = await startHost({ dataDir: temp.dir, databaseUrl: database.url, demo: true, today: '2026-11-26' });
    const projects = await host.call('projects.list', {});
    expect(projects.length).toBeGreaterThan(100);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = watchForPageErrors(page);

    // 项目库: the example office's rows, counted and totalled as the API answers
    await page.goto(`${host.url}#/projects`);
    await expect.poll(() => page.getByText(`合计 ${projects.length} 个项目`).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.locator('tbody tr', { hasText: projects[0].code }).count()).toBe(1);
    expect(await page.locator('tbody tr', { hasText: projects[0].code }).innerText()).toContain(projects[0].name);

    // 本周调度: one cell typed, saved by the grid's autosave
    await page.goto(`${host.url}#/dispatch`);
    await page.getByLabel('报送情况').waitFor();
    const rows = page.getByRole('region', { name: '本周调度填报' }).locator('tbody').getByRole('row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const name = (await rows.first().getAttribute('aria-label')) ?? '';
    expect(name).not.toBe('');
    const cell = page.getByRole('textbox', { name: `${name} 本周进展（形象进度）`, exact: true });
    await cell.fill(PROGRESS);
    await expect.poll(() => page.getByText('所有修改均已保存').count()).toBe(1);

    await page.reload();
    await page.getByLabel('报送情况').waitFor();
    await expect.poll(() => cell.inputValue()).toBe(PROGRESS);

    // the project's change history has the line, and the printed list the text
    const project = projects.find((p) => p.name === name);
    expect(project, name).toBeDefined();
    await page.goto(`${host.url}#/projects/${project!.id}`);
    await expect.poll(() => page.locator('tr', { hasText: PROGRESS }).count(), { timeout: 20_000 }).toBe(1);
    const pdf = await renderPdf(
      browser,
      `${host.url}#/print/dispatch?week=2026-W48&paper=A4`,
      path.join(temp.dir, 'dispatch.pdf'),
    );
    expect(squash(pdf.pages.join(''))).toContain(PROGRESS);

    expect(errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });
});

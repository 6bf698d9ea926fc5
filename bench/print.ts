import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { initializeApp } from '../electron/handlers/app';
import { openAppContext } from '../electron/services/app-context';
import { launchBrowser, startHost } from '../scripts/browser-host';
import { seedDispatchHistory } from './dispatch';
import { seedProjects } from './library';
import { reportFigure, type Figure } from './timing';

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** The printed 周调度表 of 500 projects to PDF in Chromium, beside a plain 500-row HTML table. */
export async function benchPrint(): Promise<Figure> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-bench-print-'));
  const ctx = await openAppContext({ dataDir: dir, today: () => '2026-11-28' });
  await initializeApp(ctx, '基准测试', false);
  await seedProjects(ctx.store, 625, 2026); // a fifth are 竣工, off the list: 500 rows
  seedDispatchHistory(ctx.db, '2026-11-30', 1); // the week before 2026-W49: 2026-W48
  await ctx.close();
  const host = await startHost({ dataDir: dir, today: '2026-11-28' });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const route = `${host.url}#/print/dispatch?week=2026-W48&group=chainLead&scope=all&paper=A4`;
    const rows = await (async () => {
      await page.goto(route);
      await page.waitForSelector('body[data-ready="1"]', { timeout: 120_000 });
      return page.locator('tbody tr').count();
    })();
    const paper = await timed(async () => {
      await page.goto(`${host.url}#/dashboard`);
      await page.goto(route);
      await page.waitForSelector('body[data-ready="1"]', { timeout: 120_000 });
      await page.pdf({ preferCSSPageSize: true, printBackground: true });
    });
    const cells = Array.from(
      { length: 500 },
      (_, i) =>
        `<tr>${Array.from({ length: 12 }, (_, c) => `<td>第${i + 1}行第${c + 1}列 主体结构施工</td>`).join('')}</tr>`,
    ).join('');
    const bare = await timed(async () => {
      await page.setContent(`<table><thead><tr><th>表头</th></tr></thead><tbody>${cells}</tbody></table>`);
      await page.pdf({ format: 'A4', landscape: true });
    });
    return reportFigure({
      label: `周调度表 to PDF (${rows} table rows, 500 projects)`,
      ms: paper,
      baselineLabel: 'page.pdf of a bare 500-row table',
      baselineMs: bare,
    });
  } finally {
    await browser.close();
    await host.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { launchBrowser, startHost, watchForPageErrors, type RunningHost } from '../../scripts/browser-host';
import { makeTempDir } from '../helpers/temp-dir';
import { renderPdf, requirePoppler } from './pdf';

// Text a clerk types (or imports) that looks like markup or a spreadsheet formula is shown, printed and
// exported as the characters typed: it never runs, never becomes an element, never becomes a formula.

const MARKUP = '<img src=x onerror="window.__pwned=1">红仑项目';
const FORMULA = '=HYPERLINK("http://evil.example","点我")';

let browser: Browser;
let host: RunningHost;
const temp = makeTempDir('zdxm-e2e-plain-');

beforeAll(async () => {
  requirePoppler();
  host = await startHost({ dataDir: temp.dir, demo: true, today: '2026-11-28' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.remove();
});

describe('像网页代码或公式的文字按原样显示、打印、导出', () => {
  it('项目库、项目页、打印的调度表和导出的台账里都是原文，页面里没有多出图片，脚本没有运行', async () => {
    const { chains } = await host.call('reference.list', {});
    const project = await host.call('projects.create', {
      name: MARKUP,
      owner: FORMULA,
      chainId: chains[0].id,
      stage: 'continuing',
      actualStartDate: '2026-03-01',
      note: FORMULA,
    });
    await host.call('dispatch.saveEntry', {
      projectId: project.id,
      week: '2026-W48',
      progress: '<b>主体完工</b>',
      problems: FORMULA,
    });

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = watchForPageErrors(page);
    await page.goto(`${host.url}#/projects/${project.id}`);
    await page.getByText(MARKUP).first().waitFor();
    expect(await page.getByText(FORMULA).count()).toBeGreaterThan(0);
    await page.goto(`${host.url}#/projects`);
    await page.getByText(MARKUP).first().waitFor();
    await page.goto(`${host.url}#/dispatch`);
    // among the demo office's projects, as a clerk finds one: by its name
    await page.getByPlaceholder(/搜索项目名称、编号、单位/).fill('红仑项目');
    await page.getByText('<b>主体完工</b>').first().waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);

    const printed = await renderPdf(
      browser,
      `${host.url}#/print/dispatch?week=2026-W48`,
      path.join(temp.dir, 'plain.pdf'),
    );
    const text = printed.pages.join('\n').replace(/\s+/g, '');
    // a long name wraps inside its cell, so pdftotext interleaves it with the next columns: check its pieces
    expect(text).toContain('<imgsrc=x');
    expect(text).toContain('_pwned=1">红仑项目');
    expect(text).toContain('<b>主体完工</b>');
    expect(text).toContain('=HYPERLINK("');

    const file = await host.call('ledger.export', { totalUnit: 'wan' });
    const sheet = XLSX.read(Buffer.from(file.base64, 'base64'), { type: 'buffer', cellFormula: true }).Sheets[
      '项目台账'
    ];
    const cells = Object.entries(sheet).filter(([key]) => !key.startsWith('!')) as [string, XLSX.CellObject][];
    const named = cells.find(([, c]) => c.v === MARKUP);
    expect(named?.[1].t).toBe('s');
    const formulaLike = cells.filter(([, c]) => c.v === FORMULA);
    expect(formulaLike.length).toBeGreaterThanOrEqual(2);
    expect(formulaLike.every(([, c]) => c.t === 's' && !c.f)).toBe(true);
    expect(cells.some(([, c]) => c.f)).toBe(false);
  }, 120_000);
});

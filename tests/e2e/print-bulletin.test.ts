import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulletinPrint } from '../../db/model/bulletin';
import { percentFigure, signedPointsText } from '../../db/model/bulletin-numbers';
import { launchBrowser, startHost, type RunningHost } from '../../scripts/browser-host';
import { makeTempDir } from '../helpers/temp-dir';
import { pageSizesOf, renderPdf, requirePoppler, squash, type PrintedPdf } from './pdf';

// The printed 月度通报 in real Chromium: the paper route rendered to PDF as Electron's printToPDF does, read
// back with pdftotext and checked against bulletin.printData — the same answer stats.ranking gives.

let browser: Browser;
let host: RunningHost;
const temp = makeTempDir('zdxm-e2e-bulletin-');
let data: BulletinPrint;
let pdf: PrintedPdf;
const DOC_NUMBER = '湘乡重点办〔2026〕10号';

beforeAll(async () => {
  requirePoppler();
  host = await startHost({ dataDir: temp.dir, demo: true, today: '2026-11-26' });
  browser = await launchBrowser();
  await host.call('bulletin.saveText', { year: 2026, month: 10, docNumber: DOC_NUMBER, summary: null, version: 0 });
  data = await host.call('bulletin.printData', { year: 2026, month: 10, honourSize: 5 });
  pdf = await renderPdf(
    browser,
    `${host.url}#/print/bulletin?year=2026&month=10&top=5`,
    path.join(temp.dir, 'bulletin.pdf'),
  );
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (process.env.KEEP_BULLETIN_PDF)
    fs.copyFileSync(path.join(temp.dir, 'bulletin.pdf'), process.env.KEEP_BULLETIN_PDF);
  temp.remove();
});

const all = () => squash(pdf.pages.join(''));

/** Where each text first stands in the squashed text from `from` on; every one must be found, in this order. */
function expectInOrder(texts: string[], from: string): void {
  const text = all();
  let at = text.indexOf(squash(from));
  expect(at, `“${from}”应在通报中`).toBeGreaterThanOrEqual(0);
  for (const wanted of texts) {
    const next = text.indexOf(squash(wanted), at);
    expect(next, `“${wanted}”应在“${from}”之后、按排名顺序出现`).toBeGreaterThan(at);
    at = next;
  }
}

describe('月度通报打印（Chromium → PDF → pdftotext）', () => {
  it('A4 竖版，每页都有“第X页 共Y页”', () => {
    const sizes = pageSizesOf(pdf.file);
    expect(sizes.every((s) => s.width === 595 && s.height === 842)).toBe(true);
    expect(pdf.pages.length).toBeGreaterThan(1);
    pdf.pages.forEach((page, i) => {
      expect(squash(page), `第${i + 1}页的页码`).toContain(`第${i + 1}页共${pdf.pages.length}页`);
    });
  });

  it('标题、文号和摘要的数字与 API 相同', () => {
    expect(squash(pdf.pages[0])).toContain('湘乡市重点项目建设月度通报');
    expect(squash(pdf.pages[0])).toContain(squash(DOC_NUMBER));
    expect(data.text.summary.startsWith('1—10月，全市重点项目完成投资')).toBe(true);
    expect(all()).toContain(squash(data.text.summary));
    const total = data.byUnit.total;
    expect(all()).toContain(`占年度计划的${percentFigure(total.investmentRate.value)}%`);
  });

  it('按责任单位、按园区的排名顺序与 stats.ranking 相同，合计在后', async () => {
    const unitRanking = await host.call('stats.ranking', { year: 2026, month: 10, by: 'unit' });
    expect(data.byUnit).toEqual(unitRanking);
    // a long name wraps in its cell: its first characters stand on the row's first line, after the place
    const line = (row: BulletinPrint['byUnit']['rows'][number]) => `${row.rank ?? '—'}${row.group.name.slice(0, 4)}`;
    expectInOrder([...data.byUnit.rows.map(line), '全市合计'], '三、按责任单位排名');
    expectInOrder([...data.byArea.rows.map(line), '全市合计'], '四、按园区排名');
    const first = data.byUnit.rows[0];
    expect(all()).toContain(signedPointsText(first.figures.gapPoints));
  });

  it('红榜、黑榜各5个单位；红灯项目逐个列出并附原因', () => {
    expect(data.honour.top).toHaveLength(5);
    expect(data.honour.bottom).toHaveLength(5);
    expect(data.honour.bottom[4]).toEqual(data.byUnit.rows.filter((r) => r.rank !== null).at(-1));
    expectInOrder(
      ['红榜（前5名）', ...data.honour.top.map((r) => `${r.rank}${r.group.name.slice(0, 4)}`), '黑榜（后5名）'],
      '五、红榜、黑榜',
    );
    expectInOrder(
      data.honour.bottom.map((r) => `${r.rank}${r.group.name.slice(0, 4)}`),
      '黑榜（后5名）',
    );
    expect(data.redProjects.length).toBe(data.byUnit.total.red);
    expect(data.redProjects.length).toBeGreaterThan(0);
    expectInOrder(
      data.redProjects.map((p, i) => `${i + 1}${p.name.slice(0, 6)}`),
      `六、红灯项目（${data.redProjects.length}个）`,
    );
  });

  it('跨页的表格在每页重复表头', () => {
    const head = squash('序号 项目名称 牵头单位 链长 红灯原因');
    const rankingHead = squash('名次');
    const redStart = pdf.pages.findIndex((page) => squash(page).includes('六、红灯项目'));
    const lastRed = data.redProjects[data.redProjects.length - 1];
    const redEnd = pdf.pages.findIndex((page) => squash(page).includes(squash(lastRed.name.slice(0, 6))));
    expect(redStart).toBeGreaterThanOrEqual(0);
    for (let i = redStart; i <= redEnd; i++) expect(squash(pdf.pages[i]), `第${i + 1}页`).toContain(head);
    // every page from the first ranking to the red list carries a table's head
    const rankingStart = pdf.pages.findIndex((page) => squash(page).includes('三、按责任单位排名'));
    for (let i = rankingStart + 1; i < redStart; i++) expect(squash(pdf.pages[i])).toContain(rankingHead);
  });

  it('图表是SVG（矢量），数据标签在PDF文字中', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      await page.goto(`${host.url}#/print/bulletin?year=2026&month=10`);
      await page.waitForSelector('body[data-ready="1"]');
      expect(await page.locator('.bl-chart-svg svg').count()).toBe(2);
      expect(await page.locator('.bl-chart-svg svg path').count()).toBeGreaterThan(10);
    } finally {
      await page.close();
    }
    expect(all()).toContain('序时进度');
    expect(all()).toContain('图1');
  });
});

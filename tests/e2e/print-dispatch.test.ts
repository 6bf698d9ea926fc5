import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWan, sumYuan } from '../../db/model/money';
import type { DispatchPrint, MethodInput } from '../../electron/api-spec';
import { launchBrowser, startHost, watchForPageErrors, type RunningHost } from '../../scripts/browser-host';
import { makeTempDir } from '../helpers/temp-dir';
import { linesOf, pageSizesOf, renderPdf as printPdf, requirePoppler, squash, type PrintedPdf } from './pdf';

// The printed 周调度表 in real Chromium: the paper route rendered to PDF as Electron's printToPDF does,
// read back with poppler's pdftotext, and checked against what the API says the list holds.

let browser: Browser;
let host: RunningHost;
const temp = makeTempDir('zdxm-e2e-print-');

beforeAll(async () => {
  requirePoppler();
  host = await startHost({ dataDir: temp.dir, demo: true, today: '2026-11-26' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.remove();
});

const printData = (input: MethodInput<'dispatch.printData'>): Promise<DispatchPrint> =>
  host.call('dispatch.printData', input);

let pdfCount = 0;
const printed = new Map<string, Promise<PrintedPdf>>();

/**
 * The paper route printed to PDF and read back, once per route: no test changes the data, so a route prints the
 * same every time it is asked for.
 */
function renderPdf(route: string): Promise<PrintedPdf> {
  let pdf = printed.get(route);
  if (!pdf) {
    pdf = printPdf(browser, `${host.url}#${route}`, path.join(temp.dir, `dispatch-${++pdfCount}.pdf`));
    printed.set(route, pdf);
  }
  return pdf;
}

const rowsOf = (data: DispatchPrint) => data.groups.flatMap((group) => group.rows);

/** A row's first line on paper: its 序号, then the start of its name (the name cell wraps after that). */
const rowStart = (row: { serial: number; name: string }) => `${row.serial}${row.name.slice(0, 4)}`;
const BODY_START = /^(\d+|[一二三四五六七八九十]+、|小计|合计)/;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The page each row starts on, and every row starts exactly once. */
function pagesOfRows(pdf: PrintedPdf, data: DispatchPrint): Map<number, number> {
  const found = new Map<number, number>();
  for (const row of rowsOf(data)) {
    const hits = pdf.pages.flatMap((page, index) =>
      linesOf(page)
        .filter((line) => line.startsWith(rowStart(row)))
        .map(() => index),
    );
    expect(hits, `序号${row.serial}（${row.name}）应在调度表中恰好出现一次`).toHaveLength(1);
    found.set(row.serial, hits[0]);
  }
  return found;
}

/**
 * A row cut in half would leave its lower part at the top of the next page, between the repeated header and
 * the first whole row. Only header (and, on page 1, title) text may stand there.
 */
function expectNoRowCut(pdf: PrintedPdf, allowedAboveBody: string[]): void {
  const fragments = [...allowedAboveBody].map(squash).sort((a, b) => b.length - a.length);
  pdf.pages.forEach((page, index) => {
    const lines = page.split('\n').filter((line) => line.trim());
    const firstBody = lines.findIndex((line) => BODY_START.test(squash(line)));
    expect(firstBody, `第${index + 1}页应有表格内容`).toBeGreaterThan(0);
    for (const line of lines.slice(0, firstBody)) {
      for (const token of line.trim().split(/\s+/)) {
        const rest = fragments.reduce((text, fragment) => text.split(fragment).join(''), token);
        expect(rest, `第${index + 1}页表头下方出现了上一页被截断的行：“${line.trim()}”`).toBe('');
      }
    }
  });
}

/**
 * Every page after the first starts, under its header row, with a group heading: “（续）” after it when the
 * group's first row is on an earlier page, then the page's first row. “（续）” stands nowhere else and carries no
 * 序号. Returns how many pages continue a group.
 */
function expectContinuedHeadings(pdf: PrintedPdf, data: DispatchPrint): number {
  const rows = rowsOf(data);
  const startPages = pagesOfRows(pdf, data);
  const groupOf = new Map(data.groups.flatMap((group) => group.rows.map((row) => [row.serial, group] as const)));
  const headerFragments = headerTexts(data).map(squash);
  /** The page's table body from its first line on, squashed: the header row and (page 1) the title left out. */
  const bodyOf = (page: string) => {
    const lines = linesOf(page);
    const first = lines.findIndex((line) => BODY_START.test(line) && !headerFragments.includes(line));
    return lines.slice(first).join('');
  };

  let continued = 0;
  for (let index = 1; index < pdf.pages.length; index++) {
    const body = bodyOf(pdf.pages[index]);
    const onPage = rows.filter((row) => startPages.get(row.serial) === index);
    expect(onPage.length, `第${index + 1}页应有数据行`).toBeGreaterThan(0);
    const group = groupOf.get(onPage[0].serial)!;
    const groupBegan = startPages.get(group.rows[0].serial)!;
    expect(body, `第${index + 1}页不应以数据行开头`).toMatch(/^[一二三四五六七八九十]+、/);
    if (groupBegan < index) {
      continued += 1;
      expect(body, `第${index + 1}页接着“${group.title}”`).toMatch(
        new RegExp(`^${escapeRegExp(squash(`${group.title}（续）`))}${onPage[0].serial}`),
      );
    } else {
      expect(body, `第${index + 1}页以新的一组开头`).toMatch(new RegExp(`^${escapeRegExp(squash(group.title))}\\d`));
    }
  }
  expect(continued, '示例数据中至少有一组跨页').toBeGreaterThan(0);
  const all = pdf.pages.flatMap(linesOf);
  expect(all.filter((line) => line.includes('（续）') && /^\d/.test(line))).toEqual([]);
  const headingsPerPage = pdf.pages.map((page) => squash(page).split('（续）').length - 1);
  expect(headingsPerPage[0]).toBe(0);
  expect(headingsPerPage.reduce((sum, n) => sum + n, 0)).toBe(continued);
  return continued;
}

/** Every page's sheet, as pdfinfo reads it. */
function sheetsOf(file: string): { name: string; landscape: boolean }[] {
  return pageSizesOf(file).map((size) => ({ name: size.name, landscape: size.width > size.height }));
}

function headerTexts(data: DispatchPrint): string[] {
  return [
    '序号',
    '序',
    '号',
    '项目名称',
    '阶段',
    '总投资',
    '本年计划',
    '本年完成',
    `（1—${data.reportedMonths}月）`,
    '本周进展',
    '存在问题',
    '需协调事项',
    '下周计划',
    '预警',
  ];
}

const titleTexts = (data: DispatchPrint) => [data.title, `统计时段：${data.span}`, '单位：万元'];

function totalsLine(label: string, count: number, rows: DispatchPrint['groups'][number]['rows']): string {
  return [
    `${label}${count}个项目`,
    formatWan(sumYuan(rows.map((r) => r.totalInvestmentYuan))),
    formatWan(sumYuan(rows.map((r) => r.annualPlanYuan))),
    formatWan(sumYuan(rows.map((r) => r.yearCompletedYuan))),
  ].join('');
}

describe('打印周调度表（真实 Chromium 生成 PDF，pdftotext 读回）', () => {
  it('A4 横向的全部项目调度表：标题、统计时段、各组、合计、每页表头和页码都在，没有被截断的行', async () => {
    const data = await printData({ week: '2026-W48', groupBy: 'chainLead', scope: 'all' });
    const rows = rowsOf(data);
    expect(rows.length).toBeGreaterThan(100);

    const pdf = await renderPdf('/print/dispatch?week=2026-W48&paper=A4');
    const all = squash(pdf.pages.join('\n'));
    const pageCount = pdf.pages.length;
    expect(pageCount).toBeGreaterThanOrEqual(3);

    expect(data.title).toBe('湘乡市重点项目建设周调度表（第48周）');
    expect(squash(pdf.pages[0])).toContain(data.title);
    expect(squash(pdf.pages[0])).toContain('统计时段：11月23日—11月29日');
    expect(squash(pdf.pages[0])).toContain('单位：万元');

    for (const group of data.groups) {
      expect(all, `分组行“${group.title}”`).toContain(squash(group.title));
      expect(all, `${group.title} 的小计`).toContain(totalsLine('小计', group.rows.length, group.rows));
    }

    // the grand total on paper equals the sum of the rows the API returned
    const totalLine = pdf.pages.flatMap(linesOf).filter((line) => line.startsWith('合计'));
    expect(totalLine).toEqual([totalsLine('合计', rows.length, rows)]);
    expect(totalLine[0]).toContain(formatWan(data.total.totalInvestmentYuan));

    pdf.pages.forEach((page, index) => {
      const text = squash(page);
      expect(text, `第${index + 1}页的表头`).toContain('项目名称');
      expect(text, `第${index + 1}页的表头`).toContain('本周进展');
      expect(text, `第${index + 1}页的页码`).toContain(`第${index + 1}页共${pageCount}页`);
    });

    const startPages = pagesOfRows(pdf, data);
    const order = rows.map((row) => startPages.get(row.serial)!);
    expect(order, '各行按序号依次排在各页上').toEqual([...order].sort((a, b) => a - b));
    expectNoRowCut(pdf, [...headerTexts(data), ...titleTexts(data)]);

    const lastPage = squash(pdf.pages[pageCount - 1]);
    expect(lastPage).toContain(`填表人：${data.operatorName}`);
    expect(lastPage).toContain('审核人：');
    expect(lastPage).toContain('联系电话：');
    expect(lastPage).toContain('填报日期：2026年11月26日');
  });

  it('一组跨页时，续页以该组的分组行加“（续）”开头，不以光秃秃的数据行开头；（续）行不编号、不计数', async () => {
    const data = await printData({ week: '2026-W48', groupBy: 'chainLead', scope: 'all' });
    const rows = rowsOf(data);
    const pdf = await renderPdf('/print/dispatch?week=2026-W48&paper=A4');
    expectContinuedHeadings(pdf, data);
    // subtotals and the total count every project once
    const all = pdf.pages.flatMap(linesOf);
    for (const group of data.groups) {
      expect(all.filter((line) => line === totalsLine('小计', group.rows.length, group.rows))).toHaveLength(1);
    }
    expect(all.filter((line) => line.startsWith('合计'))).toEqual([totalsLine('合计', rows.length, rows)]);
    // the sign line stays with the total on the last page
    const last = squash(pdf.pages[pdf.pages.length - 1]);
    expect(last).toContain('合计');
    expect(last).toContain(`填表人：${data.operatorName}`);

    // a continuation page as an image, for a person to look at
    const png = path.join(temp.dir, 'continued');
    const page = pdf.pages.findIndex((text, index) => index > 0 && squash(text).includes('（续）'));
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(page + 1), '-l', String(page + 1), pdf.file, png]);
    const written = fs.readdirSync(temp.dir).filter((name) => name.startsWith('continued') && name.endsWith('.png'));
    expect(written).toHaveLength(1);
    if (process.env.KEEP_PRINT_PNG) fs.copyFileSync(path.join(temp.dir, written[0]), process.env.KEEP_PRINT_PNG);

    // grouped by stage on A3 the groups are longer than a page
    const byStage = await printData({ week: '2026-W48', groupBy: 'stage', scope: 'all' });
    const a3 = await renderPdf('/print/dispatch?week=2026-W48&group=stage&paper=A3');
    expect(expectContinuedHeadings(a3, byStage)).toBeGreaterThan(1);
  });

  it('只看红黄灯时不打印绿灯项目，合计只算红黄灯项目', async () => {
    const everything = await printData({ week: '2026-W48', groupBy: 'chainLead', scope: 'all' });
    const data = await printData({ week: '2026-W48', groupBy: 'chainLead', scope: 'redYellow' });
    const rows = rowsOf(data);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(rowsOf(everything).length);
    expect(rows.every((row) => row.light !== 'green')).toBe(true);

    const pdf = await renderPdf('/print/dispatch?week=2026-W48&scope=redYellow&paper=A4');
    const all = squash(pdf.pages.join('\n'));
    expect(all).toContain('范围：红灯、黄灯项目');
    expect(all).not.toContain('绿灯');
    pagesOfRows(pdf, data);
    expect(pdf.pages.flatMap(linesOf).filter((line) => line.startsWith('合计'))).toEqual([
      totalsLine('合计', rows.length, rows),
    ]);
    expectNoRowCut(pdf, [...headerTexts(data), ...titleTexts(data), '范围：红灯、黄灯项目']);
  });

  it('A3 横向纸张更大，同一份调度表页数更少', async () => {
    const a4 = await renderPdf('/print/dispatch?week=2026-W48&paper=A4');
    const a3 = await renderPdf('/print/dispatch?week=2026-W48&paper=A3');
    expect(a3.pages.length).toBeLessThan(a4.pages.length);
    expect(sheetsOf(a3.file)).toEqual(a3.pages.map(() => ({ name: 'A3', landscape: true })));
    expect(sheetsOf(a4.file)).toEqual(a4.pages.map(() => ({ name: 'A4', landscape: true })));
    const data = await printData({ week: '2026-W48', groupBy: 'chainLead', scope: 'all' });
    a3.pages.forEach((page, index) => expect(squash(page)).toContain(`第${index + 1}页共${a3.pages.length}页`));
    expectNoRowCut(a3, [...headerTexts(data), ...titleTexts(data)]);
  });

  it('只打印一位链长、按阶段分组、只选部分列时，表头和分组随之变化', async () => {
    const everything = await printData({ week: '2026-W48', groupBy: 'chainLead', scope: 'all' });
    const lead = everything.groups[1].rows[0].chainLead;
    const data = await printData({ week: '2026-W48', groupBy: 'stage', scope: 'all', chainLead: lead });
    const rows = rowsOf(data);
    expect(rows.every((row) => row.chainLead === lead)).toBe(true);

    const query = new URLSearchParams({ week: '2026-W48', group: 'stage', lead, cols: 'progress,light' });
    const pdf = await renderPdf(`/print/dispatch?${query.toString()}`);
    const all = squash(pdf.pages.join('\n'));
    expect(all).toContain(`链长：${lead}`);
    for (const group of data.groups) expect(all).toContain(squash(group.title));
    expect(data.groups.map((g) => g.title).join()).toMatch(/项目（\d+个）/);
    expect(all).toContain('本周进展');
    expect(all).not.toContain('总投资');
    expect(all).not.toContain('存在问题');
    expect(all).toContain(`合计${rows.length}个项目`);
    pagesOfRows(pdf, data);
  });

  it('“打印调度表”页签的预览与打印出的页数一致；浏览器版点“打印…”在新标签页打开调度表', async () => {
    const pdf = await renderPdf('/print/dispatch?week=2026-W48&paper=A4');
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = watchForPageErrors(page);
    try {
      await page.goto(`${host.url}#/dispatch/print`);
      const preview = page.getByRole('region', { name: '打印预览' });
      await expect.poll(() => preview.getByRole('article').count()).toBe(pdf.pages.length);
      await expect.poll(() => page.locator('.print-summary').innerText()).toMatch(`预计 ${pdf.pages.length} 页`);
      const firstPage = preview.getByRole('article', { name: '第1页' });
      expect(await firstPage.innerText()).toContain('湘乡市重点项目建设周调度表（第48周）');
      expect(await preview.getByRole('article', { name: `第${pdf.pages.length}页` }).innerText()).toContain('合计');
      // the preview shows the same “（续）” headings on the same pages as the paper
      const previewContinued = await preview
        .getByRole('article')
        .evaluateAll((pages) => pages.map((page) => (page.textContent ?? '').includes('（续）')));
      expect(previewContinued).toEqual(pdf.pages.map((text) => squash(text).includes('（续）')));
      expect(previewContinued).toContain(true);
      // the browser host has no “保存为PDF”: the browser's own print dialog offers that
      expect(await page.getByRole('button', { name: /保存为PDF/ }).count()).toBe(0);

      await page.getByText('A3 横向').click();
      await expect.poll(() => page.locator('.print-summary').innerText()).toMatch(/A3 横向，预计 \d+ 页/);
      const a3Pages = await preview.getByRole('article').count();
      expect(a3Pages).toBeLessThan(pdf.pages.length);

      const popup = page.waitForEvent('popup');
      await page.getByRole('button', { name: /打印…$/ }).click();
      const paper = await popup;
      expect(decodeURIComponent(paper.url())).toContain('#/print/dispatch?week=2026-W48');
      expect(paper.url()).toContain('paper=A3');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

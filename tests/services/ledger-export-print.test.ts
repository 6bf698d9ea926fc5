import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ExportedFile } from '../../electron/api-spec';
import { pdfWords, printToPdf, requirePrintTools, type PdfPage, type PdfWord } from '../helpers/libreoffice';
import { createTempApp } from '../helpers/temp-app';

// The 打印版 as it comes out of a printer: the exported workbook printed to PDF by LibreOffice (headless, by
// the sheet's own print setup), every word read back with its box by pdftotext. Nothing of the app's code
// reads the result. Sizes are in points; A3 is 1190.55 × 841.89.

interface Printed {
  file: ExportedFile;
  pages: PdfPage[];
  /** the 打印版's pages: from its first page (its header is the only one with 链长/责任单位) to the end */
  printPages: PdfPage[];
  /** the 打印版's title and header as the xlsx holds them, one word per line of a header cell */
  title: string;
  headerWords: string[];
  /** the 合计 row of the 项目台账 sheet: 总投资, 本年计划, 1—N月完成 as the sheet formats them */
  fullTotals: string[];
}

const word = (page: PdfPage, text: string): PdfWord | undefined => page.words.find((w) => w.text === text);
const height = (w: PdfWord) => w.yMax - w.yMin;
/** A Chinese character is one em wide: a word of only ideographs gives the printed font size itself. */
const emOf = (w: PdfWord) => (w.xMax - w.xMin) / [...w.text].length;
const ideographs = (w: PdfWord) => /^[\u4e00-\u9fff]{2,}$/.test(w.text);
/** 序号 cells: whole numbers centred under the page's 序号 head */
const serialsOn = (page: PdfPage, head: PdfWord) =>
  page.words.filter((w) => /^\d+$/.test(w.text) && w.xMin >= head.xMin - 4 && w.xMax <= head.xMax + 4);

let dir: string;

async function printLedger(): Promise<Printed> {
  // no LibreOffice fails every test here with how to install it, rather than skipping them
  requirePrintTools();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-ledger-print-'));
  const app = await createTempApp({ demo: true });
  let file: ExportedFile;
  try {
    file = await app.ok('ledger.export', { totalUnit: 'wan' });
  } finally {
    await app.close();
  }
  const xlsx = path.join(dir, 'ledger.xlsx');
  fs.writeFileSync(xlsx, Buffer.from(file.base64, 'base64'));

  const wb = XLSX.read(fs.readFileSync(xlsx), { type: 'buffer' });
  const grid = (name: string) =>
    XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name], { header: 1, raw: false, defval: null });
  const print = grid('打印版');
  const total = grid('项目台账').find((row) => String(row[0]).startsWith('合计')) as string[];

  const pages = pdfWords(printToPdf(xlsx, dir));
  const first = pages.findIndex((page) => word(page, '链长/'));
  return {
    file,
    pages,
    printPages: first < 0 ? [] : pages.slice(first),
    title: String(print[0][0]),
    headerWords: (print[2] as string[]).flatMap((h) => h.split('\n')),
    fullTotals: [total[7], total[8], total[9]],
  };
}

let printed: Promise<Printed>;

beforeAll(async () => {
  printed = printLedger();
  // a failure shows in each test, with its message
  await printed.catch(() => undefined);
}, 240_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('打印版经 LibreOffice 打印成 PDF 后读回', () => {
  it('每页都是 A3 横向；打印版接在完整台账之后，至少两页', async () => {
    const { pages, printPages } = await printed;
    for (const page of pages) {
      expect(page.width).toBeCloseTo(1190.55, 0);
      expect(page.height).toBeCloseTo(841.89, 0);
    }
    expect(printPages.length).toBeGreaterThanOrEqual(2);
    const fullPages = pages.slice(0, pages.length - printPages.length);
    expect(fullPages.length).toBeGreaterThan(0);
    // the full ledger's own header (with 建设地点, which the 打印版 leaves out) heads each of its pages
    for (const page of fullPages) expect(word(page, '建设地点')).toBeDefined();
    for (const page of printPages) expect(word(page, '建设地点')).toBeUndefined();
  });

  it('第一页：正文字高不小于 7 磅（按字宽量出的字号也不小于 7 磅），标题更大', async () => {
    const { printPages, title } = await printed;
    const first = printPages[0];
    const heading = word(first, title);
    expect(heading, `标题“${title}”不在打印版第一页`).toBeDefined();
    const body = first.words.filter((w) => w !== heading);
    expect(body.length).toBeGreaterThan(100);
    const lowest = Math.min(...body.map(height));
    expect(lowest).toBeGreaterThanOrEqual(7);
    const bodyEm = body.filter(ideographs).map(emOf);
    expect(bodyEm.length).toBeGreaterThan(50);
    expect(Math.min(...bodyEm)).toBeGreaterThanOrEqual(7);
    expect(height(heading as PdfWord)).toBeGreaterThan(Math.max(...body.map(height)));
    expect(emOf(heading as PdfWord)).toBeGreaterThan(Math.max(...bodyEm));
  });

  it('表头在打印版的每一页（包括第二页）重复，位于本页各行之上', async () => {
    const { printPages, headerWords } = await printed;
    expect(headerWords).toContain('形象进度');
    printPages.forEach((page, i) => {
      for (const text of headerWords) expect(word(page, text), `第${i + 1}页缺表头“${text}”`).toBeDefined();
      const serial = word(page, '序号') as PdfWord;
      const rows = serialsOn(page, serial);
      expect(rows.length, `第${i + 1}页没有项目行`).toBeGreaterThan(0);
      for (const row of rows) expect(row.yMin).toBeGreaterThan(serial.yMax);
    });
  });

  it('每个项目恰好打印一次（序号连续），合计行印出的金额与完整台账的合计相同', async () => {
    const { file, printPages, fullTotals } = await printed;
    const serials = printPages.flatMap((page, i) => {
      const serial = word(page, '序号');
      if (!serial) throw new Error(`打印版第${i + 1}页没有表头“序号”`);
      return serialsOn(page, serial)
        .sort((a, b) => a.yMin - b.yMin)
        .map((w) => Number(w.text));
    });
    expect(serials).toEqual(Array.from({ length: file.rows }, (_, i) => i + 1));

    const last = printPages.at(-1) as PdfPage;
    const label = word(last, `合计（${file.rows}个）`) as PdfWord;
    expect(label).toBeDefined();
    const sameLine = last.words.filter((w) => w.yMin < label.yMax && w.yMax > label.yMin).map((w) => w.text);
    for (const figure of fullTotals) expect(sameLine).toContain(figure);
  });

  it('换行的长文字都在自己的格子里：打印版各页没有互相压住的字', async () => {
    const { printPages } = await printed;
    const overlaps: string[] = [];
    printPages.forEach((page, i) => {
      const words = page.words;
      for (let a = 0; a < words.length; a++) {
        for (let b = a + 1; b < words.length; b++) {
          const p = words[a];
          const q = words[b];
          const overlapX = Math.min(p.xMax, q.xMax) - Math.max(p.xMin, q.xMin);
          const overlapY = Math.min(p.yMax, q.yMax) - Math.max(p.yMin, q.yMin);
          if (overlapX > 1 && overlapY > 2) overlaps.push(`第${i + 1}页“${p.text}”与“${q.text}”`);
        }
      }
    });
    expect(overlaps).toEqual([]);
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { watchForPageErrors } from '../../scripts/browser-host';

// Paper routes in real Chromium: rendered to PDF as Electron's printToPDF does, read back with poppler.

export function requirePoppler(): void {
  const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (probe.error) {
    throw new Error(
      'pdftotext was not found: the print tests read the PDF back with poppler. Install it with `apt-get install poppler-utils`.',
    );
  }
}

export interface PrintedPdf {
  file: string;
  /** pdftotext -layout, one string per page */
  pages: string[];
}

/** Opens `url` (a paper route), waits for its ready signal, prints it to `file` and reads the text back. */
export async function renderPdf(browser: Browser, url: string, file: string): Promise<PrintedPdf> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors = watchForPageErrors(page);
  try {
    await page.goto(url);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
    fs.writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(errors).toEqual([]);
    // pdftotext ends every page with a form feed
    return { file, pages: text.split('\f').slice(0, -1) };
  } finally {
    await page.close();
  }
}

/** pdftotext spaces columns out; the checks compare text with all white space removed. */
export const squash = (text: string) => text.replace(/\s+/g, '');
export const linesOf = (page: string) => page.split('\n').map(squash).filter(Boolean);

/** pdfinfo: “Page    2 size: 594.96 x 841.92 pts (A4)” for every page, in whole points. */
export function pageSizesOf(file: string): { width: number; height: number; name: string }[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '100000', file], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts(?: \((\w+)\))?/g)].map((m) => ({
    width: Math.round(Number(m[1])),
    height: Math.round(Number(m[2])),
    name: m[3] ?? '',
  }));
  expect(sizes.length, info).toBeGreaterThan(0);
  return sizes;
}

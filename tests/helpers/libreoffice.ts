import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// A spreadsheet printed the way a clerk without Excel prints it: LibreOffice turns the xlsx into a PDF by the
// sheet's own print setup, and poppler's pdftotext reads back every word with its box, in points.

const INSTALL_SOFFICE =
  'Install it with `apt-get install -y --no-install-recommends libreoffice-calc-nogui` (about 310 MB).';

/** Fails, never skips: a missing LibreOffice or poppler must not pass for a printed sheet that was checked. */
export function requirePrintTools(): void {
  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (soffice.error) {
    throw new Error(`soffice (LibreOffice) was not found: this test prints the xlsx through it. ${INSTALL_SOFFICE}`);
  }
  const poppler = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (poppler.error) {
    throw new Error('pdftotext was not found: this test reads the PDF back with poppler. Install `poppler-utils`.');
  }
}

/**
 * `file` as LibreOffice prints it: every sheet, in order, into `<outDir>/<name>.pdf`. Each call has its own
 * LibreOffice profile, so parallel runs (and an open LibreOffice) do not lock each other out.
 */
export function printToPdf(file: string, outDir: string): string {
  const profile = fs.mkdtempSync(path.join(outDir, 'lo-profile-'));
  const result = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      file,
    ],
    { encoding: 'utf8', timeout: 180_000 },
  );
  const pdf = path.join(outDir, `${path.parse(file).name}.pdf`);
  if (result.status !== 0 || !fs.existsSync(pdf)) {
    throw new Error(
      `LibreOffice did not print ${file} (exit ${result.status}, ${result.error?.message ?? ''}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  fs.rmSync(profile, { recursive: true, force: true });
  return pdf;
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  /** in points */
  width: number;
  height: number;
  words: PdfWord[];
}

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** `pdftotext -bbox`: every page's size and its words with their boxes (y grows downwards). */
export function pdfWords(pdf: string): PdfPage[] {
  const xhtml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  for (const [, attributes, body] of xhtml.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)) {
    const number = (name: string, from: string) => Number(new RegExp(`${name}="([\\d.]+)"`).exec(from)?.[1]);
    const words = [...body.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map(([, box, text]) => ({
      text: unescape(text),
      xMin: number('xMin', box),
      yMin: number('yMin', box),
      xMax: number('xMax', box),
      yMax: number('yMax', box),
    }));
    pages.push({ width: number('width', attributes), height: number('height', attributes), words });
  }
  return pages;
}

import fs from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, type WebContents } from 'electron';
import { z } from 'zod';
import type { ApiResult } from './api-spec';
import { rendererIndexPath, secureWebPreferences } from './window';

// Paper routes (#/print/…) are printed from a hidden window of our own page: the clerk's window keeps its
// state, and the page draws exactly what the printer gets (CSS @page size, margins and page numbers).

const READY_TIMEOUT_MS = 30_000;
const READY_POLL_MS = 150;

export const SHELL_METHODS = ['shell.print', 'shell.printToPdf'] as const;
type ShellMethod = (typeof SHELL_METHODS)[number];

export function isShellMethod(method: string): method is ShellMethod {
  return (SHELL_METHODS as readonly string[]).includes(method);
}

const printRoute = z
  .string()
  .max(2000)
  .regex(/^\/print\/[a-z-]+(\?[^#\s]*)?$/, { error: '打印页面地址不正确' });
const inputs = {
  'shell.print': z.object({ route: printRoute }).strict(),
  'shell.printToPdf': z.object({ route: printRoute, suggestedName: z.string().max(200).default('') }).strict(),
};

class PrintError extends Error {}

const printWindows = new Set<WebContents>();
let busy = false;

/** Hidden print windows load our page too, and must not start printing themselves. */
export function isPrintWindow(contents: WebContents): boolean {
  return printWindows.has(contents);
}

function fail(code: string, message: string): ApiResult {
  return { ok: false, error: { code, message } };
}

async function waitForReady(contents: WebContents): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const state: unknown = await contents.executeJavaScript(
      'document.body ? [document.body.dataset.ready, document.body.dataset.error] : []',
      true,
    );
    const [ready, error] = Array.isArray(state) ? (state as unknown[]) : [];
    if (ready === '1') return;
    if (ready === 'error') {
      const reason = typeof error === 'string' && error ? error.replace(/。$/, '') : '打印内容读取失败';
      throw new PrintError(`${reason}，未打印。`);
    }
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
  throw new PrintError('打印页面加载超时，未打印。请重试。');
}

/** Opens the route unseen and hands it over once its data is drawn; the caller destroys the window. */
async function openPaper(route: string): Promise<BrowserWindow> {
  const win = new BrowserWindow({
    show: false,
    width: 1200,
    height: 850,
    webPreferences: secureWebPreferences(),
  });
  const { webContents } = win;
  printWindows.add(webContents);
  webContents.once('destroyed', () => printWindows.delete(webContents));
  webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  webContents.on('will-navigate', (event) => event.preventDefault());
  try {
    await win.loadFile(rendererIndexPath, { hash: route });
    await waitForReady(webContents);
    return win;
  } catch (error) {
    win.destroy();
    throw error;
  }
}

function paperOf(route: string): 'A3' | 'A4' {
  const query = new URLSearchParams(route.split('?')[1] ?? '');
  return query.get('paper') === 'A3' ? 'A3' : 'A4';
}

/** Lists and tables are landscape; a 交办单, the 月度通报 and the 现场照片 are upright A4 documents. */
const PORTRAIT_ROUTES = ['/print/problem-slips', '/print/bulletin', '/print/photos'];

function isLandscape(route: string): boolean {
  return !PORTRAIT_ROUTES.some((prefix) => route.startsWith(prefix));
}

async function printOnPaper(route: string): Promise<{ printed: boolean }> {
  const win = await openPaper(route);
  try {
    const printed = await new Promise<boolean>((resolve, reject) => {
      // the system dialog ignores CSS page size, so the sheet is named here as well
      win.webContents.print(
        { silent: false, printBackground: true, landscape: isLandscape(route), pageSize: paperOf(route) },
        (success, failureReason) => {
          if (success) resolve(true);
          else if (/cancel/i.test(failureReason)) resolve(false);
          else reject(new PrintError(`打印失败：${failureReason}`));
        },
      );
    });
    return { printed };
  } finally {
    win.destroy();
  }
}

/** A name Windows accepts, ending in .pdf. */
function safePdfName(suggested: string): string {
  const cleaned = suggested
    .replace(/[<>:"/\\|?*\p{Cc}]/gu, '')
    .replace(/\.pdf$/i, '')
    .trim()
    .slice(0, 120);
  return `${cleaned || '打印'}.pdf`;
}

async function saveAsPdf(
  owner: BrowserWindow,
  route: string,
  suggestedName: string,
): Promise<{ filePath: string | null }> {
  const choice = await dialog.showSaveDialog(owner, {
    title: '保存为PDF',
    defaultPath: path.join(app.getPath('documents'), safePdfName(suggestedName)),
    filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
  });
  if (choice.canceled || !choice.filePath) return { filePath: null };
  const win = await openPaper(route);
  let pdf: Buffer;
  try {
    pdf = await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
  } finally {
    win.destroy();
  }
  try {
    await fs.writeFile(choice.filePath, pdf);
  } catch (error) {
    console.error(`cannot write ${choice.filePath}`, error);
    throw new PrintError(`无法写入文件 ${choice.filePath}：文件可能正在其他程序中打开，或该位置不允许写入。`);
  }
  return { filePath: choice.filePath };
}

async function run(owner: BrowserWindow, method: ShellMethod, input: unknown): Promise<ApiResult> {
  if (method === 'shell.print') {
    const { route } = inputs[method].parse(input);
    return { ok: true, data: await printOnPaper(route) };
  }
  const { route, suggestedName } = inputs[method].parse(input);
  return { ok: true, data: await saveAsPdf(owner, route, suggestedName) };
}

/** `shell.print {route}` → {printed}; `shell.printToPdf {route, suggestedName}` → {filePath | null}. */
export async function runShellMethod(owner: BrowserWindow, method: ShellMethod, input: unknown): Promise<ApiResult> {
  const parsed = inputs[method].safeParse(input);
  if (!parsed.success) return fail('invalid_input', parsed.error.issues[0]?.message ?? '打印请求不正确');
  if (busy) return fail('busy', '正在打印上一份，请稍候再试。');
  busy = true;
  try {
    return await run(owner, method, input);
  } catch (error) {
    if (error instanceof PrintError) return fail('print_failed', error.message);
    console.error(`[print] ${method} failed`, error);
    return fail('internal', '打印未完成：程序内部出错。请重试或联系维护人员。');
  } finally {
    busy = false;
  }
}

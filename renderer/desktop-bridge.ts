import { ApiError, invokeDesktop, isDesktop } from './api';
import { rememberChosenFolder } from './chosen-folders';

// The desktop bridge: how the renderer asks for paper and for a folder. In Electron the main process prints a paper route in a hidden window
// (system print dialog, or printToPDF into a file the clerk picks); in the browser host the route opens in
// a new tab and the browser's own print dialog takes over.

/** Only Electron can write a PDF where the clerk chooses; the browser's print dialog offers “另存为PDF” itself. */
export function canSavePdf(): boolean {
  return isDesktop();
}

/** Only Electron has the system folder picker; the browser version asks for the folder's path as text. */
export function canChooseFolder(): boolean {
  return isDesktop();
}

/**
 * What to send as the API's `folder` / `target` for the folder the clerk picked, or null when cancelled: an
 * opaque one-time token, which the main process turns back into the folder (electron/folder-tokens.ts). The
 * folder's path, to show, is `chosenFolderPath(token)` (./chosen-folders).
 */
export async function chooseFolder(): Promise<string | null> {
  const { folder, path } = await invokeDesktop<{ folder: string | null; path: string | null }>(
    'shell.chooseFolder',
    {},
  );
  if (folder && path) rememberChosenFolder(folder, path);
  return folder;
}

const READY_TIMEOUT_MS = 60_000;

function whenReady(tab: Window): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (tab.closed) return reject(new ApiError({ code: 'cancelled', message: '打印页面已关闭，未打印。' }));
      const state = tab.document.body?.dataset.ready;
      if (state === '1') return resolve();
      if (state === 'error') {
        const reason = (tab.document.body.dataset.error || '打印内容读取失败').replace(/。$/, '');
        tab.close();
        return reject(new ApiError({ code: 'print_failed', message: `${reason}，未打印。` }));
      }
      if (Date.now() - started > READY_TIMEOUT_MS) {
        return reject(new ApiError({ code: 'timeout', message: '打印页面加载超时，请重试。' }));
      }
      setTimeout(check, 150);
    };
    check();
  });
}

async function printInBrowserTab(route: string): Promise<void> {
  const tab = window.open(`${location.pathname}${location.search}#${route}`, '_blank');
  if (!tab) {
    throw new ApiError({ code: 'blocked', message: '浏览器阻止了打印窗口，请允许本页面打开新窗口后重试。' });
  }
  await whenReady(tab);
  tab.addEventListener('afterprint', () => tab.close());
  tab.focus();
  tab.print();
}

/**
 * Prints a paper route (e.g. `/print/dispatch?week=2026-W48`) through the system or the browser's print
 * dialog: true when it went to the printer, false when the clerk cancelled, null when the browser's dialog
 * has it (the browser does not say).
 */
export async function printRoute(route: string): Promise<boolean | null> {
  if (isDesktop()) {
    const { printed } = await invokeDesktop<{ printed: boolean }>('shell.print', { route });
    return printed;
  }
  await printInBrowserTab(route);
  return null;
}

/** Electron only: renders the route to PDF and asks where to save it; null when the clerk cancels. */
export async function saveRouteAsPdf(route: string, suggestedName: string): Promise<string | null> {
  const { filePath } = await invokeDesktop<{ filePath: string | null }>('shell.printToPdf', { route, suggestedName });
  return filePath;
}

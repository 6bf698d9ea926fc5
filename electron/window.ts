import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow } from 'electron';

// Paths are resolved from __dirname of the bundle, which is dist/electron/main.cjs
// (see scripts/build-node.mjs); the renderer is built next to it in dist/renderer.
export const preloadPath = path.join(__dirname, 'preload.cjs');
export const rendererIndexPath = path.join(__dirname, '..', 'renderer', 'index.html');

// Local schemes only: the app makes no network request, so anything else is cancelled.
const allowedRequestSchemes = ['file:', 'devtools:', 'data:', 'blob:'];

/** True when the URL is our own page (any hash route). */
export function isOwnPageUrl(url: string | undefined): boolean {
  if (!url?.startsWith('file:')) return false;
  try {
    return samePath(fileURLToPath(url), rendererIndexPath);
  } catch {
    return false;
  }
}

function samePath(a: string, b: string): boolean {
  const [left, right] = [path.resolve(a), path.resolve(b)];
  // Windows paths are case-insensitive and Chromium may report the drive letter differently.
  return process.platform === 'win32' ? left.toLowerCase() === right.toLowerCase() : left === right;
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    title: '重点项目推进台',
    width: 1400,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#f5f5f5',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });

  const { webContents } = win;
  const { session } = webContents;
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = allowedRequestSchemes.some((scheme) => details.url.startsWith(scheme));
    if (!allowed) console.warn(`blocked request: ${details.url}`);
    callback({ cancel: !allowed });
  });

  webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  webContents.on('will-navigate', (event) => {
    if (!isOwnPageUrl(event.url)) event.preventDefault();
  });

  win.once('ready-to-show', () => win.show());
  win.loadFile(rendererIndexPath).catch((error: unknown) => {
    console.error(`failed to load ${rendererIndexPath}`, error);
  });
  return win;
}

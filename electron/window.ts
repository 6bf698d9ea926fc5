import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, Menu, type MenuItemConstructorOptions, type WebPreferences } from 'electron';
import { isOnOrigin } from './desktop-client/server-url';

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

/** Every window of ours (the clerk's and the hidden print windows) loads our page with these. */
export function secureWebPreferences(): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    // DevTools while developing only: an installed app cannot open them (nor has a menu item for them)
    devTools: !app.isPackaged,
  };
}

/**
 * The installed app's menu (hidden until Alt is pressed): editing and zoom, which Electron's default menu
 * also gives, but no 开发者工具 and no reload (it would drop what the clerk is typing). While developing,
 * Electron's default menu stays, DevTools and all.
 */
export function packagedMenuTemplate(): MenuItemConstructorOptions[] {
  return [
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
  ];
}

/** Call before the app is ready, so Electron never installs its default menu in an installed app. */
export function installApplicationMenu(): void {
  if (app.isPackaged) Menu.setApplicationMenu(Menu.buildFromTemplate(packagedMenuTemplate()));
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
    webPreferences: secureWebPreferences(),
  });

  const { webContents } = win;
  const { session } = webContents;
  // no camera, notifications, clipboard reads, devices…: every request is refused, and every check (which
  // pages and Chromium make without asking, e.g. navigator.permissions.query) answers no
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
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

/**
 * Desktop client mode: the office server's page in the same hardened window, but with no preload (the page
 * talks HTTP to its server, like a browser) and confined to the server's origin: requests, navigation and new
 * windows anywhere else are refused.
 */
export function createClientWindow(origin: string, onDisconnect: () => void): BrowserWindow {
  const { preload: _none, ...hardened } = secureWebPreferences();
  const win = new BrowserWindow({
    title: `重点项目推进台 — ${origin}`,
    width: 1400,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    backgroundColor: '#f5f5f5',
    webPreferences: hardened,
  });
  const { webContents } = win;
  const { session } = webContents;
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isOnOrigin(details.url, origin) || /^(devtools|data|blob):/.test(details.url);
    if (!allowed) console.warn(`blocked request: ${details.url}`);
    callback({ cancel: !allowed });
  });
  webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  webContents.on('will-navigate', (event) => {
    if (!isOnOrigin(event.url, origin)) event.preventDefault();
  });
  webContents.on('will-redirect', (event) => {
    if (!isOnOrigin(event.url, origin)) event.preventDefault();
  });
  // the page has no bridge to the shell: 断开 (back to the single PC) is the window's own menu
  win.setMenu(
    Menu.buildFromTemplate([
      {
        label: '办公室服务器',
        submenu: [
          { label: `已连接 ${origin}`, enabled: false },
          { label: '重新载入', role: 'reload' },
          { type: 'separator' },
          { label: '断开，回到单机使用', click: onDisconnect },
        ],
      },
      ...packagedMenuTemplate(),
    ]),
  );
  win.once('ready-to-show', () => win.show());
  win.loadURL(`${origin}/`).catch((error: unknown) => {
    console.error(`failed to load ${origin}`, error);
  });
  return win;
}

import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron shell cannot run here (no binary), so its security settings are checked against a stand-in
// `electron` module that records what the shell asks for: window options, the handlers it installs, what
// the preload exposes, and how the IPC channel treats a sender that is not our page.

type Listener = (...args: unknown[]) => void;

const recorded = vi.hoisted(() => ({
  windowOptions: [] as Record<string, unknown>[],
  windowOpenHandler: undefined as undefined | ((details: { url: string }) => { action: string }),
  listeners: new Map<string, Listener>(),
  beforeRequest: undefined as
    undefined | ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void),
  permission: undefined as undefined | ((c: unknown, p: string, callback: (allowed: boolean) => void) => void),
  permissionCheck: undefined as undefined | ((c: unknown, p: string, origin: string, details: unknown) => boolean),
  packaged: false,
  applicationMenu: undefined as undefined | { template: unknown[] },
  exposed: new Map<string, unknown>(),
  ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      session: {
        setPermissionRequestHandler: (handler: typeof recorded.permission) => (recorded.permission = handler),
        setPermissionCheckHandler: (handler: typeof recorded.permissionCheck) => (recorded.permissionCheck = handler),
        webRequest: { onBeforeRequest: (handler: typeof recorded.beforeRequest) => (recorded.beforeRequest = handler) },
      },
      setWindowOpenHandler: (handler: typeof recorded.windowOpenHandler) => (recorded.windowOpenHandler = handler),
      on: (event: string, listener: Listener) => recorded.listeners.set(event, listener),
    };
    constructor(options: Record<string, unknown>) {
      recorded.windowOptions.push(options);
    }
    once() {}
    show() {}
    loadFile() {
      return Promise.resolve();
    }
    static fromWebContents() {
      return null;
    }
  }
  return {
    BrowserWindow,
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => recorded.exposed.set(key, value) },
    ipcRenderer: { invoke: vi.fn() },
    ipcMain: {
      handle: (channel: string, handler: (...args: unknown[]) => unknown) => recorded.ipcHandlers.set(channel, handler),
    },
    dialog: {},
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: (menu: { template: unknown[] }) => (recorded.applicationMenu = menu),
    },
    app: {
      getPath: () => '/tmp',
      get isPackaged() {
        return recorded.packaged;
      },
    },
  };
});

beforeEach(() => {
  recorded.windowOptions.length = 0;
  recorded.listeners.clear();
  recorded.packaged = false;
  recorded.applicationMenu = undefined;
});

/** Every menu item, submenus included. */
function menuItems(template: unknown[]): Record<string, unknown>[] {
  return (template as Record<string, unknown>[]).flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? menuItems(item.submenu) : []),
  ]);
}

describe('Electron 外壳的安全设置', () => {
  it('窗口：隔离上下文、沙箱、不开 Node；新窗口一律拒绝，只能在本程序页面内跳转，网络请求全部取消，权限一律不给', async () => {
    const { createMainWindow, rendererIndexPath } = await import('../../electron/window');
    createMainWindow();
    const prefs = recorded.windowOptions[0].webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(prefs).not.toHaveProperty('nodeIntegrationInWorker', true);
    expect(prefs).not.toHaveProperty('webviewTag', true);
    expect(recorded.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });

    const navigate = recorded.listeners.get('will-navigate')!;
    const outside = { url: 'https://example.com/', preventDefault: vi.fn() };
    navigate(outside);
    expect(outside.preventDefault).toHaveBeenCalled();
    const own = { url: `file://${rendererIndexPath}#/projects`, preventDefault: vi.fn() };
    navigate(own);
    expect(own.preventDefault).not.toHaveBeenCalled();

    const decide = (url: string) => {
      let cancel: boolean | undefined;
      recorded.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('https://cdn.example.com/x.js')).toBe(true);
    expect(decide('http://127.0.0.1:5180/api/x')).toBe(true);
    expect(decide('ws://example.com')).toBe(true);
    expect(decide(`file://${rendererIndexPath}`)).toBe(false);

    let allowed: boolean | undefined;
    recorded.permission!(null, 'media', (a) => (allowed = a));
    expect(allowed).toBe(false);
    // the check handler too: what a page may learn without asking
    for (const permission of ['media', 'clipboard-read', 'notifications', 'hid', 'usb', 'serial', 'geolocation']) {
      expect(recorded.permissionCheck!(null, permission, 'file://', {})).toBe(false);
    }
  });

  it('安装后的程序打不开开发者工具：窗口不许，菜单里也没有（开发时可以）', async () => {
    const { createMainWindow, installApplicationMenu } = await import('../../electron/window');
    recorded.packaged = true;
    createMainWindow();
    expect(recorded.windowOptions[0].webPreferences).toMatchObject({ devTools: false });
    installApplicationMenu();
    const items = menuItems(recorded.applicationMenu!.template);
    expect(items.map((item) => item.role).filter(Boolean)).toEqual(
      expect.arrayContaining(['copy', 'paste', 'zoomIn', 'zoomOut']),
    );
    for (const item of items) {
      expect(String(item.role ?? '')).not.toMatch(/devtools|reload/i);
      expect(item).not.toHaveProperty('accelerator');
      expect(item).not.toHaveProperty('click');
    }

    recorded.packaged = false;
    recorded.applicationMenu = undefined;
    createMainWindow();
    expect(recorded.windowOptions[1].webPreferences).toMatchObject({ devTools: true });
    installApplicationMenu();
    // while developing Electron's own menu stays, with its 开发者工具
    expect(recorded.applicationMenu).toBeUndefined();
  });

  it('预加载脚本只向页面暴露 invoke 一个函数', async () => {
    await import('../../electron/preload');
    expect([...recorded.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(recorded.exposed.get('api') as object)).toEqual(['invoke']);
  });

  it('IPC：不是本程序页面发来的请求一律拒绝', async () => {
    const { registerApiHandler } = await import('../../electron/ipc');
    // a context with no database: had the request gone through, it would have failed as `internal`
    registerApiHandler({ db: {}, dataDir: '', damage: null } as never);
    const handler = recorded.ipcHandlers.get('api:invoke')!;
    const result = await handler({ senderFrame: { url: 'https://evil.example/' }, sender: {} }, 'projects.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('页面的内容安全策略只允许本程序自己的来源，不引用任何外部地址', () => {
    const html = fs.readFileSync(path.join(__dirname, '../../renderer/index.html'), 'utf8');
    const csp = /Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/https?:|\*/);
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="https?:/);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../electron/api-spec';
import { makeTempDir } from '../helpers/temp-dir';
import { createTempApp, type TempApp } from '../helpers/temp-app';

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
  /** what the folder dialog answers next: a path, or null for 取消 */
  dialogFolder: null as string | null,
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
    /** the main window's sender carries its window; any other sender belongs to none */
    static fromWebContents(contents: { window?: unknown } | undefined) {
      return contents?.window ?? null;
    }
  }
  return {
    BrowserWindow,
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => recorded.exposed.set(key, value) },
    ipcRenderer: { invoke: vi.fn() },
    ipcMain: {
      handle: (channel: string, handler: (...args: unknown[]) => unknown) => recorded.ipcHandlers.set(channel, handler),
    },
    dialog: {
      showOpenDialog: async () =>
        recorded.dialogFolder === null
          ? { canceled: true, filePaths: [] }
          : { canceled: false, filePaths: [recorded.dialogFolder] },
    },
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
    registerApiHandler({ db: {}, dataDir: '', damage: null } as never, '');
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

describe('桌面版的文件夹只来自本程序自己的文件夹对话框（备份到…、从U盘添加备份…、移动数据文件夹）', () => {
  let app: TempApp;
  let outside: ReturnType<typeof makeTempDir>;
  let invoke: (method: string, input: unknown, sender?: object) => Promise<ApiResult>;

  beforeEach(async () => {
    app = await createTempApp();
    outside = makeTempDir('zdxm-usb-');
    recorded.dialogFolder = null;
    const { registerApiHandler } = await import('../../electron/ipc');
    const { rendererIndexPath } = await import('../../electron/window');
    registerApiHandler(app.ctx, app.dir);
    const handler = recorded.ipcHandlers.get('api:invoke')!;
    // the clerk's window: our page, top frame, a window of its own
    const mainWindow = { window: {} };
    invoke = async (method, input, sender = mainWindow) =>
      (await handler(
        { senderFrame: { url: `file://${rendererIndexPath}#/settings`, parent: null }, sender },
        method,
        input,
      )) as ApiResult;
  });
  afterEach(async () => {
    vi.useRealTimers();
    await app.close();
    outside.remove();
  });

  /** Picks a folder in the (stand-in) system dialog, as 备份到… does: the token the page gets back. */
  async function choose(folder: string): Promise<string> {
    recorded.dialogFolder = folder;
    const result = await invoke('shell.chooseFolder', {});
    expect(result.ok).toBe(true);
    const data = (result as { data: { folder: string; path: string } }).data;
    expect(data.path).toBe(folder);
    // opaque: the token does not name the folder, and the contract's field carries only the token
    expect(data.folder).not.toContain(folder);
    expect(data.folder).not.toContain(path.basename(folder));
    return data.folder;
  }

  function expectRefused(result: ApiResult) {
    expect(result).toMatchObject({ ok: false, error: { code: 'folder_not_chosen' } });
    expect((result as { error: { message: string } }).error.message).toContain('请重新选择文件夹');
  }

  it('页面直接给出的路径一律拒绝，什么也不复制、不添加、不移动；浏览器版照常接受输入的路径', async () => {
    // a backup on the "USB stick", for 从U盘添加备份 to find
    const stick = path.join(outside.dir, 'stick');
    fs.mkdirSync(stick);
    await app.ok('backups.copyTo', { folder: stick });
    const backupsBefore = (await app.ok('backups.list', {})).map((b) => b.fileName);
    const empty = path.join(outside.dir, 'empty');
    fs.mkdirSync(empty);
    const target = path.join(outside.dir, '新数据文件夹');
    const dataDir = app.ctx.dataDir;
    const auditBefore = (await app.ok('audit.list', {})).total;

    expectRefused(await invoke('backups.copyTo', { folder: empty }));
    expectRefused(await invoke('backups.addFrom', { folder: stick }));
    expectRefused(await invoke('dataFolder.move', { target }));
    // nor anything that merely looks like a token, nor a missing or odd value
    expectRefused(await invoke('backups.copyTo', { folder: 'chosen-folder:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }));
    expectRefused(await invoke('backups.copyTo', {}));
    expectRefused(await invoke('dataFolder.move', { target: ['x'] }));
    expectRefused(await invoke('backups.addFrom', null));

    expect(fs.readdirSync(empty)).toEqual([]);
    expect((await app.ok('backups.list', {})).map((b) => b.fileName)).toEqual(backupsBefore);
    expect(fs.existsSync(target)).toBe(false);
    expect(app.ctx.dataDir).toBe(dataDir);
    expect(fs.existsSync(path.join(dataDir, 'projects.sqlite'))).toBe(true);
    expect((await app.ok('audit.list', {})).total).toBe(auditBefore);

    // the same handlers, reached without the IPC layer (the browser host, tests), take typed paths as before
    expect((await app.call('backups.copyTo', { folder: empty })).ok).toBe(true);
    expect(fs.readdirSync(empty)).toHaveLength(1);
  });

  it('备份到…：选好的文件夹凭据用一次有效，再用一次拒绝', async () => {
    const usb = path.join(outside.dir, 'U盘');
    fs.mkdirSync(usb);
    const token = await choose(usb);
    const copied = await invoke('backups.copyTo', { folder: token });
    expect(copied).toMatchObject({
      ok: true,
      data: { file: path.join(usb, '湘乡市重点项目数据备份-2026-11-28.sqlite') },
    });
    expect(fs.readdirSync(usb)).toEqual(['湘乡市重点项目数据备份-2026-11-28.sqlite']);
    fs.rmSync(path.join(usb, '湘乡市重点项目数据备份-2026-11-28.sqlite'));

    expectRefused(await invoke('backups.copyTo', { folder: token }));
    expectRefused(await invoke('backups.addFrom', { folder: token }));
    expect(fs.readdirSync(usb)).toEqual([]);
    // a new choice works again
    expect((await invoke('backups.copyTo', { folder: await choose(usb) })).ok).toBe(true);
  });

  it('从U盘添加备份…和移动数据文件夹：凭据换成所选文件夹后才交给处理程序', async () => {
    const stick = path.join(outside.dir, 'stick');
    fs.mkdirSync(stick);
    await app.ok('backups.copyTo', { folder: stick });
    const added = await invoke('backups.addFrom', { folder: await choose(stick) });
    expect(added).toMatchObject({ ok: true, data: { added: ['外部备份-湘乡市重点项目数据备份-2026-11-28.sqlite'] } });

    const target = path.join(outside.dir, '重点项目数据');
    fs.mkdirSync(target);
    const token = await choose(target);
    const moved = await invoke('dataFolder.move', { target: token });
    expect(moved).toMatchObject({ ok: true, data: { dataDir: target } });
    expect(app.ctx.dataDir).toBe(target);
    expectRefused(await invoke('dataFolder.move', { target: token }));
    expect(app.ctx.dataDir).toBe(target);
  });

  it('过期的凭据拒绝；取消对话框时没有凭据；打印窗口以外的框架不能选文件夹', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const usb = path.join(outside.dir, 'U盘');
    fs.mkdirSync(usb);
    const { FOLDER_TOKEN_TTL_MS } = await import('../../electron/folder-tokens');
    const token = await choose(usb);
    vi.advanceTimersByTime(FOLDER_TOKEN_TTL_MS + 1);
    expectRefused(await invoke('backups.copyTo', { folder: token }));
    expect(fs.readdirSync(usb)).toEqual([]);
    vi.useRealTimers();

    recorded.dialogFolder = null;
    expect(await invoke('shell.chooseFolder', {})).toEqual({ ok: true, data: { folder: null, path: null } });

    // a sender that is no window of ours (a print window's contents are refused the same way)
    recorded.dialogFolder = usb;
    expect(await invoke('shell.chooseFolder', {}, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('文件夹凭据', () => {
  it('只能兑换一次，过期作废，未用的旧凭据有上限', async () => {
    const { FolderTokens } = await import('../../electron/folder-tokens');
    let now = 1_000;
    const tokens = new FolderTokens(() => now, 60_000);
    const a = tokens.issue('/media/usb');
    const b = tokens.issue('/media/usb');
    expect(a).not.toBe(b);
    expect(tokens.take(a)).toBe('/media/usb');
    expect(tokens.take(a)).toBeNull();
    now += 60_000;
    expect(tokens.take(b)).toBeNull();
    expect(tokens.take('/media/usb')).toBeNull();
    expect(tokens.take(undefined)).toBeNull();

    const many = Array.from({ length: 30 }, (_, i) => tokens.issue(`/folder/${i}`));
    expect(tokens.take(many[0])).toBeNull();
    expect(tokens.take(many[29])).toBe('/folder/29');
  });
});

describe('页面一侧：选好的文件夹', () => {
  it('发给接口的是凭据，给文书看的是路径；输入的路径照原样显示', async () => {
    const invoke = vi.fn(async () => ({ ok: true, data: { folder: 'chosen-folder:abc', path: 'E:\\备份' } }));
    vi.stubGlobal('window', { api: { invoke } });
    try {
      const { chooseFolder } = await import('../../renderer/desktop-bridge');
      const { chosenFolderPath } = await import('../../renderer/chosen-folders');
      expect(await chooseFolder()).toBe('chosen-folder:abc');
      expect(invoke).toHaveBeenCalledWith('shell.chooseFolder', {});
      expect(chosenFolderPath('chosen-folder:abc')).toBe('E:\\备份');
      expect(chosenFolderPath('D:\\重点项目数据')).toBe('D:\\重点项目数据');

      invoke.mockResolvedValueOnce({ ok: true, data: { folder: null, path: null } } as never);
      expect(await chooseFolder()).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

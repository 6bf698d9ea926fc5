import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { connectToServer } from './desktop-client/connect';
import { dispatch, type ApiResult } from './contract';
import { FolderTokens, resolveChosenFolder } from './folder-tokens';
import { isPrintWindow, isShellMethod, runShellMethod } from './print';
import type { AppContext } from './services/app-context';
import { isOwnPageUrl } from './window';

/** The one IPC channel: the preload's `api.invoke(method, input)` lands here. */
export function registerApiHandler(ctx: AppContext, clientConfigFolder: string): void {
  // folders for 备份到…, 从U盘添加备份… and 移动数据文件夹: only what this process's dialog returned (folder-tokens.ts)
  const folderTokens = new FolderTokens();
  ipcMain.handle('api:invoke', async (event, method: unknown, input: unknown): Promise<ApiResult> => {
    const senderUrl = event.senderFrame?.url;
    if (!isOwnPageUrl(senderUrl)) {
      console.warn(`api:invoke refused from ${senderUrl ?? 'a destroyed frame'}`);
      return { ok: false, error: { code: 'forbidden', message: '请求来源不是本程序的页面，已拒绝。' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'invalid_input', message: '请求格式不正确：缺少接口名称。' } };
    }
    if (method === 'shell.chooseFolder') {
      // 备份到…, 从U盘添加备份… and 移动数据文件夹: the system's folder picker, from the clerk's own window only
      const owner = BrowserWindow.fromWebContents(event.sender);
      if (!owner || isPrintWindow(event.sender) || !event.senderFrame || event.senderFrame.parent) {
        return { ok: false, error: { code: 'forbidden', message: '只能从程序主窗口选择文件夹，已拒绝。' } };
      }
      const choice = await dialog.showOpenDialog(owner, {
        title: '选择文件夹',
        properties: ['openDirectory', 'createDirectory'],
      });
      const chosen = choice.canceled ? undefined : choice.filePaths[0];
      if (!chosen) return { ok: true, data: { folder: null, path: null } };
      // `folder` is what the page sends back to the contract; `path` is only for the clerk to read
      return { ok: true, data: { folder: folderTokens.issue(chosen), path: chosen } };
    }
    if (method === 'shell.connectServer') {
      // 连接办公室服务器 (first start or 设置): checked, kept in the app's own config, then the app starts again
      // as the server's client
      const result = await connectToServer(clientConfigFolder, input);
      if (result.ok) setImmediate(() => relaunch());
      return result;
    }
    if (isShellMethod(method)) {
      // printing opens windows and dialogs: only the clerk's own window may ask, never a print window
      const owner = BrowserWindow.fromWebContents(event.sender);
      if (!owner || isPrintWindow(event.sender) || !event.senderFrame || event.senderFrame.parent) {
        console.warn(`${method} refused from ${senderUrl}`);
        return { ok: false, error: { code: 'forbidden', message: '只能从程序主窗口打印，已拒绝。' } };
      }
      return runShellMethod(owner, method, input);
    }
    const resolved = resolveChosenFolder(folderTokens, method, input);
    if (!resolved.ok) {
      console.warn(`${method} refused: its folder was not chosen in this app's folder dialog (or was used already)`);
      return resolved.result;
    }
    return dispatch(ctx, method, resolved.input);
  });
}

/** Starts the app again (the data closes first, in will-quit): after connecting to a server or disconnecting. */
export function relaunch(): void {
  app.relaunch();
  app.quit();
}

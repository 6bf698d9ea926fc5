import { ipcMain } from 'electron';
import { dispatch, type ApiResult } from './contract';
import type { AppContext } from './services/app-context';
import { isOwnPageUrl } from './window';

/** The one IPC channel: the preload's `api.invoke(method, input)` lands here. */
export function registerApiHandler(ctx: AppContext): void {
  ipcMain.handle('api:invoke', async (event, method: unknown, input: unknown): Promise<ApiResult> => {
    const senderUrl = event.senderFrame?.url;
    if (!isOwnPageUrl(senderUrl)) {
      console.warn(`api:invoke refused from ${senderUrl ?? 'a destroyed frame'}`);
      return { ok: false, error: { code: 'forbidden', message: '请求来源不是本程序的页面，已拒绝。' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'invalid_input', message: '请求格式不正确：缺少接口名称。' } };
    }
    return dispatch(ctx, method, input);
  });
}

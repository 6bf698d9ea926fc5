import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResult } from './contract';

interface DesktopApi {
  invoke(method: string, input: unknown): Promise<ApiResult>;
}

// Only this one function crosses the bridge; ipcRenderer itself never does.
const api = {
  invoke: (method: string, input: unknown): Promise<ApiResult> => ipcRenderer.invoke('api:invoke', method, input),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('api', api);

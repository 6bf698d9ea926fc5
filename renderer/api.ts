import type { ApiErrorBody, ApiResult, MethodInput, MethodName, MethodOutput } from '../electron/api-spec';
import { forgetSent, noteSent } from './live/own-writes';

/** What the Electron preload exposes; absent in the browser host. */
interface Bridge {
  invoke(method: string, input: unknown): Promise<ApiResult>;
}
declare global {
  interface Window {
    api?: Bridge;
  }
}

export class ApiError extends Error {
  readonly code: string;
  readonly field?: string;
  readonly fieldErrors: Record<string, string>;
  /** with code `conflict`: who changed the record since it was read, and when */
  readonly conflict?: ApiErrorBody['conflict'];
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.field = body.field;
    this.fieldErrors = body.fieldErrors ?? (body.field ? { [body.field]: body.message } : {});
    this.conflict = body.conflict;
  }
}

async function overHttp(method: string, input: unknown, signal?: AbortSignal): Promise<ApiResult> {
  let response: Response;
  noteSent(method);
  try {
    response = await fetch(`api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      signal,
    });
  } catch {
    forgetSent(method);
    return { ok: false, error: { code: 'offline', message: '无法连接到本机服务，请确认程序仍在运行' } };
  }
  try {
    const result = (await response.json()) as ApiResult;
    if (!result.ok) forgetSent(method);
    return result;
  } catch {
    return { ok: false, error: { code: 'bad_response', message: `服务返回了无法识别的内容（${response.status}）` } };
  }
}

// This module is the only place that knows which transport the window has: the Electron preload's bridge
// (window.api) or HTTP to the browser host. Everything else asks `isDesktop()`.

/** True inside the Electron window (the preload's bridge is there); false in the browser host. */
export function isDesktop(): boolean {
  return Boolean(window.api);
}

const damageListeners = new Set<() => void>();

/**
 * Called when an answer says the data file is damaged (the background check found it after the start): the app
 * then goes to the recovery screen. Returns the function that stops listening.
 */
export function onDatabaseDamaged(listener: () => void): () => void {
  damageListeners.add(listener);
  return () => {
    damageListeners.delete(listener);
  };
}

const signedOutListeners = new Set<(message: string) => void>();

/**
 * Called when an answer says the caller is not logged in (on an office server: the admin ended the session, it
 * expired while idle, the password was changed elsewhere): the app then shows the login screen with that
 * message. Returns the function that stops listening.
 */
export function onSignedOut(listener: (message: string) => void): () => void {
  signedOutListeners.add(listener);
  return () => {
    signedOutListeners.delete(listener);
  };
}

/**
 * Calls one API method through whichever transport this window has; throws ApiError on refusal. `signal` is for
 * reads a screen no longer needs: over HTTP their answer is then neither downloaded nor parsed.
 */
export async function invoke<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  signal?: AbortSignal,
): Promise<MethodOutput<M>> {
  const result = window.api ? await window.api.invoke(method, input) : await overHttp(method, input, signal);
  if (!result.ok && result.error.code === 'database_damaged') damageListeners.forEach((listener) => listener());
  if (!result.ok && result.error.code === 'unauthenticated') {
    const { message } = result.error;
    signedOutListeners.forEach((listener) => listener(message));
  }
  if (!result.ok) throw new ApiError(result.error);
  return result.data as MethodOutput<M>;
}

/**
 * Sends one call while the window closes: nothing waits for the answer. In the browser host a keepalive
 * request outlives the page; in Electron the preload's message has left the window once the call returns.
 */
export function sendWithoutWaiting<M extends MethodName>(method: M, input: MethodInput<M>): void {
  if (window.api) {
    void window.api.invoke(method, input).catch(() => undefined);
    return;
  }
  noteSent(method);
  void fetch(`api/${method}`, {
    method: 'POST',
    keepalive: true,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  }).catch(() => undefined);
}

/** The desktop shell's own calls (print, PDF, folder picker), which the browser host does not have. */
export type DesktopMethod = 'shell.print' | 'shell.printToPdf' | 'shell.chooseFolder' | 'shell.connectServer';

/** Calls the desktop shell; only valid when `isDesktop()`. Throws ApiError on refusal. */
export async function invokeDesktop<T>(method: DesktopMethod, input: object): Promise<T> {
  if (!window.api) throw new ApiError({ code: 'not_desktop', message: '此功能仅在桌面程序中可用' });
  const result = await window.api.invoke(method, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.data as T;
}

import type { ApiErrorBody, ApiResult, MethodInput, MethodName, MethodOutput } from '../electron/api-spec';

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
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.field = body.field;
    this.fieldErrors = body.fieldErrors ?? (body.field ? { [body.field]: body.message } : {});
  }
}

async function overHttp(method: string, input: unknown): Promise<ApiResult> {
  let response: Response;
  try {
    response = await fetch(`api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'offline', message: '无法连接到本机服务，请确认程序仍在运行' } };
  }
  try {
    return (await response.json()) as ApiResult;
  } catch {
    return { ok: false, error: { code: 'bad_response', message: `服务返回了无法识别的内容（${response.status}）` } };
  }
}

/** Calls one API method through whichever transport this window has; throws ApiError on refusal. */
export async function invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = window.api ? await window.api.invoke(method, input) : await overHttp(method, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.data as MethodOutput<M>;
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiResult, MethodInput, MethodName, MethodOutput } from '../../electron/api-spec';
import { dispatch } from '../../electron/contract';
import { openAppContext, type AppContext } from '../../electron/services/app-context';

export interface TempApp {
  ctx: AppContext;
  dir: string;
  /** the raw result, as a transport would carry it */
  call(method: string, input: unknown): Promise<ApiResult>;
  /** the data of a call that must succeed */
  ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  close(): void;
}

/** A real SQLite file in a fresh temp folder, opened the way the app opens it. */
export async function createTempApp(
  options: { today?: string; operator?: string | null; demo?: boolean } = {},
): Promise<TempApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-test-'));
  const today = options.today ?? '2026-11-28';
  const ctx = openAppContext({ dataDir: dir, today: () => today });
  const call = async (method: string, input: unknown) =>
    structuredClone(await dispatch(ctx, method, structuredClone(input))) as ApiResult;
  const ok = async <M extends MethodName>(method: M, input: MethodInput<M>) => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method} refused: ${result.error.code} ${result.error.message}`);
    return result.data as MethodOutput<M>;
  };
  if (options.operator !== null) {
    await ok('app.initialize', { operatorName: options.operator ?? '测试填报人', loadDemo: options.demo ?? false });
  }
  return {
    ctx,
    dir,
    call,
    ok,
    close() {
      ctx.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiResult, MethodInput, MethodName, MethodOutput } from '../../electron/api-spec';
import { dispatch } from '../../electron/contract';
import { openAppContext, type SqliteAppContext } from '../../electron/services/app-context';
import { cachedDemoFolder } from './demo-cache';

export interface TempApp {
  ctx: SqliteAppContext;
  dir: string;
  /** the raw result, as a transport would carry it */
  call(method: string, input: unknown): Promise<ApiResult>;
  /** the data of a call that must succeed */
  ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  close(): void;
}

/**
 * A real SQLite file in a fresh temp folder, opened the way the app opens it; first started with the clerk's
 * name (`operator`, unless null) and a blank office or, with `demo`, the example office. The example office is
 * the folder such a first start left, made once per run for each `today` and clerk and copied here.
 */
export async function createTempApp(
  options: { today?: string; operator?: string | null; demo?: boolean } = {},
): Promise<TempApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-test-'));
  const today = options.today ?? '2026-11-28';
  const operatorName = options.operator === null ? null : (options.operator ?? '测试填报人');
  const demoFolder = options.demo && operatorName !== null ? await cachedDemoFolder(today, operatorName) : null;
  if (demoFolder) fs.cpSync(demoFolder, dir, { recursive: true });
  const ctx = await openAppContext({ dataDir: dir, today: () => today });
  const call = async (method: string, input: unknown) =>
    structuredClone(await dispatch(ctx, method, structuredClone(input))) as ApiResult;
  const ok = async <M extends MethodName>(method: M, input: MethodInput<M>) => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method} refused: ${result.error.code} ${result.error.message}`);
    return result.data as MethodOutput<M>;
  };
  if (operatorName !== null && !demoFolder) {
    await ok('app.initialize', { operatorName, loadDemo: options.demo ?? false });
  }
  const app: TempApp = {
    ctx,
    dir,
    call,
    ok,
    close() {
      // the context the test holds now: a test that reopened the folder put its own here; a SQLite file closes at once
      void app.ctx.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return app;
}

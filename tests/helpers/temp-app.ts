import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiResult, MethodInput, MethodName, MethodOutput } from '../../electron/api-spec';
import { dispatch } from '../../electron/contract';
import { backupDirOf } from '../../electron/services/backup';
import { openAppContext, type AppContext, type SqliteAppContext } from '../../electron/services/app-context';
import { openServerContext } from '../../electron/services/server-context';
import { cachedDemoFolder } from './demo-cache';
import { freshDatabase } from './postgres-database';
import { demoTemplate, newLibraryTemplate } from './postgres-templates';
import { testEngine, type TestEngine } from './test-engine';

export interface TempApp {
  ctx: AppContext;
  /** the data folder: the SQLite file and its backups, or on PostgreSQL the server's backups */
  dir: string;
  /** the raw result, as a transport would carry it */
  call(method: string, input: unknown): Promise<ApiResult>;
  /** the data of a call that must succeed */
  ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** closes the app and opens its data again, as a restart of the app would */
  reopen(): Promise<void>;
  /** closes the app and removes its folder (and its database) */
  close(): Promise<void>;
}

interface TempAppOptions {
  today?: string;
  operator?: string | null;
  demo?: boolean;
  /** the project's engine (vitest.config.ts) unless given */
  engine?: TestEngine;
}

/**
 * A fresh library opened the way the app opens it: on SQLite a real file in a temp folder, on PostgreSQL a new
 * database of the run's cluster with a temp folder for the server's backups. First started with the clerk's name
 * (`operator`, unless null) and a blank office or, with `demo`, the example office. The example office is the
 * folder such a first start left, made once per run for each `today` and clerk and copied here. On PostgreSQL
 * the database is made from a template (postgres-templates.ts): a new library, or that example office.
 */
export async function createTempApp(options: TempAppOptions = {}): Promise<TempApp> {
  const engine = options.engine ?? testEngine();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-test-'));
  const today = options.today ?? '2026-11-28';
  const operatorName = options.operator === null ? null : (options.operator ?? '测试填报人');
  const demoFolder = options.demo && operatorName !== null ? await cachedDemoFolder(today, operatorName) : null;
  let removeDatabase = async () => {};
  let open: () => Promise<AppContext>;
  if (engine === 'postgres') {
    const database = await freshDatabase({
      template: demoFolder ? await demoTemplate(demoFolder) : await newLibraryTemplate(),
    });
    removeDatabase = database.remove;
    // the example office's first backup, as the server's first start would have taken it
    if (demoFolder) fs.cpSync(backupDirOf({ dataDir: demoFolder }), backupDirOf({ dataDir: dir }), { recursive: true });
    open = () => openServerContext({ databaseUrl: database.url, dataDir: dir, today: () => today });
  } else {
    if (demoFolder) fs.cpSync(demoFolder, dir, { recursive: true });
    open = () => openAppContext({ dataDir: dir, today: () => today });
  }
  const call = async (method: string, input: unknown) =>
    structuredClone(await dispatch(app.ctx, method, structuredClone(input))) as ApiResult;
  const ok = async <M extends MethodName>(method: M, input: MethodInput<M>) => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method} refused: ${result.error.code} ${result.error.message}`);
    return result.data as MethodOutput<M>;
  };
  const app: TempApp = {
    ctx: await open(),
    dir,
    call,
    ok,
    async reopen() {
      await app.ctx.close();
      app.ctx = await open();
    },
    async close() {
      // the context the test holds now: a test that reopened the folder put its own here
      await app.ctx.close();
      await removeDatabase();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  if (operatorName !== null && !demoFolder) {
    await ok('app.initialize', { operatorName, loadDemo: options.demo ?? false });
  }
  return app;
}

/**
 * The SQLite context of a test about the data file itself (its pages, its checks, its swaps): such a test is not
 * in the PostgreSQL run, and fails here loudly if it ever is.
 */
export function sqliteContext(app: TempApp): SqliteAppContext {
  if (app.ctx.engine !== 'sqlite') {
    throw new Error(`this test reads the SQLite file itself; on ${app.ctx.engine} it has no file to read`);
  }
  return app.ctx;
}

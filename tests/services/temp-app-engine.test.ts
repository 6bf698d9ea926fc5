import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/services/app-context';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// The data suites run twice, and the second run is only worth anything if it really is on PostgreSQL: a project
// that lost its `engine` would pass on SQLite without a word.

let app: TempApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

it('postgres-suites 项目里的测试库在 PostgreSQL 上，其他项目里是 SQLite 文件', async ({ task }) => {
  const onServer = task.file.projectName === 'postgres-suites';
  app = await createTempApp({ demo: true });
  expect(app.ctx.engine).toBe(onServer ? 'postgres' : 'sqlite');
  expect(app.ctx.store.dialect).toBe(onServer ? 'postgres' : 'sqlite');
  expect(fs.existsSync(path.join(app.dir, DATABASE_FILE))).toBe(!onServer);
  expect((await app.ok('projects.list', {})).length).toBeGreaterThanOrEqual(100);
});

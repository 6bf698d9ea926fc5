import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { parseEndpoint, redacted } from '../db/copy/endpoint';
import { AppError } from '../db/errors';
import { isIsoDate } from '../db/model/dates';
import { usePackProcess } from './services/backup-pack-off-process';
import { startBackupSchedule } from './services/backup-schedule';
import { betterSqliteBinding, useIntegrityWorker } from './services/integrity/check-off-thread';
import { startIntegrityWatch } from './services/integrity-watch';
import { useSpreadsheetProcess, useSpreadsheetWorker } from './services/spreadsheet/read-off-thread';
import { startWebHost } from './web-host';

// The heap's garbage is collected once it has grown 20% past what the last collection kept, not up to 4×: a
// screen's read makes tens of MB of short-lived rows, and V8 left alone lets them pile up to ~280 MB of heap
// before collecting (issue #13's host RSS goal). Collections get more frequent, each stays as short.
v8.setFlagsFromString('--heap-growing-percent=20');

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: './data' },
    port: { type: 'string', default: '5180' },
    demo: { type: 'boolean', default: false },
    today: { type: 'string' },
    'static-dir': { type: 'string' },
    // postgres://user:password@host:5432/database: the library on a database server (also ZDXM_DATABASE_URL)
    database: { type: 'string' },
  },
});

const fixedToday = values.today;
if (fixedToday !== undefined && !isIsoDate(fixedToday)) {
  console.error(`--today 应为 YYYY-MM-DD 格式的日期：${fixedToday}`);
  process.exit(2);
}

const databaseUrl = values.database ?? (process.env.ZDXM_DATABASE_URL || undefined);
if (databaseUrl !== undefined) {
  try {
    if (parseEndpoint(databaseUrl, '--database').kind !== 'postgres') throw new Error();
  } catch (error) {
    console.error(
      error instanceof AppError
        ? error.message
        : `--database 应为 postgres://用户:密码@主机:5432/数据库名 格式的地址：${redacted(databaseUrl)}`,
    );
    process.exit(2);
  }
}

// Bundled as dist/electron/web-host.mjs, beside dist/renderer.
const here = path.dirname(fileURLToPath(import.meta.url));
try {
  const host = await startWebHost({
    dataDir: path.resolve(values['data-dir']),
    databaseUrl,
    port: Number(values.port),
    staticDir: path.resolve(values['static-dir'] ?? path.join(here, '../renderer')),
    demo: values.demo,
    today: fixedToday ? () => fixedToday : undefined,
  });
  useSpreadsheetWorker(path.join(here, 'spreadsheet-worker.cjs'));
  useSpreadsheetProcess(path.join(here, 'spreadsheet-read-process.cjs'));
  usePackProcess(path.join(here, 'backup-pack-process.cjs'));
  // listening already: the full check and the start's backup follow without holding anything up
  useIntegrityWorker(
    path.join(here, 'integrity-worker.cjs'),
    betterSqliteBinding(createRequire(import.meta.url).resolve),
  );
  const ctx = host.ctx;
  // a database server checks its own pages: its backups need no check of the app's first
  startBackupSchedule(ctx, ctx.engine === 'sqlite' ? startIntegrityWatch(ctx) : { check: () => Promise.resolve(true) });
  const where =
    ctx.engine === 'sqlite'
      ? `数据目录 ${ctx.dataDir}`
      : `数据库 ${redacted(ctx.databaseUrl)}，备份目录 ${path.join(ctx.dataDir, 'backups')}`;
  console.log(`重点项目推进台（浏览器版）已启动，${where}，请在浏览器中打开 ${host.url}`);
  if (ctx.damage) console.log('数据文件未通过检查：请在浏览器中打开上面的地址，从备份恢复');
  if (ctx.startProblem) console.log(ctx.startProblem.message);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

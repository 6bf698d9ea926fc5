import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBackupFile } from '../../db/backup-file';
import { copyLibrary, CopyMismatchError, formatReport } from '../../db/copy/copy';
import { applyMigrations } from '../../db/migrate';
import { MIGRATIONS, SCHEMA_VERSION } from '../../db/migrations';
import { sql } from '../../db/sql';
import { dispatch } from '../../electron/contract';
import { openAppContext } from '../../electron/services/app-context';
import { freshDatabase } from '../helpers/postgres-database';
import { postgresRows, sqliteRows } from '../helpers/library-rows';
import { createTempApp } from '../helpers/temp-app';
import { makeTempDir } from '../helpers/temp-dir';

// A library moves between the engines and back: the example office from its SQLite file into PostgreSQL, then
// into a new SQLite file that the single-PC app opens and restores, row for row the original.

type Cleanup = () => Promise<void> | void;
const cleanups: Cleanup[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const TODAY = '2026-11-28';
let sourceFile: string;
let folder: string;

beforeEach(async () => {
  // the example office's data file, closed by the app (its WAL folded in), as a clerk would hand it over
  const demo = await createTempApp({ demo: true, today: TODAY });
  await demo.ctx.close();
  sourceFile = path.join(demo.dir, 'projects.sqlite');
  cleanups.push(() => fs.rmSync(demo.dir, { recursive: true, force: true }));
  const temp = makeTempDir('zdxm-copy-');
  folder = temp.dir;
  cleanups.push(temp.remove);
}, 60_000);

async function emptyDatabase(): Promise<string> {
  const database = await freshDatabase();
  cleanups.push(database.remove);
  return database.url;
}

async function postgresTableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(
      `SELECT COUNT(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
       WHERE s.nspname = current_schema() AND c.relkind IN ('r', 'v')`,
    );
    return result.rows[0].n as number;
  } finally {
    await client.end();
  }
}

/** 项目库 as the app shows it over a data folder holding `file` */
async function projectList(file: string, input: Record<string, unknown> = {}): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(folder, 'app-'));
  fs.copyFileSync(file, path.join(dataDir, 'projects.sqlite'));
  const ctx = await openAppContext({ dataDir, today: () => TODAY });
  try {
    expect(ctx.damage).toBeNull();
    expect(ctx.startProblem).toBeNull();
    const result = await dispatch(ctx, 'projects.list', input);
    if (!result.ok) throw new Error(result.error.message);
    return JSON.stringify(result.data);
  } finally {
    await ctx.close();
  }
}

describe('在 SQLite 与 PostgreSQL 之间复制数据库', () => {
  it('示例单位 SQLite → PostgreSQL → 新的 SQLite 文件：每张表逐行相同（含编号），项目库的输出相同，新文件可打开、可恢复', async () => {
    const listBefore = await projectList(sourceFile);
    const searchBefore = await projectList(sourceFile, { search: '工业园' });
    const original = sqliteRows(sourceFile);
    expect(original.projects.length).toBeGreaterThan(100);
    expect(original.audit_entries.length).toBeGreaterThan(1000);

    const url = await emptyDatabase();
    const progress: string[] = [];
    const toServer = await copyLibrary(sourceFile, url, {
      onProgress: (p) => {
        if (p.done === p.total) progress.push(`${p.phase} ${p.table} ${p.done}`);
      },
    });
    expect(toServer.lines.map((l) => l.table).sort()).toEqual(Object.keys(original).sort());
    expect(toServer.lines.every((l) => l.same)).toBe(true);
    expect(toServer.lines.find((l) => l.table === 'projects')?.targetRows).toBe(original.projects.length);
    expect(progress).toContain(`copy projects ${original.projects.length}`);
    expect(progress).toContain(`verify audit_entries ${original.audit_entries.length}`);
    // no search index on the server, and the next id handed out follows the copied ones
    expect(Object.keys(await postgresRows(url))).not.toContain('project_search');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const maxUnit = Math.max(...original.units.map((u) => (u as { id: number }).id));
    const added = await client.query(`INSERT INTO units (name) VALUES ('新单位') RETURNING id`);
    expect(added.rows[0].id).toBe(maxUnit + 1);
    await client.query(`DELETE FROM units WHERE name = '新单位'`);
    await client.end();

    const snapshot = path.join(folder, '快照.sqlite');
    const back = await copyLibrary(url, snapshot);
    expect(back.lines.every((l) => l.same)).toBe(true);
    expect(fs.readdirSync(folder).filter((f) => f.startsWith('.'))).toEqual([]);

    expect(sqliteRows(snapshot)).toEqual(original);
    // a snapshot in the app's backup format: one file, no journal beside it, passing the restore's checks
    expect(readBackupFile(snapshot)).toEqual({
      projectCount: original.projects.length,
      schemaVersion: SCHEMA_VERSION,
      problem: null,
    });
    expect(fs.existsSync(`${snapshot}-wal`)).toBe(false);
    expect(await projectList(snapshot)).toBe(listBefore);
    // the search index was rebuilt: a search finds what it found in the original
    expect(JSON.parse(searchBefore).length).toBeGreaterThan(0);
    expect(await projectList(snapshot, { search: '工业园' })).toBe(searchBefore);
  }, 120_000);

  it('目标已有数据时不加 --replace 拒绝复制，目标原样不动；加 --replace 则整库替换', async () => {
    const url = await emptyDatabase();
    await copyLibrary(sourceFile, url);
    const db = new Database(sourceFile);
    db.prepare(`UPDATE projects SET name = name || '（改）' WHERE id = (SELECT MIN(id) FROM projects)`).run();
    db.close();

    const onServer = await postgresRows(url);
    await expect(copyLibrary(sourceFile, url)).rejects.toThrow(
      /^目标数据库（postgres:\/\/zdxm@[^）]+）已有数据（projects \d+ 行、audit_entries [\d,]+ 行、.* 等 26 张表），没有复制：要用复制的数据替换其中的全部数据，请加 --replace$/,
    );
    expect(await postgresRows(url)).toEqual(onServer);
    await copyLibrary(sourceFile, url, { replace: true });
    expect((await postgresRows(url)).projects).toEqual(sqliteRows(sourceFile).projects);

    const snapshot = path.join(folder, 'projects.sqlite');
    fs.writeFileSync(snapshot, 'an existing file');
    await expect(copyLibrary(url, snapshot)).rejects.toThrow(
      `目标文件“${snapshot}”已存在，没有复制：要用复制的数据替换它，请加 --replace`,
    );
    expect(fs.readFileSync(snapshot, 'utf8')).toBe('an existing file');
    // a file a running app holds open (its WAL beside it) is never swapped, not even with --replace
    fs.writeFileSync(`${snapshot}-wal`, '');
    await expect(copyLibrary(url, snapshot, { replace: true })).rejects.toThrow(
      '目标文件旁有“projects.sqlite-wal”，它可能正被程序打开，没有复制：请先关闭程序',
    );
    expect(fs.readFileSync(snapshot, 'utf8')).toBe('an existing file');
    fs.rmSync(`${snapshot}-wal`);
    await copyLibrary(url, snapshot, { replace: true });
    expect(sqliteRows(snapshot)).toEqual(sqliteRows(sourceFile));
  }, 120_000);

  it('被强行结束的复制留下的半成品文件在下次复制到同一目标时删除；另一个仍在运行的复制的文件不动', async () => {
    const url = await emptyDatabase();
    await copyLibrary(sourceFile, url);
    const snapshot = path.join(folder, '快照.sqlite');
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    const abandoned = path.join(folder, `.快照.sqlite.copying-${ended}`);
    const stillCopying = path.join(folder, `.快照.sqlite.copying-${process.ppid}`);
    for (const file of [abandoned, `${abandoned}-journal`, stillCopying]) fs.writeFileSync(file, '半成品');

    await copyLibrary(url, snapshot);
    expect(fs.readdirSync(folder).sort()).toEqual([path.basename(stillCopying), '快照.sqlite'].sort());
  });

  it('核对不一致时报告是哪张表，PostgreSQL 回滚到复制前，SQLite 不留下新文件', async () => {
    const url = await emptyDatabase();
    await copyLibrary(sourceFile, url);
    const before = await postgresRows(url);
    // one row changed between the copy and its check
    const tamper = async (target: { run(statement: ReturnType<typeof sql>): Promise<void> }) =>
      target.run(sql`UPDATE projects SET total_investment_yuan = total_investment_yuan + 1
                     WHERE id = (SELECT MIN(id) FROM projects)`);

    const intoServer = copyLibrary(sourceFile, url, { replace: true, beforeVerify: tamper });
    await expect(intoServer).rejects.toThrow('复制后逐表核对不一致（projects）：目标数据库已回滚，保持复制前的样子');
    const failure = (await intoServer.catch((e: unknown) => e)) as CopyMismatchError;
    const report = formatReport(failure.report);
    expect(report).toMatch(/^projects +\d+ +\d+ +[0-9a-f]{16} +[0-9a-f]{16} +不一致$/m);
    expect(report).toMatch(/^audit_entries +[\d,]+ +[\d,]+ +[0-9a-f]{16} +[0-9a-f]{16} +一致$/m);
    expect(report).toMatch(/1 张表不一致/);
    expect(await postgresRows(url)).toEqual(before);

    const snapshot = path.join(folder, 'projects.sqlite');
    await expect(copyLibrary(url, snapshot, { beforeVerify: tamper })).rejects.toThrow(
      '复制后逐表核对不一致（projects）：新文件已删除，目标保持原样',
    );
    expect(fs.readdirSync(folder)).toEqual([]);
  }, 120_000);

  it('错误的输入给出中文说明，什么也不写', async () => {
    const url = await emptyDatabase();
    await expect(copyLibrary(sourceFile, 'mysql://root@localhost/zdxm')).rejects.toThrow(
      '--to 不支持“mysql://”这种地址：请写 SQLite 数据文件的路径，或 postgres://用户:密码@主机:5432/数据库名',
    );
    await expect(copyLibrary(path.join(folder, '没有这个文件.sqlite'), url)).rejects.toThrow(
      `找不到数据文件“${path.join(folder, '没有这个文件.sqlite')}”，没有复制任何数据`,
    );
    await expect(copyLibrary(sourceFile, 'postgres://zdxm:secret@127.0.0.1:1/zdxm')).rejects.toThrow(
      '连接不上数据库服务器（postgres://zdxm:***@127.0.0.1:1/zdxm）：请检查地址、端口、服务器是否已启动和网络；没有复制任何数据',
    );
    await expect(copyLibrary(url, path.join(folder, 'x.sqlite'))).rejects.toThrow(/中没有本程序的数据，没有复制$/);
    await expect(copyLibrary(sourceFile, path.join(folder, 'x.sqlite'))).rejects.toThrow(/^两端都是 SQLite 数据文件/);

    const older = path.join(folder, '旧版本.sqlite');
    const db = new Database(older);
    applyMigrations(
      db,
      MIGRATIONS.filter((m) => m.version <= 90),
    );
    db.close();
    await expect(copyLibrary(older, url)).rejects.toThrow(
      `数据文件“${older}”是旧版本程序的（数据结构版本90，本程序为${SCHEMA_VERSION}）：请先用本程序打开它一次（会自动升级），再复制`,
    );
    expect(await postgresTableCount(url)).toBe(0);
    expect(fs.readdirSync(folder)).toEqual(['旧版本.sqlite']);
  }, 60_000);

  it('命令行 npm run db -- copy：打印逐表核对报告；目标已有数据时以中文说明拒绝，退出码 1；用法不对时退出码 2', async () => {
    const url = await emptyDatabase();
    const root = path.resolve(__dirname, '..', '..');
    const db = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db.ts', ...args], { cwd: root, encoding: 'utf8' });

    // the example office has 现场照片: their files go to the database server's data folder
    const serverFolder = path.join(folder, 'server-data');
    const copied = db('copy', '--from', sourceFile, '--to', url, '--data-dir', serverFolder);
    expect(copied.status).toBe(0);
    expect(copied.stdout).toMatch(/^数据表 +源库行数 +目标行数 +源库校验和 +目标校验和 +核对$/m);
    expect(copied.stdout).toMatch(/^projects +\d+ +\d+ +[0-9a-f]{16} +[0-9a-f]{16} +一致$/m);
    expect(copied.stdout).toMatch(/33 张表、[\d,]+ 行全部一致（行数及 SHA-256 校验和）\n复制完成，已逐表核对一致。/);
    expect(copied.stderr).toMatch(/^复制 projects：\d+ \/ \d+ 行$/m);

    const refused = db('copy', '--from', sourceFile, '--to', url, '--data-dir', serverFolder);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/已有数据（projects \d+ 行、.*请加 --replace/);
    expect(db('copy', '--from', sourceFile).status).toBe(2);
    expect(db('move', '--from', sourceFile, '--to', url).stderr).toMatch(/^用法：npm run db -- copy/);
  }, 60_000);
});

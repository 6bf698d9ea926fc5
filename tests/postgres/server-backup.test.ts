import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_LOCK } from '../../db/backup-lock';
import { copyLibrary } from '../../db/copy/copy';
import { backupsToDelete, DEFAULT_BACKUP_KEEP } from '../../db/model/backup-rotation';
import { backupInfo, extractBackup, MANUAL_PREFIX } from '../../electron/services/backup';
import { kindOf, takenAtOf } from '../../electron/services/backup-names';
import { restoreBackup } from '../../electron/services/restore-backup';
import { removePartialBackups } from '../../electron/services/interrupted-swaps';
import { backupPostgres } from '../../electron/services/server-backup';
import { postgresRows, sqliteRows } from '../helpers/library-rows';
import { freshDatabase } from '../helpers/postgres-database';
import { createTempApp, sqliteContext } from '../helpers/temp-app';
import { makeTempDir } from '../helpers/temp-dir';

// The database server's scheduled backups: the example office copied into PostgreSQL, backed up into a backups
// folder as the single-PC app backs up its file, restored by the single-PC restore.

type Cleanup = () => Promise<void> | void;
const cleanups: Cleanup[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const TODAY = '2026-11-28';
const DAILY = '自动备份-每日';
const AT = (iso: string) => new Date(`${iso}Z`);

let sourceFile: string;
let demoList: string;
let folder: string;
let backupDir: string;

beforeAll(async () => {
  // the example office's data file, closed by the app (its WAL folded in), and its 项目库 as the clerk saw it
  const demo = await createTempApp({ demo: true, today: TODAY });
  demoList = JSON.stringify(await demo.ok('projects.list', {}));
  await demo.ctx.close();
  const temp = makeTempDir('zdxm-server-backup-source-');
  sourceFile = path.join(temp.dir, 'projects.sqlite');
  fs.copyFileSync(path.join(demo.dir, 'projects.sqlite'), sourceFile);
  // and its attachment files (现场照片), which a server keeps in its data folder
  fs.cpSync(path.join(demo.dir, 'files'), path.join(temp.dir, 'files'), { recursive: true });
  fs.rmSync(demo.dir, { recursive: true, force: true });
  return temp.remove;
}, 60_000);

beforeEach(() => {
  const temp = makeTempDir('zdxm-server-backup-');
  folder = temp.dir;
  backupDir = path.join(folder, 'backups');
  cleanups.push(temp.remove);
});

/** the example office in a database of its own on the run's cluster */
async function officeOnServer(): Promise<string> {
  const database = await freshDatabase();
  cleanups.push(database.remove);
  await copyLibrary(sourceFile, database.url);
  // the server's data folder (the backups folder's parent) holds the library's attachment files
  fs.cpSync(path.join(path.dirname(sourceFile), 'files'), path.join(folder, 'files'), { recursive: true });
  return database.url;
}

async function connected(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

// the backups themselves: the attachment files they carry are kept once beside them (backups/files/)
const backupNames = () =>
  fs.existsSync(backupDir)
    ? fs
        .readdirSync(backupDir, { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name)
        .sort()
    : [];

describe('数据库服务器的定时备份', () => {
  it('自动备份与单机版同名同格式，逐表等于数据库，单机版的恢复接受它，恢复后项目库与原来相同', async () => {
    const url = await officeOnServer();
    const result = await backupPostgres({ url, backupDir, label: DAILY, now: AT('2026-11-28T02:00:00.000') });

    const name = '自动备份-每日-2026-11-28T02-00-00-000Z.zdbak';
    expect(result).toEqual({ written: true, file: path.join(backupDir, name), deleted: [] });
    expect(backupNames()).toEqual([name]);
    const info = backupInfo(path.join(backupDir, name));
    expect(info).toMatchObject({ label: DAILY, kind: 'automatic', takenAt: '2026-11-28T02:00:00.000Z', problem: null });
    expect(info.projectCount).toBe(JSON.parse(demoList).length);

    const plain = path.join(folder, 'unpacked.sqlite');
    await extractBackup(path.join(backupDir, name), plain);
    expect(sqliteRows(plain)).toEqual(await postgresRows(url));

    // a single-PC office that is handed the backup restores it like one of its own
    const app = await createTempApp({ today: TODAY });
    cleanups.push(() => app.close());
    fs.mkdirSync(path.join(app.dir, 'backups'), { recursive: true });
    fs.copyFileSync(path.join(backupDir, name), path.join(app.dir, 'backups', name));
    // with the attachment files the backup carries (kept once beside the backups)
    fs.cpSync(path.join(backupDir, 'files'), path.join(app.dir, 'backups', 'files'), { recursive: true });
    await restoreBackup(sqliteContext(app), name, '从服务器备份恢复');
    expect(JSON.stringify(await app.ok('projects.list', {}))).toBe(demoList);
  }, 120_000);

  it('同一天第二轮自动备份跳过并说明；手动备份和操作前备份照常写入', async () => {
    const url = await officeOnServer();
    await backupPostgres({ url, backupDir, label: DAILY, now: AT('2026-11-28T02:00:00.000') });
    expect(await backupPostgres({ url, backupDir, label: DAILY, now: AT('2026-11-28T09:30:00.000') })).toEqual({
      written: false,
      reason: 'not_due',
      message: '今天已有自动备份，本轮自动备份跳过',
    });
    await backupPostgres({ url, backupDir, label: MANUAL_PREFIX, now: AT('2026-11-28T09:31:00.000') });
    await backupPostgres({ url, backupDir, label: '导入台账前', now: AT('2026-11-28T09:32:00.000') });
    expect(backupNames()).toEqual([
      '导入台账前-2026-11-28T09-32-00-000Z.zdbak',
      '手动备份-2026-11-28T09-31-00-000Z.zdbak',
      '自动备份-每日-2026-11-28T02-00-00-000Z.zdbak',
    ]);
    expect(backupNames().map((n) => backupInfo(path.join(backupDir, n)).problem)).toEqual([null, null, null]);
    // the next day it is due again
    const nextDay = await backupPostgres({ url, backupDir, label: DAILY, now: AT('2026-11-29T02:00:00.000') });
    expect(nextDay.written).toBe(true);
  }, 120_000);

  it('两台服务器同时开始自动备份：只有一个备份，另一台跳过并说明；持锁的服务器断开后锁随之释放', async () => {
    const url = await officeOnServer();
    const [first, second] = await Promise.all([
      backupPostgres({ url, backupDir, label: DAILY, now: AT('2026-11-28T02:00:00.000') }),
      backupPostgres({ url, backupDir, label: DAILY, now: AT('2026-11-28T02:00:01.000') }),
    ]);
    expect([first.written, second.written].sort()).toEqual([false, true]);
    expect([first, second].find((r) => !r.written)).toEqual({
      written: false,
      reason: 'other_server',
      message: '另一台服务器正在备份这个数据库，本轮自动备份跳过',
    });
    expect(backupNames()).toHaveLength(1);

    // a server in the middle of a backup holds the lock: the next day's round elsewhere is skipped
    const busy = await connected(url);
    expect((await busy.query('SELECT pg_try_advisory_lock($1) AS locked', [BACKUP_LOCK])).rows[0].locked).toBe(true);
    const skipped = await backupPostgres({ url, backupDir, label: DAILY, now: AT('2026-11-29T02:00:00.000') });
    expect(skipped).toMatchObject({ written: false, reason: 'other_server' });
    expect(backupNames()).toHaveLength(1);
    // a backup a clerk asked for is not skipped: it waits for the other server's to finish
    let manualDone = false;
    const manual = backupPostgres({ url, backupDir, label: MANUAL_PREFIX, now: AT('2026-11-29T01:00:00.000') });
    void manual.then(() => (manualDone = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(manualDone).toBe(false);
    await busy.query('SELECT pg_advisory_unlock($1)', [BACKUP_LOCK]);
    expect((await manual).written).toBe(true);
    expect(backupNames()).toHaveLength(2);
    await busy.query('SELECT pg_try_advisory_lock($1)', [BACKUP_LOCK]);
    // …until that server dies: its connection goes, and its lock with it
    await busy.end();
    const after = await backupPostgres({ url, backupDir, label: DAILY, now: AT('2026-11-29T02:00:01.000') });
    expect(after.written).toBe(true);
    expect(backupNames()).toHaveLength(3);
  }, 120_000);

  it('轮换按单机版的规则（及库中的保留设置）删除旧备份', async () => {
    const url = await officeOnServer();
    const keep = { daily: 3, weekly: 2, monthly: 1 };
    const client = await connected(url);
    await client.query(
      `INSERT INTO settings (key, value) VALUES ('backupKeep', $1)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [JSON.stringify(keep)],
    );
    await client.end();
    const older = [
      ...[20, 21, 22, 23, 24, 25, 26, 27].map((day) => `自动备份-每日-2026-11-${day}T02-00-00-000Z.zdbak`),
      '自动备份-每日-2026-10-15T02-00-00-000Z.zdbak',
      '导入台账前-2026-08-01T03-00-00-000Z.zdbak',
      '手动备份-2025-05-01T03-00-00-000Z.zdbak',
    ];
    fs.mkdirSync(backupDir);
    for (const name of older) fs.writeFileSync(path.join(backupDir, name), '');

    const now = AT('2026-11-28T02:00:00.000');
    const result = await backupPostgres({ url, backupDir, label: DAILY, now });
    if (!result.written) throw new Error(result.message);

    const deleted = result.deleted.map((file) => path.basename(file)).sort();
    // the single-PC rules over the same folder, with the office's setting
    const everything = [...older, path.basename(result.file)].map((name) => ({
      name,
      takenAt: takenAtOf(name),
      kind: kindOf(name),
    }));
    expect(deleted).toEqual(backupsToDelete(everything, keep, now.getTime()).sort());
    expect(deleted).not.toEqual(backupsToDelete(everything, DEFAULT_BACKUP_KEEP, now.getTime()).sort());
    expect(deleted).toEqual([
      '自动备份-每日-2026-10-15T02-00-00-000Z.zdbak',
      '自动备份-每日-2026-11-20T02-00-00-000Z.zdbak',
      '自动备份-每日-2026-11-21T02-00-00-000Z.zdbak',
      '自动备份-每日-2026-11-23T02-00-00-000Z.zdbak',
      '自动备份-每日-2026-11-24T02-00-00-000Z.zdbak',
      '自动备份-每日-2026-11-25T02-00-00-000Z.zdbak',
    ]);
    expect(backupNames()).toEqual(
      [...older, path.basename(result.file)].filter((name) => !deleted.includes(name)).sort(),
    );
  }, 120_000);

  it('连不上数据库或库中没有本程序的数据：中文说明，备份文件夹里什么也不留下', async () => {
    await expect(
      backupPostgres({ url: 'postgres://zdxm:secret@127.0.0.1:1/zdxm', backupDir, label: DAILY }),
    ).rejects.toThrow(
      '连接不上数据库服务器（postgres://zdxm:***@127.0.0.1:1/zdxm）：请检查地址、端口、服务器是否已启动和网络；备份未进行，没有留下备份文件',
    );
    expect(backupNames()).toEqual([]);

    const empty = await freshDatabase();
    cleanups.push(empty.remove);
    await expect(backupPostgres({ url: empty.url, backupDir, label: MANUAL_PREFIX })).rejects.toThrow(
      /^数据库（postgres:\/\/[^）]+）中没有本程序的数据，没有复制$/,
    );
    expect(fs.readdirSync(folder)).toEqual(fs.existsSync(backupDir) ? ['backups'] : []);
    expect(fs.readdirSync(backupDir, { withFileTypes: true }).map((e) => e.name)).toEqual([]);
  }, 60_000);

  it('备份中途被强行结束：留下的半成品在下次启动时删除，已完成的备份不动', async () => {
    const url = await officeOnServer();
    const done = await backupPostgres({ url, backupDir, label: DAILY, now: AT('2026-11-28T02:00:00.000') });
    // what a kill leaves while the copy writes the snapshot, and while it is packed
    const snapshot = '自动备份-每日-2026-11-29T02-00-00-000Z.zdbak.snapshot.partial';
    const leftovers = [`.${snapshot}.copying-4242`, `.${snapshot}.copying-4242-journal`, snapshot];
    for (const name of leftovers) fs.writeFileSync(path.join(backupDir, name), 'half');
    removePartialBackups(backupDir);
    expect(backupNames()).toEqual([path.basename(done.written ? done.file : '')]);
  }, 60_000);
});

import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from '../../db/sql';
import { openAppContext, type AppContext } from '../../electron/services/app-context';
import { makeTempDir } from '../helpers/temp-dir';

// ctx.store is how every handler reaches the library: after a restore or a move reopens the folder, it must read
// the file now open, never the one that was closed.

let temp: ReturnType<typeof makeTempDir> | undefined;
let ctx: AppContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
  temp?.remove();
  temp = undefined;
});

const cityOf = async (app: AppContext) =>
  (await app.store.get<{ value: string }>(sql`SELECT value FROM settings WHERE key = 'cityName'`))?.value;

async function folderWithCity(dir: string, city: string): Promise<void> {
  const other = await openAppContext({ dataDir: dir });
  await other.store.run(sql`UPDATE settings SET value = ${city} WHERE key = 'cityName'`);
  await other.close();
}

describe('ctx.store 跟随重新打开的数据文件', () => {
  it('移到另一个文件夹后读的是那里的数据，原文件夹的数据不受影响', async () => {
    temp = makeTempDir();
    const first = path.join(temp.dir, 'first');
    const second = path.join(temp.dir, 'second');
    await folderWithCity(first, '甲县');
    await folderWithCity(second, '乙县');

    ctx = await openAppContext({ dataDir: first });
    const before = ctx.store;
    expect(ctx.store).toBe(before);
    expect(await cityOf(ctx)).toBe('甲县');

    await ctx.reopen(second);
    expect(ctx.store).not.toBe(before);
    expect(await cityOf(ctx)).toBe('乙县');
    await expect(before.get(sql`SELECT 1 AS one`)).rejects.toThrow();

    await ctx.reopen(first);
    expect(await cityOf(ctx)).toBe('甲县');
  });

  it('同一文件夹重新打开后，写入落在新打开的文件里', async () => {
    temp = makeTempDir();
    ctx = await openAppContext({ dataDir: temp.dir });
    await ctx.reopen();
    await ctx.store.run(sql`UPDATE settings SET value = '丙县' WHERE key = 'cityName'`);
    await ctx.close();
    ctx = await openAppContext({ dataDir: temp.dir });
    expect(await cityOf(ctx)).toBe('丙县');
  });

  it('一个请求的事务在途时重新打开：先等它提交，再关闭文件', async () => {
    temp = makeTempDir();
    ctx = await openAppContext({ dataDir: temp.dir });
    const app = ctx;
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    const saving = app.store.transaction(async () => {
      await held;
      await app.store.run(sql`UPDATE settings SET value = '丁县' WHERE key = 'cityName'`);
    });
    const reopening = app.reopen();
    letGo();
    await saving;
    await reopening;
    expect(await cityOf(app)).toBe('丁县');
  });

  it('一个请求的事务在途时关闭程序：先等它提交，再关闭文件', async () => {
    temp = makeTempDir();
    const app = await openAppContext({ dataDir: temp.dir });
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    const saving = app.store.transaction(async () => {
      await held;
      await app.store.run(sql`UPDATE settings SET value = '戊县' WHERE key = 'cityName'`);
    });
    const closing = app.close();
    letGo();
    await saving;
    await closing;
    ctx = await openAppContext({ dataDir: temp.dir });
    expect(await cityOf(ctx)).toBe('戊县');
  });
});

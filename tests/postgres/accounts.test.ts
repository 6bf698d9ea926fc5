import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyLibrary } from '../../db/copy/copy';
import { sql } from '../../db/sql';
import { postgresStore } from '../../db/store/postgres-store';
import { createFirstAdmin } from '../../electron/services/auth/first-admin';
import { login } from '../../electron/services/auth/login';
import { authenticate } from '../../electron/services/auth/sessions';
import { createTempApp } from '../helpers/temp-app';
import { accountsSuite } from '../helpers/accounts-suite';
import { freshDatabase } from '../helpers/postgres-database';
import { makeTempDir } from '../helpers/temp-dir';

// Accounts, sessions and the policy on a database server: the suite of tests/services/accounts.test.ts, each
// test on a new library's database of the run's cluster.
accountsSuite(async () => {
  const app = await createTempApp({ engine: 'postgres' });
  return { ctx: app.ctx, close: () => app.close() };
});

describe('账户随数据库复制，会话不随', () => {
  it('复制到数据库服务器：账户和登录记录一行不差，会话一条不带；替换时服务器上原有的会话全部结束', async () => {
    const app = await createTempApp({ engine: 'sqlite' });
    const database = await freshDatabase();
    const temp = makeTempDir('zdxm-accounts-copy-');
    try {
      await createFirstAdmin(app.ctx.store, 'admin', 'qwerty-2026');
      await login(app.ctx.store, { login: 'admin', password: 'qwerty-2026', address: '10.0.0.5' });
      const file = path.join(app.dir, 'projects.sqlite');
      await copyLibrary(file, database.url);
      const server = postgresStore(database.url);
      try {
        const read = sql`SELECT login, role, password_hash FROM users ORDER BY id`;
        expect(await server.all(read)).toEqual(await app.ctx.store.all(read));
        expect(await server.all(sql`SELECT outcome FROM login_events`)).toEqual([{ outcome: 'ok' }]);
        expect(await server.all(sql`SELECT id FROM sessions`)).toEqual([]);

        // a session opened on the server, then the library replaced by the file (what 恢复 does on a server)
        const { token } = await login(server, { login: 'admin', password: 'qwerty-2026', address: '10.0.0.6' });
        await copyLibrary(file, database.url, { replace: true });
        await expect(authenticate(server, token, '10.0.0.6')).rejects.toThrow('登录已失效');

        const back = path.join(temp.dir, '快照.sqlite');
        await copyLibrary(database.url, back);
        const snapshot = new Database(back, { readonly: true });
        expect(snapshot.prepare('SELECT login FROM users').all()).toEqual([{ login: 'admin' }]);
        expect(snapshot.prepare('SELECT COUNT(*) AS n FROM sessions').get()).toEqual({ n: 0 });
        snapshot.close();
      } finally {
        await server.close();
      }
    } finally {
      await app.close();
      await database.remove();
      temp.remove();
    }
  });
});

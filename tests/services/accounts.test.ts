import { describe, expect, it } from 'vitest';
import { createFirstAdmin } from '../../electron/services/auth/first-admin';
import { login } from '../../electron/services/auth/login';
import { authenticate } from '../../electron/services/auth/sessions';
import { accountsSuite } from '../helpers/accounts-suite';
import { createTempApp } from '../helpers/temp-app';

// Accounts, sessions and the policy on a SQLite file (the suite runs on PostgreSQL in tests/postgres/).
accountsSuite(async () => {
  const app = await createTempApp({ engine: 'sqlite' });
  return { ctx: app.ctx, close: () => app.close() };
});

describe('恢复备份', () => {
  it('恢复的备份里有人登录着：恢复后那些会话都已结束，账户还在', async () => {
    const app = await createTempApp({ engine: 'sqlite' });
    try {
      await createFirstAdmin(app.ctx.store, 'admin', 'qwerty-2026');
      const { token } = await login(app.ctx.store, { login: 'admin', password: 'qwerty-2026', address: '10.0.0.5' });
      const backup = await app.ok('backups.create', {});
      await app.ok('backups.restore', { fileName: backup.fileName });
      await expect(authenticate(app.ctx.store, token, '10.0.0.5')).rejects.toThrow('登录已失效');
      const again = await login(app.ctx.store, { login: 'admin', password: 'qwerty-2026', address: '10.0.0.5' });
      expect(again.user.login).toBe('admin');
    } finally {
      await app.close();
    }
  });
});

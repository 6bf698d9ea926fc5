import { afterEach, describe, expect, it } from 'vitest';
import { createAccount } from '../../electron/services/auth/users-admin';
import { entityLabel, fieldText, valueText } from '../../renderer/pages/history/history-text';
import { createTempApp, type TempApp } from '../helpers/temp-app';

let app: TempApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('变更记录里的账户', () => {
  it('新建账户的各行用设置›用户的叫法，角色写中文，密码只说已设置', async () => {
    app = await createTempApp({ engine: 'sqlite' });
    const meta = { operator: '管理员', now: '2026-11-28T02:00:00.000Z' };
    await createAccount(
      app.ctx.store,
      { login: 'wang', displayName: '王五', role: 'leader', unitId: null, password: 'wangwu-2026' },
      meta,
    );
    const lines = (await app.ok('audit.list', {})).entries.filter((row) => row.entity === 'user');
    const shown = lines.map((row) => [entityLabel(row.entity), fieldText(row), valueText(row, row.newValue)]);
    expect(shown).toEqual(
      expect.arrayContaining([
        ['账户', '登录名', 'wang'],
        ['账户', '姓名', '王五'],
        ['账户', '角色', '领导/链长'],
        ['账户', '密码', '（已设置）'],
      ]),
    );
  });
});

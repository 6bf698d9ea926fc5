import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/app/App';
import type { TempApp } from '../helpers/temp-app';
import { readyAccount } from './accounts-harness';
import { installOfficeApi } from './real-api';
import { renderPage } from './render-page';

// each login costs a scrypt check (90–190 ms by design) on a shared 2-core machine
vi.setConfig({ testTimeout: 90_000 });

const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });

let app: TempApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  window.location.hash = '';
});

describe('要素保障（办公室服务器上的领导账户）', () => {
  it('领导/链长的菜单有要素保障，缺口清单可看不可转为问题；项目页的要素保障没有“填写”', async () => {
    app = await installOfficeApi({ demo: true });
    const leader = await readyAccount(app, { login: 'lingdao', displayName: '赵县长', role: 'leader' });
    const land = await app.ok('factors.shortfalls', { kind: 'land' });
    window.location.hash = '#/factors';
    await renderPage(<App />);
    await user.type(await screen.findByLabelText('登录名'), leader.login);
    await user.type(screen.getByLabelText('密码'), `${leader.password}{Enter}`);

    const table = await screen.findByRole('table', { name: '缺地项目' }, { timeout: 20_000 });
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toContain('要素保障');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(land.rows.length);
    expect(within(table).queryByText('转为问题')).toBeNull();
    expect(within(table).getAllByText('未转问题')).toHaveLength(land.rows.length);

    window.location.hash = `#/projects/${land.rows[0].projectId}`;
    const panel = await screen.findByRole('region', { name: '要素保障' }, { timeout: 20_000 });
    await within(panel).findByText('报批状态');
    expect(within(panel).queryByText('填写')).toBeNull();
  });
});

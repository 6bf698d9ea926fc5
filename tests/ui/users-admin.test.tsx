import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/app/App';
import type { TempApp } from '../helpers/temp-app';
import { readyAccount } from './accounts-harness';
import { installOfficeApi } from './real-api';
import { renderPage } from './render-page';

// each login and password set costs a scrypt (90–190 ms by design) on a shared 2-core machine
vi.setConfig({ testTimeout: 120_000 });

const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });

let app: TempApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  window.location.hash = '';
});

/** The app opened at `hash` by an admin who logged in, on a library `prepare` set up first. */
async function asAdmin(hash: string, prepare: (app: TempApp) => Promise<unknown> = async () => {}) {
  app = await installOfficeApi();
  const admin = await readyAccount(app, { login: 'guanli', displayName: '管理员甲', role: 'admin' });
  await prepare(app);
  window.location.hash = hash;
  await renderPage(<App />);
  await user.type(await screen.findByLabelText('登录名'), admin.login);
  await user.type(screen.getByLabelText('密码'), `${admin.password}{Enter}`);
  await screen.findByText('管理员甲（管理员）');
  return app;
}

/** the Select labelled `label` inside `scope`: open it and click the option */
async function choose(scope: HTMLElement, label: string, option: string) {
  fireEvent.mouseDown(within(scope).getByLabelText(label));
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find(
      (el) => el.getAttribute('title') === option,
    );
    if (!found) throw new Error(`选项“${option}”未出现`);
    return found;
  });
  fireEvent.click(item);
}

/** the texts of a row's cells */
const cellsOf = (row: HTMLElement) => [...row.querySelectorAll('td')].map((td) => td.textContent);

const PASSWORD = /^(初始密码|新密码)$/;

/** the table row with a cell reading `text` now, or an error (a role query over the whole page is too slow here) */
function rowNow(text: string): HTMLElement {
  const cell = [...document.querySelectorAll('td')].find((td) => td.textContent === text);
  if (!cell) throw new Error(`没有“${text}”这一行`);
  return cell.closest('tr')!;
}

/** a button by its text (role queries are slow on this page) */
function buttonIn(scope: HTMLElement, text: string): HTMLElement {
  const button = [...scope.querySelectorAll('button')].find((b) => b.textContent === text);
  if (!button) throw new Error(`没有“${text}”按钮`);
  return button;
}

/** the row once it is there */
const rowOf = (text: string) => waitFor(() => rowNow(text));

describe('设置 › 用户', () => {
  it('新建责任单位用户：选单位、填初始密码，列表显示角色、单位、须改密码，密码只显示这一次', async () => {
    const app = await asAdmin('#/settings/users', (app) => app.ok('reference.saveUnit', { name: '金石镇人民政府' }));
    await user.click(await screen.findByRole('button', { name: /新建用户/ }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('登录名'), 'jinshi');
    await user.type(within(dialog).getByLabelText('姓名'), '金石镇填报员');
    await choose(dialog, '角色', '责任单位');
    await within(dialog).findByLabelText('所属单位');
    await choose(dialog, '所属单位', '金石镇人民政府');
    await user.type(within(dialog).getByLabelText(PASSWORD), 'short');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText('密码至少需要 8 个字符')).toBeTruthy();

    await user.clear(within(dialog).getByLabelText(PASSWORD));
    await user.type(within(dialog).getByLabelText(PASSWORD), 'jinshi-2026');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    const row = await rowOf('jinshi');
    expect(within(row).getByText('金石镇填报员')).toBeTruthy();
    expect(within(row).getByText('责任单位')).toBeTruthy();
    expect(within(row).getByText('金石镇人民政府')).toBeTruthy();
    expect(within(row).getByText('正常')).toBeTruthy();
    expect(within(row).getByText('是')).toBeTruthy();
    expect(screen.getByText('jinshi-2026')).toBeTruthy();
    const stored = (await app.ok('users.list', {})).find((u) => u.login === 'jinshi');
    expect(stored).toMatchObject({ role: 'unit', displayName: '金石镇填报员', mustChangePassword: true });
  });

  it('重设密码后须改密码；停用后状态为停用，可再启用', async () => {
    const app = await asAdmin('#/settings/users', (app) =>
      readyAccount(app, { login: 'zhaoliu', displayName: '赵六', role: 'office' }),
    );

    const row = await rowOf('zhaoliu');
    expect(within(row).queryByText('是')).toBeNull();
    await user.click(buttonIn(row, '重设密码'));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: '随机生成' }));
    const generated = (within(dialog).getByLabelText(PASSWORD) as HTMLInputElement).value;
    expect(generated).toMatch(/^[A-Za-z2-9]{10}$/);
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await screen.findByText(generated)).toBeTruthy();
    await waitFor(() => expect(cellsOf(rowNow('zhaoliu'))).toContain('是'));

    fireEvent.click(buttonIn(rowNow('zhaoliu'), '停用'));
    const confirm = await waitFor(() => document.querySelector<HTMLElement>('.ant-modal-confirm')!);
    expect(confirm.textContent).toContain('停用 赵六？');
    fireEvent.click(buttonIn(confirm, '停用'));
    await waitFor(() => expect(cellsOf(rowNow('zhaoliu'))).toContain('停用'));
    expect((await app.ok('users.list', {})).find((u) => u.login === 'zhaoliu')?.disabled).toBe(true);

    fireEvent.click(buttonIn(rowNow('zhaoliu'), '启用'));
    await waitFor(() => expect(cellsOf(rowNow('zhaoliu'))).toContain('正常'));
  });

  it('在线会话可结束一个；登录记录最新在前，只看失败', async () => {
    const app = await asAdmin('#/settings/sessions');
    const office = await readyAccount(app, { login: 'sunqi', displayName: '孙七', role: 'office' });
    await app.call('auth.login', { login: office.login, password: 'wrong-password' });
    await app.call('auth.login', { login: office.login, password: office.password });
    await user.click(await screen.findByRole('button', { name: '刷新' }));
    const row = await rowOf('sunqi');
    expect(within(row).getByText('孙七')).toBeTruthy();
    await user.click(buttonIn(row, '结束'));
    expect(await screen.findByText('已结束 孙七 的会话')).toBeTruthy();
    await waitFor(() =>
      expect([...document.querySelectorAll('td')].some((td) => td.textContent === 'sunqi')).toBe(false),
    );
    expect((await app.ok('users.sessions', {})).map((s) => s.login)).toEqual(['guanli']);

    await user.click(screen.getByRole('tab', { name: '登录记录' }));
    await user.click(await screen.findByRole('checkbox', { name: '只看失败' }));
    await waitFor(() => expect(screen.queryByText('成功')).toBeNull());
    const failed = await rowOf('密码错误');
    expect(within(failed).getByText('sunqi')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: '只看失败' }));
    await user.type(screen.getByLabelText('按登录名筛选'), 'guan');
    await waitFor(() => expect(screen.queryByText('sunqi')).toBeNull());
    expect(screen.getAllByText('成功').length).toBeGreaterThan(0);
  });
});

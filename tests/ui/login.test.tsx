import { screen, waitFor, within } from '@testing-library/react';
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

async function logIn(login: string, password: string) {
  await user.type(await screen.findByLabelText('登录名'), login);
  await user.type(screen.getByLabelText('密码'), `${password}{Enter}`);
}

describe('登录页（办公室服务器）', () => {
  it('未登录只见登录页；密码错误按服务器的话提示，什么也不显示', async () => {
    app = await installOfficeApi();
    await app.ok('settings.update', { cityName: '金石县' });
    await readyAccount(app, { login: 'zhangsan', displayName: '张三', role: 'office' });
    await renderPage(<App />);

    expect(await screen.findByText('金石县重点项目办')).toBeTruthy();
    expect(screen.queryByText('项目库')).toBeNull();
    await logIn('zhangsan', '不是这个密码');
    expect(await screen.findByText('登录名或密码不正确')).toBeTruthy();
    expect(screen.queryByText('项目库')).toBeNull();
    expect((screen.getByLabelText('密码') as HTMLInputElement).value).toBe('');
  });

  it('初始密码登录后先修改密码，两次不一致不提交；改好后进入，页头显示姓名和角色', async () => {
    app = await installOfficeApi();
    await app.ok('users.create', {
      login: 'lisi',
      displayName: '李四',
      role: 'office',
      password: 'chushi-2026',
    });
    await renderPage(<App />);
    await logIn('LiSi', 'chushi-2026');

    expect(await screen.findByText('修改初始密码')).toBeTruthy();
    expect(screen.queryByText('项目库')).toBeNull();
    await user.type(screen.getByLabelText('当前密码'), 'chushi-2026');
    await user.type(screen.getByLabelText('新密码'), 'lisi-new-2026');
    await user.type(screen.getByLabelText('再次输入新密码'), 'lisi-new-2027{Enter}');
    expect(await screen.findByText('两次输入的新密码不一致')).toBeTruthy();

    await user.clear(screen.getByLabelText('再次输入新密码'));
    await user.type(screen.getByLabelText('再次输入新密码'), 'lisi-new-2026{Enter}');
    expect(await screen.findByText('李四（项目办）')).toBeTruthy();
    expect(screen.getByRole('button', { name: '退出登录' })).toBeTruthy();
    expect((await app.ok('users.list', {})).find((u) => u.login === 'lisi')?.mustChangePassword).toBe(false);
  });

  it('管理员结束会话后，下一次操作回到登录页并说明原因；重新登录回到原来的页面；退出登录回到登录页', async () => {
    app = await installOfficeApi({ demo: true });
    const wang = await readyAccount(app, { login: 'wangwu', displayName: '王五', role: 'office' });
    window.location.hash = '#/history';
    await renderPage(<App />);
    await logIn(wang.login, wang.password);
    expect(await screen.findByText('王五（项目办）')).toBeTruthy();

    await app.ok('users.endSessions', { id: wang.id });
    await user.click(screen.getByRole('menuitem', { name: '项目库' }));
    expect(await screen.findByText('登录已失效，请重新登录')).toBeTruthy();
    expect(window.location.hash).toBe('#/projects');

    await logIn(wang.login, wang.password);
    expect(await screen.findByRole('button', { name: /新增项目/ })).toBeTruthy();
    expect(window.location.hash).toBe('#/projects');

    await user.click(screen.getByRole('button', { name: '退出登录' }));
    expect(await screen.findByRole('button', { name: '登录' })).toBeTruthy();
    expect(await app.ok('users.sessions', {})).toEqual([]);
  });
});

describe('按角色显示', () => {
  it('领导/链长看不到新增项目、变更阶段和编辑；项目办看得到；菜单不含设置里的账户', async () => {
    app = await installOfficeApi({ demo: true });
    const leader = await readyAccount(app, { login: 'lingdao', displayName: '赵县长', role: 'leader' });
    const office = await readyAccount(app, { login: 'banshi', displayName: '钱科员', role: 'office' });
    const [first] = await app.ok('projects.list', {});
    window.location.hash = '#/projects';
    await renderPage(<App />);
    await logIn(leader.login, leader.password);

    expect(await screen.findByText('赵县长（领导/链长）')).toBeTruthy();
    expect(await screen.findByText(first.name)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /新增项目/ })).toBeNull();
    window.location.hash = `#/projects/${first.id}`;
    expect(await screen.findByText('返回项目库', {}, { timeout: 20_000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '编辑' })).toBeNull();
    expect(screen.queryByRole('button', { name: '变更阶段' })).toBeNull();
    window.location.hash = '#/settings/users';
    expect(await screen.findByRole('tab', { name: '基本设置' })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: '用户' })).toBeNull();

    await user.click(screen.getByRole('button', { name: '退出登录' }));
    window.location.hash = `#/projects/${first.id}`;
    await logIn(office.login, office.password);
    expect(await screen.findByRole('button', { name: '编辑' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '变更阶段' })).toBeTruthy();
    window.location.hash = '#/projects';
    expect(await screen.findByRole('button', { name: /新增项目/ })).toBeTruthy();
  });

  it('领导/链长在本周调度、问题督办和设置里只读：文字不能改，没有登记问题和保存的按钮', async () => {
    app = await installOfficeApi({ demo: true });
    const leader = await readyAccount(app, { login: 'lingdao', displayName: '赵县长', role: 'leader' });
    const [first] = (await app.ok('dispatch.week', {})).rows;
    window.location.hash = '#/dispatch';
    await renderPage(<App />);
    await logIn(leader.login, leader.password);

    const progress = (await screen.findByLabelText(
      `${first.name} 本周进展（形象进度）`,
      {},
      { timeout: 20_000 },
    )) as HTMLTextAreaElement;
    expect(progress.readOnly).toBe(true);
    expect(screen.getByText('只读：您的角色可查看和打印本周调度，不能修改')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /全部沿用|确认所选/ })).toBeNull();
    expect(screen.queryByRole('button', { name: '确认' })).toBeNull();
    expect(screen.queryByRole('button', { name: /转为问题/ })).toBeNull();

    window.location.hash = '#/problems';
    expect(await screen.findByRole('table', {}, { timeout: 20_000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /登记问题/ })).toBeNull();

    window.location.hash = '#/settings/chains';
    expect(await screen.findByText('只读：您的角色可以查看这些设置，不能修改')).toBeTruthy();
    const addChain = screen.getByRole('button', { name: /新增产业链/ });
    expect((addChain as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/链长、牵头单位随产业链带入新项目。/)).toBeTruthy();
    expect(screen.queryByText(/双击一行可编辑/)).toBeNull();
    expect(screen.queryByRole('tab', { name: '数据与备份' })).toBeNull();
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).not.toContain('按单位填报');
  });

  it('责任单位用户的菜单只有本单位填报，首页就是它', async () => {
    app = await installOfficeApi();
    const { units } = await app.ok('reference.saveUnit', { name: '金石镇人民政府' });
    const unit = await readyAccount(app, {
      login: 'jinshi',
      displayName: '金石镇',
      role: 'unit',
      unitId: units[0].id,
    });
    await renderPage(<App />);
    await logIn(unit.login, unit.password);
    expect(await screen.findByText('金石镇（责任单位）')).toBeTruthy();
    const menu = screen.getAllByRole('menuitem').map((item) => item.textContent);
    expect(menu).toEqual(['本单位填报']);
    await waitFor(() => expect(window.location.hash).toBe('#/unit'));
    expect(within(document.body).queryByText('工作台')).toBeNull();
  });
});

// `npm run screenshot`'s office-server screens: the login, the initial password's change, 设置 › 用户 and a unit
// user's own page, on the built server (`npm run server`) over the example office.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startHost } from './browser-host';
import { startOfficeServer } from './office-server-host';

interface Shots {
  today: string;
  tall: boolean;
  chosen(file: string): boolean;
  shoot(page: Page, file: string): Promise<void>;
}

const FIRST = '初始密码-2026';
const ADMIN = { login: 'admin', password: '管理员初始密码-2026' };
const newPassword = (login: string) => `${login}-新密码-2026`;
const SCREENS = ['login', 'login-change-password', 'settings-users', 'unit-user', 'leader-dispatch', 'leader-settings'];

/** The accounts an office makes first: clerks, a leader, a unit's reporter (for its page), and one disabled. */
async function makeAccounts(page: Page): Promise<void> {
  const call = (method: string, input: unknown) =>
    page.evaluate(
      async ([name, body]) => {
        const response = await fetch(`api/${name as string}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
        const result = (await response.json()) as { ok: boolean; data?: unknown; error?: { message: string } };
        if (!result.ok) throw new Error(`${name as string}: ${result.error?.message}`);
        return result.data;
      },
      [method, input] as const,
    );
  const { units } = (await call('reference.list', {})) as { units: { id: number; name: string }[] };
  const unit = units.find((u) => u.name === '市卫生健康局') ?? units[0];
  const accounts = [
    { login: 'zhangsan', displayName: '张三', role: 'office', unitId: null },
    { login: 'lisi', displayName: '李四', role: 'office', unitId: null },
    { login: 'liu', displayName: '刘副市长', role: 'leader', unitId: null },
    { login: 'wsj', displayName: '卫健局填报员', role: 'unit', unitId: unit.id },
    { login: 'old', displayName: '原办事员', role: 'office', unitId: null },
  ];
  for (const account of accounts) await call('users.create', { ...account, password: FIRST });
  const { id } = ((await call('users.list', {})) as { id: number; login: string }[]).find((u) => u.login === 'old')!;
  await call('users.disable', { id, disabled: true });
}

async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
}

async function changeInitialPassword(page: Page, login: string, current: string): Promise<void> {
  await page.getByText('修改初始密码').first().waitFor();
  await page.getByLabel('当前密码').fill(current);
  await page.getByLabel('新密码', { exact: true }).fill(newPassword(login));
  await page.getByLabel('再次输入新密码').fill(newPassword(login));
  await page.getByRole('button', { name: '修改密码并继续' }).click();
  // in: the side menu is there (the change's own screen has a 退出登录 too)
  await page.getByRole('menuitem').first().waitFor();
}

export async function shootOfficeServer(browser: Browser, shots: Shots): Promise<void> {
  const wanted = (name: string) => shots.chosen(`${name}-1366.png`) || shots.chosen(`${name}.png`);
  if (!SCREENS.some(wanted)) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-shots-server-'));
  try {
    // the server has no --demo: the example office is loaded by the browser host first, on the same folder
    const loader = await startHost({ dataDir, demo: true, today: shots.today });
    await loader.stop();
    const server = await startOfficeServer({ dataDir, initAdmin: ADMIN, today: shots.today });
    try {
      const viewport = { width: 1366, height: shots.tall ? 1800 : 768 };
      const admin = await (await browser.newContext({ viewport })).newPage();
      await admin.goto(server.url);
      await admin.getByLabel('登录名').waitFor();
      if (wanted('login')) await shots.shoot(admin, 'login-1366.png');
      await signIn(admin, ADMIN.login, ADMIN.password);
      await admin.getByText('修改初始密码').first().waitFor();
      if (wanted('login-change-password')) await shots.shoot(admin, 'login-change-password-1366.png');
      await changeInitialPassword(admin, ADMIN.login, ADMIN.password);
      await makeAccounts(admin);
      await admin.goto(`${server.url}#/settings/users`);
      await admin.getByText('卫健局填报员').waitFor();
      if (wanted('settings-users')) await shots.shoot(admin, 'settings-users-1366.png');

      const unit = await (await browser.newContext({ viewport })).newPage();
      await unit.goto(server.url);
      await signIn(unit, 'wsj', FIRST);
      await changeInitialPassword(unit, 'wsj', FIRST);
      await unit.getByText('待反馈问题').waitFor();
      if (wanted('unit-user')) await shots.shoot(unit, 'unit-user-1366.png');

      if (wanted('leader-dispatch') || wanted('leader-settings')) {
        const leader = await (await browser.newContext({ viewport })).newPage();
        await leader.goto(`${server.url}#/dispatch`);
        await signIn(leader, 'liu', FIRST);
        await changeInitialPassword(leader, 'liu', FIRST);
        await leader.getByText('只读：您的角色可查看和打印本周调度，不能修改').waitFor();
        if (wanted('leader-dispatch')) await shots.shoot(leader, 'leader-dispatch-1366.png');
        await leader.goto(`${server.url}#/settings/chains`);
        await leader.getByText('只读：您的角色可以查看这些设置，不能修改').waitFor();
        if (wanted('leader-settings')) await shots.shoot(leader, 'leader-settings-1366.png');
      }
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

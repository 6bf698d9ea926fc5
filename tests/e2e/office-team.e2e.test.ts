import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../db/model/project';
import type { ProjectListRow } from '../../db/model/project-list';
import type { ReferenceData } from '../../db/model/reference';
import type { UnitDesk } from '../../db/model/unit-desk';
import { launchBrowser, startHost, watchForPageErrors } from '../../scripts/browser-host';
import { startOfficeServer, type OfficeServer } from '../../scripts/office-server-host';
import { freshDatabase } from '../helpers/postgres-database';
import { ServerBrowser } from '../helpers/server-client';
import { makeTempDir } from '../helpers/temp-dir';

// An office at work on the built office server (issue #15), in real Chromium: two clerks of 项目办 and one 责任单位
// user, each in their own browser context with their own session cookie. Two clerks save the same project (the
// second is told who saved first and loses nothing); the unit reports its week and the clerk's open 本周调度 shows
// it without a reload; the unit cannot read another unit's project.

const ADMIN = { login: 'admin', password: '管理员初始密码-2026' };
const FIRST = '初始密码-2026';
const newPassword = (login: string) => `${login}-新密码-2026`;
const ZHANG = { login: 'zhangsan', displayName: '张三' };
const LI = { login: 'lisi', displayName: '李四' };
const UNIT_USER = { login: 'wangwu', displayName: '王五' };

/** a change reaches another page after the event, a short gathering pause and a read */
const LIVE = { timeout: 10_000 };
// antd can leave a collapsed loading icon (named “loading”) in a button that was saving a moment ago, most often
// on a loaded machine: the button reads “loading 保存” to the accessibility tree while the clerk sees 保存
const SAVE = /^(loading )?保\s*存$/;
const PROGRESS = '本周进展（形象进度）';
/** where the shots go, to be looked at after the run */
const shotPath = (engine: string, name: string) => `/tmp/e2eteam-${engine}-${name}.png`;

interface Office {
  server: OfficeServer;
  /** the unit whose user reports, and its projects this week */
  unit: { id: number; name: string; desk: UnitDesk };
  /** a project of none of the unit's, which the clerks edit and the unit may not read */
  elsewhere: ProjectListRow;
}

/**
 * The example office loaded by the browser host (`npm run web -- --demo`), then served by the office server with
 * its first admin, who makes the team's accounts; the clerks have changed the password they were given.
 */
async function openOffice(place: { dataDir: string; databaseUrl?: string }): Promise<Office> {
  const demo = await startHost({ ...place, demo: true, startTimeoutMs: 60_000 });
  await demo.stop();
  const server = await startOfficeServer({ ...place, initAdmin: ADMIN });
  const target = { port: server.port };
  const admin = new ServerBrowser(target);
  await admin.ok('auth.login', ADMIN);
  await admin.ok('auth.changePassword', { oldPassword: ADMIN.password, newPassword: newPassword(ADMIN.login) });

  const zhang = await member(target, admin, { ...ZHANG, role: 'office', unitId: null });
  const projects = await zhang.ok<ProjectListRow[]>('projects.list', {});
  const { units } = await zhang.ok<ReferenceData>('reference.list');
  // the unit with the most projects, leading or sharing them
  const { id: unitId, name: unitName } = units.reduce((most, u) => (u.projectCount > most.projectCount ? u : most));
  const desk = await zhang.ok<UnitDesk>('unitDesk.get', { unitId });
  expect(desk.projects.length).toBeGreaterThan(0);
  const elsewhere = projects.find((p) => p.leadUnitName !== unitName && !p.responsibleUnitNames.includes(unitName));
  expect(elsewhere).toBeDefined();

  await member(target, admin, { ...LI, role: 'office', unitId: null });
  // the unit user's first login, and the change of the password the admin gave, are on the login screen
  await admin.ok('users.create', { ...UNIT_USER, role: 'unit', unitId, password: FIRST });
  return { server, unit: { id: unitId, name: unitName, desk }, elsewhere: elsewhere! };
}

/** An account made by the admin, logged in once and its given password changed, as its owner would. */
async function member(
  target: { port: number },
  admin: ServerBrowser,
  account: { login: string; displayName: string; role: 'office' | 'unit'; unitId: number | null },
): Promise<ServerBrowser> {
  await admin.ok('users.create', { ...account, password: FIRST });
  const browser = new ServerBrowser(target);
  await browser.ok('auth.login', { login: account.login, password: FIRST });
  await browser.ok('auth.changePassword', { oldPassword: FIRST, newPassword: newPassword(account.login) });
  return browser;
}

/** The page's own call to the server, with the context's session cookie; the answer's status and body. */
function callFrom(page: Page, method: string, input: unknown): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ([name, body]) => {
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    },
    [method, input] as const,
  );
}

/**
 * A member logs in on the login screen (登录名, 密码) in a browser context of their own; an account still on the
 * password the admin gave goes through 修改初始密码 first. The page's errors are watched once they are in.
 */
async function signIn(context: BrowserContext, url: string, login: string, { firstLogin = false } = {}) {
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码', { exact: true }).fill(firstLogin ? FIRST : newPassword(login));
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  if (firstLogin) {
    await page.getByLabel('当前密码').fill(FIRST);
    await page.getByLabel('新密码', { exact: true }).fill(newPassword(login));
    await page.getByLabel('再次输入新密码').fill(newPassword(login));
    await page.getByRole('button', { name: '修改密码并继续' }).click();
  }
  await page.getByRole('button', { name: '退出登录' }).waitFor();
  return { page, errors: watchForPageErrors(page) };
}

/** Waits until the finite animations under the locator (a dialog opening) have played out, for a screenshot. */
async function animationsDone(locator: Locator): Promise<void> {
  await locator.evaluate((element) =>
    Promise.all(
      element
        .getAnimations({ subtree: true })
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const formItem = (page: Page, label: string) => page.locator('.ant-form-item', { has: field(page, label) });

async function openEditForm(page: Page, url: string, id: number): Promise<void> {
  await page.goto(`${url}#/projects/${id}/edit`);
  await field(page, '建设地点').waitFor();
}

async function projectPageShown(page: Page, id: number): Promise<void> {
  await page.waitForURL((at) => at.hash === `#/projects/${id}`);
  await page
    .getByRole('button', { name: /^编\s*辑$/ })
    .first()
    .waitFor();
}

function officeTeam(engine: 'sqlite' | 'postgres', place: () => Promise<{ dataDir: string; databaseUrl?: string }>) {
  const shot = (name: string) => shotPath(engine, name);
  let browser: Browser;
  let office: Office;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    office = await openOffice(await place());
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await office?.server.stop();
    await browser?.close();
  });
  const newContext = async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    contexts.push(context);
    return context;
  };

  it('两名项目办同时改一个项目：后保存的李四被告知张三已修改，填写的不丢，载入最新内容后比对再保存；单位填报的本周进展不刷新就出现在张三的本周调度里；单位读不到别单位的项目', async () => {
    const { url } = office.server;
    const project = office.elsewhere;
    const zhang = await signIn(await newContext(), url, ZHANG.login);
    const li = await signIn(await newContext(), url, LI.login);
    const unit = await signIn(await newContext(), url, UNIT_USER.login, { firstLogin: true });

    // 1. the same project's form open twice; 李四 types first, 张三 saves first
    await openEditForm(zhang.page, url, project.id);
    await openEditForm(li.page, url, project.id);
    await field(li.page, '建设地点').fill('李四填的建设地点');
    await field(li.page, '备注').fill('李四补充的备注');
    await field(zhang.page, '建设地点').fill('张三改的建设地点');
    await field(zhang.page, '联系人').fill('张三改的联系人');
    await zhang.page.getByRole('button', { name: SAVE }).click();
    await projectPageShown(zhang.page, project.id);

    await li.page.getByRole('button', { name: SAVE }).click();
    const dialog = li.page.getByRole('dialog');
    await dialog.getByText('数据已被他人修改').waitFor();
    expect(await dialog.locator('.zd-conflict-message').innerText()).toMatch(
      /^已被 张三 于 \d\d:\d\d 修改，请刷新后再改$/,
    );
    await animationsDone(dialog);
    await li.page.screenshot({ path: shot('conflict') });
    expect(await field(li.page, '建设地点').inputValue()).toBe('李四填的建设地点');
    expect(await field(li.page, '备注').inputValue()).toBe('李四补充的备注');

    await dialog.getByRole('button', { name: '载入最新内容' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const both = formItem(li.page, '建设地点').getByRole('note');
    await both.waitFor();
    expect(await both.innerText()).toContain('最新保存：张三改的建设地点');
    expect(await both.innerText()).toContain('您填写的：李四填的建设地点');
    expect(await field(li.page, '建设地点').inputValue()).toBe('李四填的建设地点');
    expect(await field(li.page, '联系人').inputValue()).toBe('张三改的联系人');
    expect(await field(li.page, '备注').inputValue()).toBe('李四补充的备注');
    await li.page.screenshot({ path: shot('conflict-compared') });

    await li.page.getByRole('button', { name: SAVE }).click();
    await projectPageShown(li.page, project.id);
    const stored = await callFrom(zhang.page, 'projects.get', { id: project.id });
    expect(stored.body).toMatchObject({
      ok: true,
      data: { location: '李四填的建设地点', contactPerson: '张三改的联系人', note: '李四补充的备注' },
    });
    // both saves in the project's 变更记录, each with who and from where, old → new
    const history = (await callFrom(zhang.page, 'projects.history', { id: project.id })).body as {
      data: AuditEntry[];
    };
    const placeChanges = history.data.filter((line) => line.fieldLabel === '建设地点');
    expect(placeChanges.slice(0, 2)).toMatchObject([
      { operator: '李四（127.0.0.1）', oldValue: '张三改的建设地点', newValue: '李四填的建设地点' },
      { operator: '张三（127.0.0.1）', oldValue: project.location, newValue: '张三改的建设地点' },
    ]);

    // 2. 张三 has 本周调度 open; the unit reports one of its projects' week
    await zhang.page.goto(`${url}#/dispatch`);
    await zhang.page.getByLabel('报送情况').waitFor();
    const grid = zhang.page.getByRole('region', { name: '本周调度填报' }).locator('tbody').getByRole('row');
    await expect.poll(() => grid.count()).toBeGreaterThan(0);
    const inGrid = new Set(await grid.evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label'))));
    const reported = office.unit.desk.projects.find((p) => inGrid.has(p.name));
    expect(reported, `none of ${office.unit.name}'s projects in the grid`).toBeDefined();
    const gridCell = zhang.page.getByRole('textbox', { name: `${reported!.name} ${PROGRESS}`, exact: true });
    const text = `${office.unit.name}填报：主体结构完成`;
    expect(await gridCell.inputValue()).not.toBe(text);

    // a unit user's home is its own page, the only one in its menu
    await unit.page.waitForURL((at) => at.hash === '#/unit');
    expect(await unit.page.getByRole('menuitem').allInnerTexts()).toEqual(['本单位填报']);
    const box = unit.page.getByRole('textbox', { name: `${reported!.name} 本周进展`, exact: true });
    await box.fill(text);
    await box.press('Tab');
    const row = unit.page.locator('tr', { has: box });
    await expect.poll(() => row.getByRole('status').innerText(), LIVE).toMatch(/^已保存 \d\d:\d\d$/);
    await unit.page.screenshot({ path: shot('unit-desk') });

    await expect.poll(() => gridCell.inputValue(), LIVE).toBe(text);
    await expect
      .poll(() => zhang.page.locator('.app-live-notice').innerText(), LIVE)
      .toContain(`${UNIT_USER.displayName} 更新了 ${reported!.name} 的本周进展`);

    // and back: 张三 corrects that entry in his grid (from the version the live refresh brought him, so no
    // conflict), and the unit's open page shows the correction without a reload
    const corrected = `${text}（项目办核实）`;
    await gridCell.focus();
    await zhang.page.keyboard.press('ControlOrMeta+a');
    await zhang.page.keyboard.type(corrected);
    await zhang.page.keyboard.press('Tab');
    await expect.poll(() => zhang.page.getByText('所有修改均已保存').count(), LIVE).toBe(1);
    await expect.poll(() => box.inputValue(), LIVE).toBe(corrected);

    // the browser logs the refused save's 409 as a failed load; nothing else went wrong on any page
    const CONFLICT_LOAD = 'console: Failed to load resource: the server responded with a status of 409 (Conflict)';
    expect([...zhang.errors, ...li.errors.filter((e) => e !== CONFLICT_LOAD), ...unit.errors]).toEqual([]);
    expect(li.errors.filter((e) => e === CONFLICT_LOAD)).toHaveLength(1);

    // 3. its own project it may read, another unit's not
    expect((await callFrom(unit.page, 'projects.get', { id: reported!.projectId })).status).toBe(200);
    const refused = await callFrom(unit.page, 'projects.get', { id: project.id });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(JSON.stringify(refused.body)).toContain('责任单位账户只能查看和填报本单位的项目');
  });
}

describe('办公室协同端到端（办公室服务器 + SQLite，三个 Chromium 上下文）', () => {
  const temp = makeTempDir('zdxm-e2e-team-');
  afterAll(() => temp.remove());
  officeTeam('sqlite', () => Promise.resolve({ dataDir: temp.dir }));
});

describe('办公室协同端到端（办公室服务器 + PostgreSQL，三个 Chromium 上下文）', () => {
  const temp = makeTempDir('zdxm-e2e-team-pg-');
  let database: Awaited<ReturnType<typeof freshDatabase>> | undefined;
  // after the suite's own afterAll has stopped the server
  afterAll(async () => {
    await database?.remove();
    temp.remove();
  });
  officeTeam('postgres', async () => {
    database = await freshDatabase();
    return { dataDir: temp.dir, databaseUrl: database.url };
  });
});

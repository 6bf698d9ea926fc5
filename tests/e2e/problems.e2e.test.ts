import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';
import { launchBrowser, startHost, watchForPageErrors, type RunningHost } from '../../scripts/browser-host';

let browser: Browser;
let host: RunningHost | undefined;
const temp = makeTempDir('zdxm-e2e-problems-');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
  temp.remove();
});

/** antd puts a space between the two characters of a two-character button (“登 记”). */
const button = (scope: Page | Locator, label: string) =>
  scope.getByRole('button', { name: new RegExp(`^${[...label].join('\\s*')}$`) });
const dialog = (page: Page, title: string) => page.locator('.ant-modal').filter({ hasText: title }).last();

async function typeDate(box: Locator, date: string) {
  await box.click();
  await box.fill(date);
  await box.press('Enter');
}

async function lightOf(page: Page, projectId: number) {
  await page.goto(`${host!.url}#/projects/${projectId}`);
  const panel = page.getByRole('region', { name: '预警' });
  await panel.waitFor();
  return panel;
}

describe('问题督办端到端（真实 Chromium + 浏览器版）', () => {
  it('从调度需协调事项登记问题，交办、超期亮红灯，申请销号、审结销号后恢复绿灯', async () => {
    host = await startHost({ dataDir: temp.dir, demo: false, today: '2026-11-26' });
    await host!.call('app.initialize', { operatorName: '李明', loadDemo: false });
    const { chains, units } = await host!.call('reference.list', {});
    if (!units.some((u) => u.name === '市自然资源局')) await host!.call('reference.saveUnit', { name: '市自然资源局' });
    // a 续建 project that has started and is 纳统: the problem is the only thing that can turn it red
    const project = await host!.call('projects.create', {
      name: '城东污水处理厂',
      stage: 'continuing',
      actualStartDate: '2025-05-01',
      inStatistics: true,
      chainId: chains[0].id,
      owner: '湘乡市城市建设投资有限公司',
    });
    expect(project.light).toBe('green');
    await host!.call('dispatch.saveEntry', {
      projectId: project.id,
      week: '2026-W48',
      progress: '主体结构施工',
      coordination: '请市自然资源局加快用地报批',
    });

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = watchForPageErrors(page);

    // 周调度: the row's 需协调事项 becomes a problem in one action
    await page.goto(`${host.url}#/dispatch`);
    const row = page.getByRole('row', { name: '城东污水处理厂', exact: true });
    await row.getByRole('button', { name: '将“城东污水处理厂”的需协调事项转为问题' }).click();
    const raise = dialog(page, '登记问题');
    await expect.poll(() => raise.getByLabel('问题描述').inputValue()).toBe('请市自然资源局加快用地报批');
    expect(await raise.getByLabel('来源').inputValue()).toBe('第48周调度会');
    // the unit the text asks for is taken as the 牵头单位
    const leadUnit = raise.locator('.ant-form-item').filter({ hasText: '牵头单位' });
    await expect.poll(() => leadUnit.innerText()).toContain('市自然资源局');
    await typeDate(raise.getByLabel('登记日期'), '2026-11-02');
    await typeDate(raise.getByLabel('办结时限'), '2026-11-20');
    await button(raise, '登记').click();
    await raise.waitFor({ state: 'hidden' });

    // 问题清单: it is there, 待交办, and 交办 puts it in hand
    await page.goto(`${host.url}#/problems`);
    const listed = page.getByRole('row', { name: 'WT-2026-0001' });
    await expect.poll(() => listed.innerText()).toContain('待交办');
    expect(await listed.innerText()).toContain('第48周调度会');
    await listed.click();
    const detail = page.locator('.pb-detail');
    await button(detail, '交办').click();
    const assign = dialog(page, 'WT-2026-0001');
    expect(await assign.getByLabel('办结时限').inputValue()).toBe('2026-11-20');
    // typed and taken with Enter (the name matches one unit): clicking an option races the dropdown's opening
    const responsible = assign.getByLabel('责任单位');
    await responsible.click();
    await responsible.pressSequentially('市自然资源局');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => assign.locator('.ant-form-item').filter({ hasText: '责任单位' }).innerText())
      .toContain('市自然资源局');
    // handed out the day after it was raised, so its deadline is already past today
    await typeDate(assign.getByLabel('交办日期'), '2026-11-03');
    await button(assign, '交办').click();
    await assign.waitFor({ state: 'hidden' });
    await expect.poll(() => detail.innerText()).toContain('办理中');
    expect(await detail.getByRole('list', { name: '办理记录' }).innerText()).toContain('交办');
    await expect.poll(() => listed.innerText()).toContain('超期6天');

    // the project is red, and the overdue problem is the only reason
    let light = await lightOf(page, project.id);
    await expect.poll(() => light.innerText()).toContain('红灯');
    const reasons = await light.getByRole('listitem').allInnerTexts();
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain('问题WT-2026-0001超期6天未办结');

    // 申请销号 with the result, then 审结销号
    await page.goto(`${host.url}#/problems`);
    await page.getByRole('row', { name: 'WT-2026-0001' }).click();
    await button(detail, '申请销号').click();
    const request = dialog(page, '申请销号');
    await request.getByLabel('办理结果').fill('用地报批材料已上报省自然资源厅，取得批复');
    await button(request, '申请销号').click();
    await request.waitFor({ state: 'hidden' });
    await expect.poll(() => detail.innerText()).toContain('审结销号');
    await button(detail, '审结销号').click();
    const close = dialog(page, '审结销号');
    await button(close, '确认销号').click();
    await close.waitFor({ state: 'hidden' });
    await expect.poll(() => detail.innerText()).toContain('已销号');
    expect(await detail.getByRole('list', { name: '办理记录' }).innerText()).toContain('审结销号');

    light = await lightOf(page, project.id);
    await page.reload();
    await light.waitFor();
    await expect.poll(() => light.innerText()).toContain('绿灯');
    expect(await light.innerText()).not.toContain('WT-2026-0001');
    expect(errors).toEqual([]);
  });
});

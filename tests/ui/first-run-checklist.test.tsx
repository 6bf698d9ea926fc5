import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route, Switch } from 'wouter';
import { App } from '../../renderer/app/App';
import { DashboardPage } from '../../renderer/pages/dashboard/DashboardPage';
import { fieldText } from '../../renderer/pages/history/history-text';
import { sqliteContext, type TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

vi.setConfig({ testTimeout: 60_000 });

let app: TempApp | undefined;
// jsdom runs no CSS transitions, so antd's brief pointer-events:none while a popup opens never ends
const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });

afterEach(async () => {
  await app?.close();
  app = undefined;
  location.hash = '';
});

/** Calls the page has received its answer to, so a test can wait for what it asked before judging absence. */
function recordAnswers(api: TempApp): string[] {
  const answered: string[] = [];
  window.api = {
    invoke: async (method, input) => {
      const result = await api.call(method, input);
      answered.push(method);
      return result;
    },
  };
  return answered;
}

function renderDashboard() {
  return renderPage(
    <Switch>
      <Route path="/dashboard" component={DashboardPage} />
    </Switch>,
    { path: '/dashboard' },
  );
}

const checklist = (timeout = 10_000) => screen.findByRole('region', { name: '首次使用清单' }, { timeout });
const steps = (region: HTMLElement) => within(region).getAllByRole('listitem');
const textOf = (element: HTMLElement) => (element.textContent ?? '').replace(/\s+/g, '');

/** Once the page has its answers to app.status and the dashboard, the checklist is shown or never will be. */
async function expectNoChecklist(answered: string[]) {
  await screen.findByRole('region', { name: '开工一批' }, { timeout: 10_000 });
  await waitFor(() => expect(answered).toContain('app.status'));
  await act(async () => {});
  expect(screen.queryByRole('region', { name: '首次使用清单' })).toBeNull();
}

/** Sets a placeholder 链长 on every active chain but the ones named. */
async function setChainLeads(api: TempApp, except: string[] = []) {
  for (const chain of (await api.ok('reference.list', {})).chains) {
    if (chain.retired || except.includes(chain.name)) continue;
    const { id, code, name, industryGroup, leadUnitId } = chain;
    await api.ok('reference.saveChain', {
      id,
      code,
      name,
      industryGroup,
      leadUnitId,
      chainLead: `市领导（${name}链长）`,
    });
  }
}

describe('首次使用清单', () => {
  it('空白开始后，工作台列出三步：导入已有台账（推荐）、单位、链长，都未完成；“去导入台账”打开台账页的导入', async () => {
    app = await installRealApi({ operator: null });
    // the whole app, on its own hash location
    await renderPage(<App />);

    await user.type(await screen.findByRole('textbox', { name: '您的姓名' }), '刘晓');
    expect(screen.getByRole('radio', { name: '空白开始（正式使用）' })).toHaveProperty('checked', true);
    await user.click(screen.getByRole('button', { name: '开始使用' }));

    const region = await checklist(15_000);
    expect(textOf(region)).toContain('已完成0/3步');
    const [ledger, units, leads] = steps(region);
    expect(textOf(ledger)).toMatch(/^1导入已有台账推荐把办公室现在用的Excel项目台账/);
    expect(textOf(units)).toMatch(/^2添加单位添加牵头单位和责任单位/);
    expect(textOf(leads)).toContain(
      '3为每条产业链设置链长还有11条产业链没有链长：电力电工电气、电子信息、医疗器械及先进装备、绿色建材等',
    );
    expect(textOf(region)).not.toContain('已完成1');
    for (const step of [ledger, units, leads]) expect(within(step).queryByText('已完成')).toBeNull();

    await user.click(within(ledger).getByRole('link', { name: '去导入台账' }));
    expect(await screen.findByRole('heading', { name: '导入已有台账' })).toBeTruthy();
    expect(location.hash).toBe('#/ledger');
  });

  it('每一步做完就标“已完成”：有了单位、设好大部分链长、建了项目；全部完成后清单不再出现', async () => {
    app = await installRealApi();
    await app.ok('reference.saveUnit', { name: '市发展和改革局' });
    await setChainLeads(app, ['无人机', '医疗康养']);
    const first = await renderDashboard();

    const region = await checklist();
    const [ledger, units, leads] = steps(region);
    expect(textOf(region)).toContain('已完成1/3步');
    expect(within(ledger).queryByText('已完成')).toBeNull();
    expect(within(units).getByText('已完成')).toBeTruthy();
    expect(textOf(units)).toContain('已有1个单位。');
    expect(textOf(leads)).toContain('还有2条产业链没有链长：无人机、医疗康养。');
    expect(within(units).getByRole('link', { name: '去设置单位' }).getAttribute('href')).toBe('/settings/units');
    expect(within(leads).getByRole('link', { name: '去设置产业链' }).getAttribute('href')).toBe('/settings/chains');
    expect(within(ledger).getByRole('link', { name: '去导入台账' }).getAttribute('href')).toBe('/ledger');

    const { chains } = await app.ok('reference.list', {});
    await app.ok('projects.create', {
      name: '城东污水处理厂',
      stage: 'reserve',
      chainId: chains[0].id,
      owner: '某公司',
    });
    first.unmount();
    const answered = recordAnswers(app);
    const second = await renderDashboard();
    const again = await checklist();
    expect(textOf(again)).toContain('已完成2/3步');
    expect(textOf(steps(again)[0])).toContain('已完成项目库中已有1个项目。');

    await setChainLeads(app);
    second.unmount();
    answered.length = 0;
    await renderDashboard();
    await expectNoChecklist(answered);
  });

  it('“不再显示”后清单消失，记入变更记录；重新打开数据文件后也不再显示', async () => {
    app = await installRealApi({ operator: '刘晓' });
    const first = await renderDashboard();
    const region = await checklist();
    await user.click(within(region).getByRole('button', { name: '不再显示' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: '首次使用清单' })).toBeNull());

    const { entries } = await app.ok('audit.list', { kind: 'settings' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ operator: '刘晓', oldValue: '显示', newValue: '不再显示' });
    expect(fieldText(entries[0])).toBe('首次使用清单');

    first.unmount();
    await sqliteContext(app).reopen();
    const answered = recordAnswers(app);
    await renderDashboard();
    await expectNoChecklist(answered);
    // dismissing again changes nothing and records nothing
    await app.ok('app.dismissFirstRunChecklist', {});
    expect((await app.ok('audit.list', { kind: 'settings' })).total).toBe(1);
  });

  it('载入示例数据开始的办公室不显示清单', async () => {
    app = await installRealApi({ demo: true });
    const answered = recordAnswers(app);
    await renderDashboard();
    await expectNoChecklist(answered);
  });
});

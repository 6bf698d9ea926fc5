import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Route, Switch } from 'wouter';
import { yearOf } from '../../db/model/dates';
import { formatWan } from '../../db/model/money';
import { DashboardPage } from '../../renderer/pages/dashboard/DashboardPage';
import { LibraryPage } from '../../renderer/pages/library/LibraryPage';
import type { TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

let app: TempApp;
afterEach(async () => {
  await app?.close();
  sessionStorage.clear();
});

function renderDashboard() {
  return renderPage(
    <Switch>
      <Route path="/dashboard" component={DashboardPage} />
      <Route path="/projects" component={LibraryPage} />
    </Switch>,
    { path: '/dashboard' },
  );
}

/** A panel of the page by its name, once the summary has loaded. */
const panel = async (name: string) => screen.findByRole('region', { name }, { timeout: 10_000 });

/** Text with antd's and the layout's spaces removed, as a clerk reads it. */
const textOf = (element: HTMLElement) => (element.textContent ?? '').replace(/\s+/g, '');

const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;

describe('工作台', { timeout: 30_000 }, () => {
  it('四个一批的数字与项目库中的项目一致', async () => {
    app = await installRealApi({ demo: true });
    const rows = await app.ok('projects.list', {});
    const { planYear } = await app.ok('app.status', {});
    const listed = rows.filter((r) => r.stage === 'new_start');
    const started = listed.filter((r) => r.actualStartDate);
    const continuing = rows.filter((r) => r.stage === 'continuing').length;
    // list rows carry what the lists show; the 实际竣工日期 comes with the project itself
    const completed = await Promise.all(
      rows.filter((r) => r.stage === 'completed').map((r) => app.ok('projects.get', { id: r.id })),
    );
    const completedThisYear = completed.filter(
      (p) => p.actualCompletionDate && yearOf(p.actualCompletionDate) === planYear,
    ).length;
    const reserve = rows.filter((r) => r.stage === 'reserve').length;
    const preliminary = rows.filter((r) => r.stage === 'preliminary').length;
    expect(listed.length).toBeGreaterThan(started.length);
    expect(started.length).toBeGreaterThan(0);

    await renderDashboard();

    const startBatch = textOf(await panel('开工一批'));
    expect(startBatch).toContain(`${started.length}/${listed.length}个已开工/列入计划`);
    expect(startBatch).toContain(`开工率${percent(started.length, listed.length)}`);
    expect(textOf(await panel('推进一批'))).toContain(`续建${continuing}个`);
    expect(textOf(await panel('建成一批'))).toContain(`竣工${completedThisYear}个${planYear}年内实际竣工`);
    const reserveBatch = await panel('储备一批');
    expect(textOf(reserveBatch)).toContain(`${reserve + preliminary}个`);
    expect(
      within(reserveBatch)
        .getByRole('link', { name: `储备 ${reserve} 个` })
        .getAttribute('href'),
    ).toBe('/projects?stage=reserve');
    expect(within(reserveBatch).getByRole('link', { name: `前期 ${preliminary} 个` })).toBeTruthy();
  });

  it('本年投资显示计划、完成和完成率', async () => {
    app = await installRealApi({ demo: true });
    const rows = await app.ok('projects.list', {});
    const plan = rows.reduce((sum, r) => sum + r.annualPlanYuan, 0);
    const done = rows.reduce((sum, r) => sum + r.yearCompletedYuan, 0);

    await renderDashboard();

    const invest = textOf(await panel('本年投资'));
    expect(invest).toContain(`本年计划投资${formatWan(plan)}`);
    expect(invest).toContain(`本年累计完成${formatWan(done)}`);
    expect(invest).toContain(`完成率${percent(done, plan)}`);
    expect(invest).toMatch(/时序进度\d+\.\d%/);
  });

  it('红灯、黄灯个数与项目库的预警一致，点红灯进入只列红灯项目的项目库', async () => {
    app = await installRealApi({ demo: true });
    const rows = await app.ok('projects.list', {});
    const red = rows.filter((r) => r.light === 'red').length;
    const yellow = rows.filter((r) => r.light === 'yellow').length;
    expect(red).toBeGreaterThan(0);

    await renderDashboard();

    const lights = await panel('预警');
    const redLink = within(lights).getByRole('link', { name: /红灯/ });
    const yellowLink = within(lights).getByRole('link', { name: /黄灯/ });
    expect(textOf(redLink)).toBe(`红灯${red}个`);
    expect(textOf(yellowLink)).toBe(`黄灯${yellow}个`);
    expect(redLink.getAttribute('href')).toBe('/projects?light=red');
    expect(yellowLink.getAttribute('href')).toBe('/projects?light=yellow');

    await userEvent.click(redLink);
    const allTab = await screen.findByRole('tab', { name: /^全部/ }, { timeout: 10_000 });
    expect(allTab.textContent).toBe(`全部 ${red}`);
    expect(screen.getByRole('combobox', { name: '按预警筛选' }).closest('.ant-select')?.textContent).toContain('红灯');
  });

  it('计划日期已过而未完成的节点列为逾期，本周内到期的列入本周到期，已完成的不列', async () => {
    // a clean library, so these are the only nodes
    app = await installRealApi({ demo: false });
    const { chains } = await app.ok('reference.list', {});
    const { units } = await app.ok('reference.saveUnit', { name: '市生态环境局' });
    const project = await app.ok('projects.create', {
      name: '湘乡市智能电表生产线项目',
      owner: '湘乡市某某电气有限公司',
      chainId: chains[0].id,
      chainLeadOverride: '市领导（测试链长）',
      stage: 'preliminary',
    });
    // today is 2026-11-28, a Saturday: this ISO week ends tomorrow
    await app.ok('milestones.save', {
      projectId: project.id,
      nodes: [
        { name: '环评批复', plannedDate: '2026-11-16', actualDate: null, unitId: units[0].id, note: '' },
        { name: '施工许可', plannedDate: '2026-11-29', actualDate: null, unitId: null, note: '' },
        { name: '用地预审与选址意见', plannedDate: '2026-11-02', actualDate: '2026-11-01', unitId: null, note: '' },
      ],
    });

    await renderDashboard();

    const overdue = await panel('逾期节点');
    const [overdueRow, ...others] = within(overdue).getAllByRole('row').slice(1);
    expect(others).toHaveLength(0);
    const cells = within(overdueRow)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual(['2026-11-16', project.name, '环评批复', units[0].name, '市领导（测试链长）', '逾期12天']);
    expect(within(overdueRow).getByRole('link', { name: project.name }).getAttribute('href')).toBe(
      `/projects/${project.id}`,
    );
    expect(within(overdue).queryByText('用地预审与选址意见')).toBeNull();

    const dueThisWeek = await panel('本周到期节点');
    expect(within(dueThisWeek).getByText('施工许可')).toBeTruthy();
    expect(within(dueThisWeek).getByText('明天到期')).toBeTruthy();
    expect(within(dueThisWeek).queryByText('环评批复')).toBeNull();
  });

  it('逾期节点成千上万时：标题是总数，展开列出最早的一百个，并说明其余在链长视图', async () => {
    app = await installRealApi({ demo: false });
    const { chains } = await app.ok('reference.list', {});
    // 105 nodes, one a day from 2026-01-01, all before today (2026-11-28), over two projects (100 at most each)
    const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
    for (const [name, from, count] of [
      ['湘乡市节点很多的项目甲', 0, 60],
      ['湘乡市节点很多的项目乙', 60, 45],
    ] as const) {
      const project = await app.ok('projects.create', {
        name,
        owner: '湘乡市某某有限公司',
        chainId: chains[0].id,
        stage: 'preliminary',
      });
      await app.ok('milestones.save', {
        projectId: project.id,
        nodes: Array.from({ length: count }, (_, i) => ({
          name: `第${from + i + 1}个节点`,
          plannedDate: day(from + i),
          actualDate: null,
          unitId: null,
          note: '',
        })),
      });
    }

    await renderDashboard();

    const overdue = await panel('逾期节点');
    expect(within(overdue).getByRole('heading').textContent).toContain('逾期节点105');
    expect(within(overdue).getAllByRole('row').slice(1)).toHaveLength(10);
    await userEvent.click(within(overdue).getByRole('button', { name: '展开至最早的 100 个' }));
    const rows = within(overdue).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(100);
    expect(rows[0].textContent).toContain('第1个节点');
    expect(rows[99].textContent).toContain('第100个节点');
    expect(within(overdue).queryByText('第101个节点')).toBeNull();
    expect(within(overdue).getByText(/另有 5 个未列出/)).toBeTruthy();
    expect(within(overdue).getByRole('link', { name: '链长视图' }).getAttribute('href')).toBe('/chain-leads');
  });

  it('没有节点时说明没有逾期节点', async () => {
    app = await installRealApi({ demo: false });
    await renderDashboard();
    expect(within(await panel('逾期节点')).getByText('没有逾期节点。')).toBeTruthy();
    expect(within(await panel('本周到期节点')).getByText('本周没有到期的节点。')).toBeTruthy();
  });
});

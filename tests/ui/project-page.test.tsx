import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { TempApp } from '../helpers/temp-app';
import { buttonName, renderProjectRoutes, seedProject } from './project-harness';
import { installRealApi } from './real-api';

let app: TempApp;
afterEach(() => app?.close());

function panel(title: string): HTMLElement {
  return screen.getByRole('heading', { name: new RegExp(`^${title}`) }).closest('section') as HTMLElement;
}

/** The figure under a heading of the one-row money table. */
function figureUnder(label: string): HTMLElement {
  const th = screen.getAllByRole('columnheader').find((h) => h.firstChild?.textContent === label)!;
  const column = Array.from(th.parentElement!.children).indexOf(th);
  const row = th.closest('table')!.querySelector('tbody tr')!;
  return row.children[column] as HTMLElement;
}

function cellAfterLabel(label: string): HTMLElement {
  const th = screen.getByText(label, { selector: 'th, th *' }).closest('th') as HTMLElement;
  return th.nextElementSibling as HTMLElement;
}

describe('项目页', { timeout: 30_000 }, () => {
  it('显示项目的各栏、万元金额、本项目指定的链长和派生指标', async () => {
    app = await installRealApi({ demo: false });
    const { units } = await app.ok('reference.saveUnit', { name: '市工业和信息化局' });
    const project = await seedProject(app, {
      code: 'DQ-2026-007',
      name: '湘乡市变压器扩能项目',
      stage: 'continuing',
      actualStartDate: '2025-06-18',
      chainLeadOverride: '李四',
      leadUnitId: units[0].id,
      responsibleUnitIds: [units[0].id],
      totalInvestmentYuan: 123_456_700,
      annualPlanYuan: 30_000_000,
    });
    await app.ok('projects.setMonthlyInvestment', {
      projectId: project.id,
      year: 2026,
      month: 1,
      amountYuan: 2_500_000,
    });
    await app.ok('projects.setMonthlyInvestment', {
      projectId: project.id,
      year: 2026,
      month: 3,
      amountYuan: 4_000_000,
    });
    // 时序进度 is the office's: months 1—3 closed
    for (const month of [1, 2, 3]) await app.ok('investment.closeMonth', { year: 2026, month });
    await renderProjectRoutes(app, `/projects/${project.id}`);

    expect(await screen.findByRole('heading', { name: '湘乡市变压器扩能项目' })).toBeTruthy();
    expect(screen.getByText('DQ-2026-007', { selector: '.project-code' })).toBeTruthy();
    expect(cellAfterLabel('链长').textContent).toBe('李四（本项目指定）');
    expect(cellAfterLabel('牵头单位').textContent).toBe('市工业和信息化局');
    const total = figureUnder('总投资');
    expect(total.textContent).toBe('12,345.67');
    expect(total.className).toMatch(/\bnum\b/);
    expect(figureUnder('本年累计完成投资').textContent).toBe('650.00');
    expect(figureUnder('年度投资完成率').textContent).toBe('21.7%');
    expect(figureUnder('时序进度').textContent).toBe('25.0%');
    expect(screen.getByText('1—3月')).toBeTruthy();
    expect(screen.getByText('1—3月已关账')).toBeTruthy();

    const monthly = within(panel('月度完成投资（2026年，万元）'));
    const cells = monthly.getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['250.00', '', '400.00', '', '', '', '', '', '', '', '', '', '650.00']);
  });

  it('变更记录列出新建和每个改动栏目的原值与新值', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { progressText: '完成土地平整' });
    await app.ok('projects.update', { id: project.id, progressText: '主体结构封顶' });
    await renderProjectRoutes(app, `/projects/${project.id}`);

    const history = await screen.findByRole('heading', { name: /^变更记录/ });
    const rows = within(history.closest('section') as HTMLElement)
      .getAllByRole('row')
      .slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toMatch(/测试填报人形象进度完成土地平整\s*→\s*主体结构封顶/);
    expect(rows[0].textContent).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(rows[1].textContent).toMatch(/新建项目/);

    const stages = within(panel('阶段变更记录')).getAllByRole('listitem');
    expect(stages.map((r) => r.textContent)).toEqual(['2026-11-28新建 → 前期测试填报人新建项目']);
  });

  it('点“编辑”进入编辑页', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app);
    const location = await renderProjectRoutes(app, `/projects/${project.id}`);
    await userEvent.click(await screen.findByRole('button', { name: buttonName('编辑') }));
    expect(location.history.at(-1)).toBe(`/projects/${project.id}/edit`);
    expect(await screen.findByText('阶段变更请在项目页办理')).toBeTruthy();
  });

  it('月度完成投资注明在“周调度 → 月度投资”中按月填报，点链接即转到该页', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app);
    const location = await renderProjectRoutes(app, `/projects/${project.id}`);
    const monthly = await screen.findByRole('heading', { name: /^月度完成投资/ });
    expect(monthly.textContent).toContain('此处只供查看；按月填报在周调度 → 月度投资');
    expect(monthly.textContent).not.toContain('将随周调度功能提供');
    await userEvent.click(within(monthly).getByRole('link', { name: '周调度 → 月度投资' }));
    expect(location.history.at(-1)).toBe('/dispatch/investment');
  });

  it('找不到的项目显示“找不到该项目”和返回项目库的链接', async () => {
    app = await installRealApi({ demo: false });
    await renderProjectRoutes(app, '/projects/999');
    expect(await screen.findByText('找不到该项目')).toBeTruthy();
    expect(screen.getByRole('link', { name: '返回项目库' }).getAttribute('href')).toBe('/projects');
  });
});

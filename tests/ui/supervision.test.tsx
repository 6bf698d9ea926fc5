import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SupervisionTab } from '../../renderer/pages/problems/SupervisionTab';
import type { TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

// Today is 2026-11-28 (installRealApi's default).
let app: TempApp;
let unitId: number;
let chainId: number;

beforeEach(async () => {
  app = await installRealApi({ demo: false });
  chainId = (await app.ok('reference.list', {})).chains[0].id;
  unitId = (await app.ok('reference.saveUnit', { name: '市自然资源局' })).units[0].id;
});
afterEach(() => app?.close());

async function project(name: string) {
  return app.ok('projects.create', {
    name,
    stage: 'continuing',
    actualStartDate: '2025-05-01',
    inStatistics: true,
    chainId,
    owner: '某公司',
  });
}

/** A problem handed to 市自然资源局 with the given deadline. */
async function assignedProblem(projectId: number, description: string, deadline: string) {
  const raised = await app.ok('problems.create', {
    projectId,
    description,
    category: 'land',
    source: '第45周调度会',
    raisedOn: '2026-11-02',
  });
  return app.ok('problems.act', {
    id: raised.id,
    action: 'assign',
    date: '2026-11-03',
    responsibleUnitIds: [unitId],
    deadline,
  });
}

const renderTab = () => renderPage(<SupervisionTab />, { path: '/problems/supervision' });

const text = (element: Element) => element.textContent ?? '';
const block = (name: string) => screen.findByRole('article', { name }, { timeout: 10_000 });

describe('督办页签', { timeout: 30_000 }, () => {
  it('问题超期未办结使项目亮红灯，督办列出该项目和这个问题及超期天数', async () => {
    const late = await project('红仑工业园人才公寓项目');
    const onTime = await project('软磁材料生产线改造项目');
    const overdue = await assignedProblem(late.id, '用地报批进度较慢，影响土地摘牌', '2026-11-10');
    await assignedProblem(onTime.id, '施工用电尚未接通', '2026-12-20');
    // only the overdue problem makes a project red
    const red = (await app.ok('supervision.overview', {})).map((item) => item.name);
    expect(red).toContain('红仑工业园人才公寓项目');

    await renderTab();
    const item = await block('红仑工业园人才公寓项目');
    expect(within(item).getByRole('link', { name: '红仑工业园人才公寓项目' }).getAttribute('href')).toBe(
      `/projects/${late.id}`,
    );
    // the overdue problem is the project's one and only reason for red
    const reasons = within(within(item).getByRole('list', { name: '红灯原因' })).getAllByRole('listitem');
    expect(reasons.map(text)).toEqual([`问题${overdue.code}超期18天未办结`]);
    const problems = within(item).getByRole('region', { name: '未销号问题' });
    const row = within(problems).getByText(overdue.code).closest('tr')!;
    expect(text(row)).toContain('用地报批进度较慢，影响土地摘牌');
    expect(text(row)).toContain('市自然资源局');
    expect(text(row)).toContain('2026-11-10');
    expect(text(row)).toContain('超期18天');
    expect(text(within(item).getByRole('region', { name: '逾期节点' }))).toContain('没有逾期的节点');

    expect(screen.queryByRole('article', { name: '软磁材料生产线改造项目' })).toBeNull();
    expect(text(screen.getByText(/红灯项目/))).toContain(`红灯项目 ${red.length} 个`);
  });

  it('逾期节点与问题并列显示；问题销号后项目不再列入督办', async () => {
    const late = await project('绿色铸造产业园项目');
    const problem = await assignedProblem(late.id, '项目资金未完全到位', '2026-11-20');
    await app.ok('milestones.save', {
      projectId: late.id,
      nodes: [
        {
          name: '主体施工',
          stage: 'continuing',
          plannedDate: '2026-11-13',
          actualDate: null,
          unitId,
          note: '',
        },
      ],
    });

    await renderTab();
    const item = await block('绿色铸造产业园项目');
    expect(text(within(item).getByRole('region', { name: '未销号问题' }))).toContain('超期8天');
    const nodes = within(item).getByRole('region', { name: '逾期节点' });
    const node = within(nodes).getByText('主体施工').closest('tr')!;
    expect(text(node)).toContain('2026-11-13');
    expect(text(node)).toContain('逾期15天');
    expect(text(node)).toContain('市自然资源局');

    // the problem struck off: the late node alone still keeps the project red
    await app.ok('problems.act', { id: problem.id, action: 'requestClose', text: '资金已到位' });
    await app.ok('problems.act', { id: problem.id, action: 'close' });
    await userEvent.click(screen.getByRole('button', { name: /刷新/ }));
    const after = await block('绿色铸造产业园项目');
    await within(after).findByText('没有未销号的问题');
    expect(text(after)).not.toContain(problem.code);

    await app.ok('milestones.save', {
      projectId: late.id,
      nodes: [
        {
          name: '主体施工',
          stage: 'continuing',
          plannedDate: '2026-11-13',
          actualDate: '2026-11-20',
          unitId,
          note: '',
        },
      ],
    });
    await userEvent.click(screen.getByRole('button', { name: /刷新/ }));
    await screen.findByText('目前没有红灯项目');
  });
});

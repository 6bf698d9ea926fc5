import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Route } from 'wouter';
import { UnitDeskPage } from '../../renderer/pages/unit-desk/UnitDeskPage';
import type { TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

// 责任单位填报 as the office opens it on a single PC (/unit?unit=…): today is Wednesday 2026-12-09, week 50.
let app: TempApp;
afterEach(async () => app?.close());

async function office() {
  app = await installRealApi({ today: '2026-12-09' });
  const unit = async (name: string) =>
    (await app.ok('reference.saveUnit', { name })).units.find((u) => u.name === name)!.id;
  const ours = await unit('市发改局');
  const theirs = await unit('城东街道');
  const { chains } = await app.ok('reference.list', {});
  const project = (name: string, leadUnitId: number) =>
    app.ok('projects.create', {
      name,
      stage: 'continuing',
      actualStartDate: '2025-05-01',
      inStatistics: true,
      chainId: chains[0].id,
      owner: '某公司',
      leadUnitId,
      totalInvestmentYuan: 500_000_000,
      annualPlanYuan: 120_000_000,
    });
  const sports = await project('体育中心', ours);
  const sewage = await project('污水厂', ours);
  await project('老街改造', theirs);
  await app.ok('dispatch.saveEntry', { projectId: sports.id, week: '2026-W49', progress: '主体施工至六层' });
  await app.ok('dispatch.saveEntry', { projectId: sewage.id, week: '2026-W49', progress: '设备安装' });
  const problem = await app.ok('problems.create', {
    projectId: sewage.id,
    description: '施工用电未接通',
    category: 'utilities',
  });
  await app.ok('problems.act', {
    id: problem.id,
    action: 'assign',
    deadline: '2026-12-18',
    responsibleUnitIds: [ours],
  });
  await renderPage(
    <Route path="/unit">
      <UnitDeskPage />
    </Route>,
    { app, path: `/unit?unit=${ours}` },
  );
  await screen.findByText('体育中心');
  return { ours, sports, sewage, problem };
}

const rowOf = (name: string) => screen.getByText(name).closest('tr')!;
const weekRow = async (projectId: number) =>
  (await app.ok('dispatch.week', { week: '2026-W50' })).rows.find((r) => r.projectId === projectId)!;

describe('责任单位填报页', () => {
  it('列出本单位的项目和上周进展，不列他单位的；页头写明本周、截止日和未报送数', async () => {
    await office();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('责任单位填报市发改局');
    expect(screen.getByText('污水厂')).toBeTruthy();
    expect(screen.queryByText('老街改造')).toBeNull();
    expect(within(rowOf('体育中心')).getByText('主体施工至六层')).toBeTruthy();
    const summary = screen.getByLabelText('填报情况').textContent;
    expect(summary).toContain('本周 2026年第50周，截止 12月11日 周五');
    expect(summary).toContain('已报送 0 / 未报送 2');
    expect(summary).toContain('2026年12月完成投资，截止 12月31日 周四');
  });

  it('填写本周进展后离开即保存，显示已保存；本月完成和形象进度同样', async () => {
    const { sports } = await office();
    const user = userEvent.setup();
    const box = within(rowOf('体育中心')).getByLabelText('体育中心 本周进展');
    await user.click(box);
    await user.type(box, '主体施工至八层');
    await user.tab();
    await within(rowOf('体育中心')).findByText(/^已保存 .*\d\d:\d\d$/);
    expect(await weekRow(sports.id)).toMatchObject({ progress: '主体施工至八层', confirmed: true });
    await waitFor(() => expect(screen.getByLabelText('填报情况').textContent).toContain('已报送 1 / 未报送 1'));

    // Tab went on to the month's box: type 万元, leave, and the figure is in (integer yuan)
    const money = within(rowOf('体育中心')).getByLabelText('体育中心 12月完成投资（万元）');
    expect(document.activeElement).toBe(money);
    await user.type(money, '850.5');
    await user.tab();
    await waitFor(async () => {
      const grid = await app.ok('investment.grid', {});
      expect(grid.find((r) => r.projectId === sports.id)!.months[11]).toBe(8_505_000);
    });
    const progress = within(rowOf('体育中心')).getByLabelText('体育中心 形象进度');
    expect(document.activeElement).toBe(progress);
    await user.type(progress, '主体八层{Control>}{Enter}{/Control}');
    await waitFor(async () => expect((await app.ok('projects.get', { id: sports.id })).progressText).toBe('主体八层'));
  });

  it('沿用上周即确认上周的进展；被拒时原文留在框里并显示原因', async () => {
    const { sewage, sports } = await office();
    fireEvent.click(within(rowOf('污水厂')).getByRole('button', { name: '沿用上周' }));
    await waitFor(async () =>
      expect(await weekRow(sewage.id)).toMatchObject({ progress: '设备安装', confirmed: true }),
    );
    await waitFor(() => expect(within(rowOf('污水厂')).queryByRole('button', { name: '沿用上周' })).toBeNull());

    // the project was completed meanwhile: the save is refused, and what was typed stays
    await app.ok('projects.changeStage', { id: sports.id, toStage: 'completed', actualCompletionDate: '2026-12-08' });
    const box = within(rowOf('体育中心')).getByLabelText('体育中心 本周进展');
    fireEvent.change(box, { target: { value: '竣工验收' } });
    fireEvent.blur(box);
    expect((await within(rowOf('体育中心')).findByRole('alert')).textContent).toBe('已竣工项目不再参加周调度');
    expect((box as HTMLTextAreaElement).value).toBe('竣工验收');
  });

  it('问题反馈：写下办理情况并提交，问题里多了这条反馈', async () => {
    const { problem } = await office();
    const card = screen.getByText('施工用电未接通').closest('li')!;
    fireEvent.change(within(card).getByLabelText(`${problem.code} 反馈`), { target: { value: '已联系供电公司' } });
    fireEvent.click(within(card).getByRole('button', { name: '提交' }));
    await waitFor(async () =>
      expect((await app.ok('problems.get', { id: problem.id })).notes.at(-1)).toMatchObject({
        kind: 'feedback',
        text: '已联系供电公司',
      }),
    );
    await within(card).findByText('已联系供电公司');
    expect((within(card).getByLabelText(`${problem.code} 反馈`) as HTMLTextAreaElement).value).toBe('');
  });
});

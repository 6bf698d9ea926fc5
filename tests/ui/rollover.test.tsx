import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatWan } from '../../db/model/money';
import { RolloverPage } from '../../renderer/pages/rollover/RolloverPage';
import type { TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

// antd pages are heavy in jsdom, the demo library has 120 projects, and this machine is shared
vi.setConfig({ testTimeout: 90_000 });

let app: TempApp | undefined;
// jsdom runs no CSS transitions, so antd's brief pointer-events:none while a popup opens never ends
const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function renderRollover(target: TempApp) {
  const { refreshStatus } = await renderPage(<RolloverPage />, { app: target, path: '/rollover' });
  return { refreshStatus };
}

/** The moves table's row for a project, found by its tick box. */
function moveRow(name: string): HTMLElement {
  const row = screen.getByRole('checkbox', { name: `结转：${name}` }).closest('tr');
  if (!row) throw new Error(`没有“${name}”这一行`);
  return row;
}

function moneyTotalsRow(): string[] {
  const money = screen.getByRole('region', { name: '投资结转' });
  const cells = money.querySelectorAll('tfoot td');
  return [...cells].map((td) => td.textContent ?? '');
}

/** The confirm dialog's own button (the page has a button of the same name behind it). */
async function confirmInDialog(label: string) {
  const dialog = await waitFor(() => {
    const found = document.querySelector<HTMLElement>('.ant-modal-confirm');
    if (!found) throw new Error('确认框未出现');
    return found;
  });
  await user.click(within(dialog).getByRole('button', { name: label }));
}

describe('年度结转', () => {
  it('预览列出已开工的新开工项目转续建；取消勾选的项目结转后阶段不变；投资合计前后相等；可撤销', async () => {
    app = await installRealApi({ demo: true });
    const library = await app.ok('projects.list', {});
    const started = library.filter((p) => p.stage === 'new_start' && p.actualStartDate);
    expect(started.length).toBeGreaterThan(2);
    const [kept, moved] = started;
    const { refreshStatus } = await renderRollover(app);

    // step 1: what will happen, with the counts
    expect(await screen.findByText(/将计划年度从/)).toBeTruthy();
    expect(screen.getByText('2026年已开工（已填实际开工日期）的新开工项目').closest('tr')?.textContent).toContain(
      `${started.length}个`,
    );
    await user.click(screen.getByRole('button', { name: '下一步：预览变更' }));

    // step 2: every started 新开工 project is proposed as → 续建, ticked
    for (const project of started) {
      const row = moveRow(project.name);
      expect(row.textContent).toContain('新开工→续建');
      expect(within(row).getByRole('checkbox')).toHaveProperty('checked', true);
    }
    await user.click(screen.getByRole('checkbox', { name: `结转：${kept.name}` }));
    expect(within(moveRow(kept.name)).getByRole('checkbox')).toHaveProperty('checked', false);

    // money: 截至上年底累计 + 本年完成 before = 截至上年底累计 after, to the fen
    const proposal = await app.ok('rollover.preview', {});
    const before = proposal.money.reduce((s, m) => s + m.investedBeforeYearYuan, 0);
    const year = proposal.money.reduce((s, m) => s + m.yearCompletedYuan, 0);
    const [label, beforeText, yearText, afterText] = moneyTotalsRow();
    expect(label).toBe(`合计 ${proposal.money.length} 个项目`);
    expect(beforeText).toBe(formatWan(before));
    expect(yearText).toBe(formatWan(year));
    expect(afterText).toBe(formatWan(before + year));
    const balance = screen.getByRole('status');
    expect(balance.textContent).toContain(`结转前合计 ${formatWan(before + year)} 万元`);
    expect(balance.textContent).toContain(`结转后合计 ${formatWan(before + year)} 万元`);
    expect(balance.textContent).toContain('两者相等');

    // every unstarted 新开工 is decided before going on; here all go back to 前期
    await user.click(screen.getByRole('button', { name: '全部退回前期' }));

    // step 3: one sentence, asked once more
    await user.click(screen.getByRole('button', { name: '下一步：确认' }));
    const movedCount = proposal.moves.filter((m) => m.selected).length - 1 + proposal.unstarted.length;
    expect(
      screen.getByText(
        `将变更${movedCount}个项目的阶段，结转${proposal.money.length}个项目的投资数字，计划年度改为2027年。执行前自动备份。`,
      ),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '执行结转' }));
    await confirmInDialog('执行结转');

    // step 4: done, with the backup and the counts
    expect(await screen.findByText('已结转到2027年度', {}, { timeout: 20_000 })).toBeTruthy();
    expect(screen.getByText(new RegExp(`变更了 ${movedCount} 个项目的阶段`))).toBeTruthy();
    expect(screen.getByText(/年度结转前-2026.*\.zdbak$/)).toBeTruthy();
    expect(refreshStatus).toHaveBeenCalled();
    expect((await app.ok('settings.get', {})).planYear).toBe(2027);
    expect((await app.ok('projects.get', { id: kept.id })).stage).toBe('new_start');
    expect((await app.ok('projects.get', { id: moved.id })).stage).toBe('continuing');

    // undo: everything as it was before the rollover
    refreshStatus.mockClear();
    await user.click(screen.getByRole('button', { name: '撤销本次结转' }));
    await confirmInDialog('撤销结转');
    expect(await screen.findByText('已撤销本次结转', {}, { timeout: 20_000 })).toBeTruthy();
    expect(refreshStatus).toHaveBeenCalled();
    expect((await app.ok('settings.get', {})).planYear).toBe(2026);
    expect((await app.ok('projects.get', { id: moved.id })).stage).toBe('new_start');
  });

  it('计划开工在本年仍未开工的新开工项目须逐个处理：未处理完不能下一步；改定日期的留在新开工', async () => {
    app = await installRealApi({ demo: true });
    const proposal = await app.ok('rollover.preview', {});
    expect(proposal.unstarted.length).toBeGreaterThan(1);
    const [replanned, ...rest] = proposal.unstarted;
    await renderRollover(app);
    await user.click(await screen.findByRole('button', { name: '下一步：预览变更' }));

    const panel = screen.getByRole('region', { name: '未开工的新开工项目' });
    expect(panel.textContent).toContain(`已处理 0 / 共 ${proposal.unstarted.length} 个，须逐个处理`);
    expect(screen.getByRole('button', { name: '下一步：确认' })).toHaveProperty('disabled', true);
    expect(
      screen.getByText(
        `还有${proposal.unstarted.length}个未开工的新开工项目未处理：请逐个选择退回前期或改定计划开工日期`,
      ),
    ).toBeTruthy();

    const choice = screen.getByRole('radiogroup', { name: `处理：${replanned.name}` });
    await user.click(within(choice).getByRole('radio', { name: '改定计划开工日期' }));
    const date = screen.getByLabelText(`新的计划开工日期：${replanned.name}`);
    await user.click(date);
    await user.type(date, '2027-04-15{Enter}');
    for (const u of rest) {
      await user.click(
        within(screen.getByRole('radiogroup', { name: `处理：${u.name}` })).getByRole('radio', { name: '退回前期' }),
      );
    }
    expect(panel.textContent).toContain(`已处理 ${proposal.unstarted.length} / 共 ${proposal.unstarted.length} 个`);
    await user.click(screen.getByRole('button', { name: '下一步：确认' }));
    const moved = proposal.moves.filter((m) => m.selected).length + rest.length;
    expect(screen.getByText(new RegExp(`^将变更${moved}个项目的阶段，改定1个项目的计划开工日期，结转`))).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '执行结转' }));
    await confirmInDialog('执行结转');
    expect(await screen.findByText('已结转到2027年度', {}, { timeout: 20_000 })).toBeTruthy();
    expect(await app.ok('projects.get', { id: replanned.projectId })).toMatchObject({
      stage: 'new_start',
      plannedStartDate: '2027-04-15',
    });
    expect((await app.ok('projects.get', { id: rest[0].projectId })).stage).toBe('preliminary');
  });

  it('计划年度已被改动时，结转被拒绝并提示重新预览，数据不变', async () => {
    app = await installRealApi({ demo: true });
    await renderRollover(app);
    await user.click(await screen.findByRole('button', { name: '下一步：预览变更' }));
    await user.click(screen.getByRole('button', { name: '全部退回前期' }));
    await user.click(screen.getByRole('button', { name: '下一步：确认' }));
    // someone else moves the plan year meanwhile
    await app.ok('settings.update', { planYear: 2027 });
    await user.click(screen.getByRole('button', { name: '执行结转' }));
    await confirmInDialog('执行结转');

    expect(await screen.findByText('结转未完成')).toBeTruthy();
    expect(screen.getByText('计划年度已是2027年，请重新预览后再结转')).toBeTruthy();
    expect(screen.getByRole('button', { name: '重新预览' })).toBeTruthy();
    expect((await app.ok('settings.get', {})).planYear).toBe(2027);
  });
});

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Route, Switch } from 'wouter';
import { BoardPage } from '../../renderer/pages/board/BoardPage';
import type { TempApp } from '../helpers/temp-app';
import { buttonName, formItemOf, seedProject } from './project-harness';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

let app: TempApp;
afterEach(async () => {
  await app?.close();
  sessionStorage.clear();
});

/** The board as App.tsx routes it. */
async function renderBoard() {
  const { location } = await renderPage(
    <Switch>
      <Route path="/board" component={BoardPage} />
      <Route path="/projects/:id">{(params) => <div>项目页 {params.id}</div>}</Route>
    </Switch>,
    { app, path: '/board' },
  );
  await screen.findByRole('heading', { name: /阶段看板/ });
  return location;
}

const column = (stage: string) => screen.getByRole('region', { name: stage });
const columnHead = (stage: string) => column(stage).querySelector('header')?.textContent ?? '';
const cardsIn = (stage: string) =>
  within(column(stage))
    .queryAllByRole('article')
    .map((c) => c.getAttribute('aria-label'));
const card = (name: string) => screen.getByRole('article', { name });

/** What jsdom lacks: a DataTransfer to write the dragged project into. */
const dataTransfer = () => ({ setData: () => {}, getData: () => '', effectAllowed: 'all', dropEffect: 'none' });
function dragAndDrop(name: string, stage: string) {
  fireEvent.dragStart(card(name), { dataTransfer: dataTransfer() });
  fireEvent.dragEnter(column(stage), { dataTransfer: dataTransfer() });
  fireEvent.dragOver(column(stage), { dataTransfer: dataTransfer() });
  fireEvent.drop(column(stage), { dataTransfer: dataTransfer() });
  fireEvent.dragEnd(card(name), { dataTransfer: dataTransfer() });
}

describe('阶段看板', { timeout: 30_000 }, () => {
  it('每列表头显示该阶段的项目个数和总投资（万元，两位小数），竣工列默认收起只显示合计', async () => {
    app = await installRealApi({ demo: false });
    await seedProject(app, { name: '储备项目甲', stage: 'reserve', totalInvestmentYuan: 1_005_000 });
    await seedProject(app, { name: '储备项目乙', stage: 'reserve', totalInvestmentYuan: 2_000_000 });
    await seedProject(app, { name: '前期项目', stage: 'preliminary', totalInvestmentYuan: 12_345_600 });
    await seedProject(app, {
      name: '竣工项目',
      stage: 'completed',
      actualStartDate: '2025-03-01',
      actualCompletionDate: '2026-09-30',
      totalInvestmentYuan: 88_000_000,
    });
    await renderBoard();

    expect(columnHead('储备')).toMatch(/储备\s*2个/);
    expect(columnHead('储备')).toContain('总投资300.50万元');
    expect(columnHead('前期')).toMatch(/前期\s*1个/);
    expect(columnHead('前期')).toContain('总投资1,234.56万元');
    expect(columnHead('新开工')).toMatch(/新开工\s*0个/);
    expect(columnHead('新开工')).toContain('总投资0.00万元');
    expect(within(column('新开工')).getByText('无项目')).toBeTruthy();
    expect(cardsIn('储备')).toEqual(['储备项目甲', '储备项目乙']);

    expect(columnHead('竣工')).toMatch(/竣工\s*1个/);
    expect(columnHead('竣工')).toContain('总投资（万元）8,800.00');
    expect(cardsIn('竣工')).toEqual([]);
    await userEvent.click(within(column('竣工')).getByRole('button', { name: '展开' }));
    expect(cardsIn('竣工')).toEqual(['竣工项目']);
    expect(columnHead('竣工')).toContain('总投资8,800.00万元');

    const reserve = within(card('储备项目甲'));
    expect(reserve.getByText('100.50')).toBeTruthy();
    expect(screen.getByText(/共 4 个项目/)).toBeTruthy();
  });

  it('卡片显示红黄绿灯圆点和第一条原因，全部原因在提示中，红灯排在最前', async () => {
    app = await installRealApi({ demo: false });
    await seedProject(app, { name: '按期项目', stage: 'new_start', plannedStartDate: '2026-12-20' });
    const late = await seedProject(app, { name: '逾期未开工项目', stage: 'new_start', plannedStartDate: '2026-06-01' });
    await app.ok('milestones.save', {
      projectId: late.id,
      nodes: [
        { name: '施工许可', stage: 'new_start', plannedDate: '2026-11-01', actualDate: null, unitId: null, note: '' },
      ],
    });
    await seedProject(app, { name: '稍晚项目', stage: 'new_start', plannedStartDate: '2026-11-10' });
    await renderBoard();

    expect(cardsIn('新开工')).toEqual(['逾期未开工项目', '稍晚项目', '按期项目']);
    const red = within(card('逾期未开工项目'));
    expect(red.getByRole('img', { name: '红灯' })).toBeTruthy();
    expect(red.getByText('计划开工日期已过180天仍未开工')).toBeTruthy();
    expect(red.getByText('等2项')).toBeTruthy();
    expect(within(card('稍晚项目')).getByRole('img', { name: '黄灯' })).toBeTruthy();
    expect(within(card('稍晚项目')).getByText('计划开工日期已过18天仍未开工')).toBeTruthy();
    expect(within(card('按期项目')).getByRole('img', { name: '绿灯' })).toBeTruthy();
    expect(within(card('按期项目')).queryByText(/天/)).toBeNull();
    expect(columnHead('新开工')).toMatch(/红1\s*黄1/);

    await userEvent.hover(red.getByText('计划开工日期已过180天仍未开工'));
    const tip = await screen.findByRole('tooltip');
    await waitFor(() =>
      expect(
        within(tip)
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual(['计划开工日期已过180天仍未开工', '施工许可 逾期27天']),
    );
  });

  it('隔一列拖放被拒绝，提示“阶段只能逐级变更”，不打开对话框，项目不变', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { name: '储备项目', stage: 'reserve' });
    await renderBoard();

    dragAndDrop('储备项目', '新开工');

    expect(await screen.findByText('阶段只能逐级变更：储备不能直接变更为新开工')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(cardsIn('储备')).toEqual(['储备项目']);
    expect((await app.ok('projects.get', { id: project.id })).stage).toBe('reserve');
  });

  it('拖到相邻一列打开变更阶段对话框，目标阶段已选好；确定后卡片出现在新的一列', async () => {
    app = await installRealApi({ demo: false });
    await seedProject(app, { name: '前期项目', stage: 'preliminary' });
    await renderBoard();

    dragAndDrop('前期项目', '新开工');
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByRole('radio', { name: '推进到 新开工' })).toHaveProperty('checked', true);
    expect(dialog.getByText('前期项目')).toBeTruthy();

    await userEvent.type(dialog.getByLabelText('计划开工日期'), '2026-12-15{Enter}');
    await waitFor(() => expect(within(formItemOf('计划开工日期')).queryByRole('alert')).toBeNull());
    await userEvent.click(screen.getByRole('button', { name: buttonName('确定变更') }));

    expect(await screen.findByText('阶段已变更为新开工')).toBeTruthy();
    await waitFor(() => expect(cardsIn('新开工')).toEqual(['前期项目']));
    expect(cardsIn('前期')).toEqual([]);
    expect(columnHead('新开工')).toMatch(/新开工\s*1个/);
  });

  it('卡片上的“推进/退回”菜单打开对话框，预选所点的目标阶段', async () => {
    app = await installRealApi({ demo: false });
    await seedProject(app, { name: '新开工项目', stage: 'new_start', plannedStartDate: '2026-12-01' });
    await renderBoard();

    await userEvent.click(screen.getByRole('button', { name: '推进/退回：新开工项目' }));
    const items = await screen.findAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual(['推进到 续建', '退回 前期']);
    await userEvent.click(screen.getByRole('menuitem', { name: '退回 前期' }));

    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByRole('radio', { name: '退回 前期' })).toHaveProperty('checked', true);
    expect(dialog.getByPlaceholderText('须写明退回前期的原因')).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await userEvent.click(screen.getByRole('button', { name: '推进/退回：新开工项目' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: '推进到 续建' }));
    const again = within(await screen.findByRole('dialog'));
    expect(again.getByRole('radio', { name: '推进到 续建' })).toHaveProperty('checked', true);
    expect(again.getByLabelText('实际开工日期')).toBeTruthy();
  });

  it('已填实际开工日期的新开工项目拖回前期，按规则提示，不打开对话框', async () => {
    app = await installRealApi({ demo: false });
    await seedProject(app, {
      name: '已开工项目',
      stage: 'new_start',
      plannedStartDate: '2026-03-01',
      actualStartDate: '2026-03-10',
    });
    await renderBoard();

    dragAndDrop('已开工项目', '前期');

    expect(await screen.findByText(/该项目已填实际开工日期，不能退回前期/)).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('按产业链、搜索和“只看红黄灯”筛选，表头个数随之变化；点项目名称打开项目页', async () => {
    app = await installRealApi({ demo: false });
    const { chains } = await app.ok('reference.list', {});
    await seedProject(app, {
      name: '电子信息红灯项目',
      chainId: chains[1].id,
      stage: 'new_start',
      plannedStartDate: '2026-06-01',
    });
    await seedProject(app, { name: '电子信息储备项目', chainId: chains[1].id, stage: 'reserve' });
    const other = await seedProject(app, { name: '其他链储备项目', chainId: chains[0].id, stage: 'reserve' });
    const location = await renderBoard();

    await userEvent.click(screen.getByRole('checkbox', { name: '只看红黄灯' }));
    await waitFor(() => expect(cardsIn('储备')).toEqual([]));
    expect(cardsIn('新开工')).toEqual(['电子信息红灯项目']);
    expect(screen.getByText('筛选出 1 个，共 3 个项目')).toBeTruthy();
    await userEvent.click(screen.getByRole('checkbox', { name: '只看红黄灯' }));

    await userEvent.click(screen.getByLabelText('按产业链筛选'));
    await userEvent.click(await screen.findByRole('option', { name: chains[1].name }));
    await waitFor(() => expect(cardsIn('储备')).toEqual(['电子信息储备项目']));
    expect(cardsIn('新开工')).toEqual(['电子信息红灯项目']);
    await userEvent.click(screen.getByRole('button', { name: '清除筛选' }));

    await userEvent.type(screen.getByLabelText('搜索项目'), '其他链');
    await waitFor(() => expect(cardsIn('储备')).toEqual(['其他链储备项目']));
    expect(columnHead('储备')).toMatch(/储备\s*1个/);
    await userEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(cardsIn('储备')).toHaveLength(2));

    await userEvent.click(screen.getByRole('link', { name: '其他链储备项目' }));
    expect(location.history?.at(-1)).toBe(`/projects/${other.id}`);
  });

  it('一列超过200个项目时只显示前200个，并提示还有多少个', async () => {
    app = await installRealApi({ demo: false });
    const { chains } = await app.ok('reference.list', {});
    for (let i = 1; i <= 203; i += 1) {
      await app.ok('projects.create', {
        name: `批量储备项目${String(i).padStart(3, '0')}`,
        owner: '某建设单位',
        chainId: chains[0].id,
        stage: 'reserve',
      });
    }
    await renderBoard();

    expect(columnHead('储备')).toMatch(/储备\s*203个/);
    expect(cardsIn('储备')).toHaveLength(200);
    expect(within(column('储备')).getByText('还有3个，请用筛选缩小范围')).toBeTruthy();
    await userEvent.click(within(column('储备')).getByRole('button', { name: '再显示3个' }));
    expect(cardsIn('储备')).toHaveLength(203);
  });
});

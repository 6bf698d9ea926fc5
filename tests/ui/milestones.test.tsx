import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../electron/api-spec';
import { ProjectPage } from '../../renderer/pages/project/ProjectPage';
import type { TempApp } from '../helpers/temp-app';
import { buttonName, seedProject } from './project-harness';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

let app: TempApp;
afterEach(() => app?.close());

type NodeInput = MethodInput<'milestones.save'>['nodes'][number];
const node = (name: string, plannedDate: string | null, actualDate: string | null = null): NodeInput => ({
  name,
  stage: null,
  plannedDate,
  actualDate,
  unitId: null,
  note: '',
});

/** The project page on its own. */
async function renderProjectPage(id: number) {
  return renderPage(<ProjectPage id={id} />, { app, path: `/projects/${id}` });
}

function panel(title: string): HTMLElement {
  return screen.getByRole('heading', { name: new RegExp(`^${title}`) }).closest('section') as HTMLElement;
}

async function findPanel(title: string): Promise<HTMLElement> {
  return (await screen.findByRole('heading', { name: new RegExp(`^${title}`) })).closest('section') as HTMLElement;
}

/** 节点计划's rows as the clerk reads them: 序号, name, planned date, actual date, status. */
function nodeRows() {
  const table = panel('节点计划').querySelector('table');
  if (!table) return [];
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => {
      const cells = row.querySelectorAll('td');
      const input = (cell: Element) => (cell.querySelector('input') as HTMLInputElement).value;
      return [cells[0].textContent, input(cells[1]), input(cells[3]), input(cells[4]), cells[7].textContent];
    });
}

async function findNodeTable() {
  await waitFor(() => expect(panel('节点计划').querySelector('table')).toBeTruthy());
}

describe('节点计划', { timeout: 30_000 }, () => {
  it('添加节点填好后点“保存节点”，重新打开项目页仍按原顺序显示', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app);
    const page = await renderProjectPage(project.id);
    expect(await within(await findPanel('节点计划')).findByText(/暂无节点/)).toBeTruthy();
    const saveButton = screen.getByRole('button', { name: '保存节点' });
    expect(saveButton).toHaveProperty('disabled', true);

    await userEvent.click(screen.getByRole('button', { name: /添加节点/ }));
    await userEvent.type(screen.getByLabelText('第1行节点名称'), '环评批复');
    await userEvent.type(screen.getByLabelText('环评批复计划日期'), '2026-12-10{Enter}');
    await userEvent.click(screen.getByRole('button', { name: /添加节点/ }));
    await userEvent.type(screen.getByLabelText('第2行节点名称'), '施工许可');
    await userEvent.type(screen.getByLabelText('施工许可计划日期'), '2026-12-01{Enter}');
    await userEvent.type(screen.getByLabelText('施工许可实际日期'), '2026-11-20{Enter}');

    expect(screen.getByText('有未保存的修改')).toBeTruthy();
    expect(nodeRows()).toEqual([
      ['1', '环评批复', '2026-12-10', '', '未到期'],
      ['2', '施工许可', '2026-12-01', '2026-11-20', '已完成'],
    ]);
    await userEvent.click(screen.getByRole('button', { name: '保存节点' }));
    expect(await screen.findByText('节点已保存')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('有未保存的修改')).toBeNull());

    page.unmount();
    await renderProjectPage(project.id);
    await findNodeTable();
    expect(nodeRows()).toEqual([
      ['1', '环评批复', '2026-12-10', '', '未到期'],
      ['2', '施工许可', '2026-12-01', '2026-11-20', '已完成'],
    ]);
    const saved = await app.ok('milestones.list', { projectId: project.id });
    expect(saved.map((m) => m.name)).toEqual(['环评批复', '施工许可']);
  });

  it('节点状态按今天算：逾期标红写明天数，临期写几天后到期', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app);
    await app.ok('milestones.save', {
      projectId: project.id,
      nodes: [
        node('立项', '2026-11-16'),
        node('环评批复', '2026-12-03'),
        node('施工许可', '2027-02-01'),
        node('另行商定', null),
      ],
    });
    await renderProjectPage(project.id);
    await findNodeTable();
    expect(nodeRows().map((r) => r[4])).toEqual(['逾期12天', '5天后到期', '未到期', '未排期']);
    const status = within(panel('节点计划')).getByText('逾期12天');
    expect(status.className).toMatch(/ms-late/);
  });

  it('实际日期晚于今天，保存被拒并显示服务端的提示，节点不变', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app);
    await app.ok('milestones.save', { projectId: project.id, nodes: [node('环评批复', '2026-11-20')] });
    await renderProjectPage(project.id);
    await findNodeTable();

    await userEvent.type(screen.getByLabelText('环评批复实际日期'), '2026-12-01{Enter}');
    await userEvent.click(screen.getByRole('button', { name: '保存节点' }));

    expect(await screen.findByText('第1个节点“环评批复”的实际日期不能晚于今天')).toBeTruthy();
    expect(screen.getByText('有未保存的修改')).toBeTruthy();
    expect(nodeRows()[0].slice(3)).toEqual(['2026-12-01', '日期有误']);
    const saved = await app.ok('milestones.list', { projectId: project.id });
    expect(saved[0].actualDate).toBeNull();
  });

  it('上移、删除（先询问）后标记未保存，保存后按新顺序写入；撤销修改可恢复', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app);
    await app.ok('milestones.save', {
      projectId: project.id,
      nodes: [node('立项', '2026-12-01'), node('环评批复', '2026-12-20'), node('施工许可', '2027-01-10')],
    });
    await renderProjectPage(project.id);
    await findNodeTable();

    await userEvent.click(screen.getByRole('button', { name: '上移施工许可' }));
    expect(nodeRows().map((r) => r[1])).toEqual(['立项', '施工许可', '环评批复']);
    await userEvent.click(screen.getByRole('button', { name: '撤销修改' }));
    expect(nodeRows().map((r) => r[1])).toEqual(['立项', '环评批复', '施工许可']);
    expect(screen.queryByText('有未保存的修改')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: '下移立项' }));
    await userEvent.click(screen.getByRole('button', { name: '删除施工许可' }));
    expect(await screen.findByText('删除节点“施工许可”？')).toBeTruthy();
    expect(nodeRows()).toHaveLength(3);
    await userEvent.click(screen.getByRole('button', { name: buttonName('删除') }));
    expect(nodeRows().map((r) => r[1])).toEqual(['环评批复', '立项']);
    expect(screen.getByText('有未保存的修改')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: '保存节点' }));
    await waitFor(() => expect(screen.queryByText('有未保存的修改')).toBeNull());
    const saved = await app.ok('milestones.list', { projectId: project.id });
    expect(saved.map((m) => m.name)).toEqual(['环评批复', '立项']);
  });
});

async function openGenerate(projectId: number) {
  await renderProjectPage(projectId);
  await userEvent.click(await screen.findByRole('button', { name: /倒排生成/ }));
  return within(await screen.findByRole('dialog'));
}

function previewRows(): HTMLTableRowElement[] {
  return Array.from(screen.getByRole('table', { name: '生成预览' }).querySelectorAll('tbody tr'));
}

describe('倒排生成', { timeout: 30_000 }, () => {
  it('前期项目按模板从计划开工日期倒排出8个节点，最后一个落在计划开工日期；追加后进入节点表', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { stage: 'preliminary', plannedStartDate: '2027-06-30' });
    const dialog = await openGenerate(project.id);

    expect(await dialog.findByText('以计划开工日期 2027-06-30 为目标倒排')).toBeTruthy();
    const rows = previewRows();
    expect(rows).toHaveLength(8);
    expect(rows[0].textContent).toMatch(/^1立项（审批\/核准\/备案）/);
    expect(rows[7].textContent).toBe('8施工许可2027-06-30');
    expect(dialog.queryByText(/时间不足/)).toBeNull();
    expect(dialog.queryAllByText('已早于今天')).toHaveLength(0);

    await userEvent.click(dialog.getByRole('button', { name: buttonName('追加') }));
    expect(await screen.findByText('已按前期模板生成8个节点')).toBeTruthy();
    await waitFor(() => expect(nodeRows()).toHaveLength(8));
    expect(nodeRows()[7]).toEqual(['8', '施工许可', '2027-06-30', '', '未到期']);
    expect((await app.ok('milestones.list', { projectId: project.id })).map((m) => m.stage)).toEqual(
      Array(8).fill('preliminary'),
    );
  });

  it('生成的节点以项目的责任单位为责任单位，预览中先说明', async () => {
    app = await installRealApi({ demo: false });
    const { units } = await app.ok('reference.saveUnit', { name: '市自然资源局' });
    const project = await seedProject(app, {
      stage: 'preliminary',
      plannedStartDate: '2027-06-30',
      responsibleUnitIds: [units[0].id],
    });
    const dialog = await openGenerate(project.id);

    expect(
      await dialog.findByText('各节点的责任单位填为“市自然资源局”（取自项目的责任单位，无则取牵头单位），可逐个修改。'),
    ).toBeTruthy();
    await userEvent.click(dialog.getByRole('button', { name: buttonName('追加') }));
    await waitFor(() => expect(nodeRows()).toHaveLength(8));
    const unitCells = within(panel('节点计划').querySelector('table')!)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.querySelectorAll('td')[5].textContent);
    expect(unitCells).toEqual(Array(8).fill('市自然资源局'));
  });

  it('时间太紧时如实排出：已早于今天的节点标红，并写明时间不足', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { stage: 'preliminary', plannedStartDate: '2026-12-20' });
    const dialog = await openGenerate(project.id);

    expect(await dialog.findByText('时间不足，按模板工期排不下')).toBeTruthy();
    expect(dialog.getByText(/6个节点日期已早于今天/)).toBeTruthy();
    expect(dialog.getByText('按模板工期，首个节点须在2026-05-24开始办理，已晚188天，时间不足')).toBeTruthy();
    const rows = previewRows();
    expect(rows.filter((r) => r.classList.contains('gen-past'))).toHaveLength(6);
    expect(dialog.getAllByText('已早于今天')).toHaveLength(6);
    expect(rows[7].textContent).toBe('8施工许可2026-12-20');
    expect(rows[7].classList.contains('gen-past')).toBe(false);
  });

  it('新开工项目以计划开工日期为起点顺排；替换同阶段节点时保留手工添加的节点', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { stage: 'new_start', plannedStartDate: '2026-12-15' });
    await app.ok('milestones.save', {
      projectId: project.id,
      nodes: [{ ...node('实际开工', '2026-12-01'), stage: 'new_start' }, node('电力接入', '2026-12-05')],
    });
    const dialog = await openGenerate(project.id);

    expect(await dialog.findByText('以计划开工日期 2026-12-15 为起点顺排')).toBeTruthy();
    expect(dialog.getByText(/本项目现有2个节点，其中新开工阶段节点1个/)).toBeTruthy();
    expect(previewRows()).toHaveLength(3);
    await userEvent.click(dialog.getByRole('button', { name: '替换同阶段节点' }));
    await waitFor(() => expect(nodeRows()).toHaveLength(4));
    expect(nodeRows().map((r) => [r[1], r[2]])).toEqual([
      ['电力接入', '2026-12-05'],
      ['实际开工', '2026-12-15'],
      ['基础施工完成', '2027-03-15'],
      ['主体施工', '2027-07-13'],
    ]);
  });

  it('没有计划开工日期时，提示先填写，不能生成', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { stage: 'preliminary' });
    const dialog = await openGenerate(project.id);

    expect(await dialog.findByText('请先填写计划开工日期，再按模板排节点')).toBeTruthy();
    expect(dialog.getByRole('button', { name: buttonName('追加') })).toHaveProperty('disabled', true);
    expect(dialog.getByRole('button', { name: '替换同阶段节点' })).toHaveProperty('disabled', true);
  });

  it('节点表有未保存的修改时，先要求保存或撤销', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { stage: 'preliminary', plannedStartDate: '2027-06-30' });
    await renderProjectPage(project.id);
    await userEvent.click(await screen.findByRole('button', { name: /添加节点/ }));
    await userEvent.click(screen.getByRole('button', { name: /倒排生成/ }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(await dialog.findByText('节点表有未保存的修改，请先保存节点或撤销修改，再生成。')).toBeTruthy();
    await dialog.findByText('以计划开工日期 2027-06-30 为目标倒排');
    expect(dialog.getByRole('button', { name: buttonName('追加') })).toHaveProperty('disabled', true);
  });
});

describe('挂图作战', { timeout: 30_000 }, () => {
  it('每个计划日期画一个空心标记，实际日期画实心标记，并画出今天线；逾期节点标红', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app);
    await app.ok('milestones.save', {
      projectId: project.id,
      nodes: [
        node('立项', '2026-09-01', '2026-09-10'),
        node('环评批复', '2026-10-15'),
        node('节能审查', '2026-12-02'),
        node('施工许可', '2027-03-01'),
        node('另行商定', null),
      ],
    });
    await renderProjectPage(project.id);
    const chart = await within(await findPanel('挂图作战')).findByRole('img', { name: '挂图作战图，共5个节点' });

    expect(chart.querySelectorAll('.mc-planned')).toHaveLength(4);
    expect(chart.querySelectorAll('.mc-actual')).toHaveLength(1);
    expect(chart.querySelectorAll('.mc-today')).toHaveLength(1);
    expect(within(chart as unknown as HTMLElement).getByText('今天 2026-11-28')).toBeTruthy();
    const rows = Array.from(chart.querySelectorAll('.mc-row'));
    expect(rows.map((r) => r.getAttribute('class'))).toEqual([
      'mc-row mc-done',
      'mc-row mc-late',
      'mc-row mc-due',
      'mc-row mc-pending',
      'mc-row mc-unscheduled',
    ]);
    expect(rows[1].querySelector('.mc-planned')?.getAttribute('stroke')).toBe('#cf1322');
    expect(rows[1].textContent).toMatch(/逾期44天/);
    const months = Array.from(chart.querySelectorAll('.mc-month')).map((m) => m.textContent);
    expect(months[0]).toBe('2026年9月');
    expect(months).toContain('2027年1月');
  });

  it('没有节点时不画图，只作说明', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app);
    await renderProjectPage(project.id);
    const chartPanel = await findPanel('挂图作战');
    expect(await within(chartPanel).findByText('节点保存后在此按时间轴绘制。')).toBeTruthy();
    expect(within(chartPanel).queryByRole('img')).toBeNull();
  });
});

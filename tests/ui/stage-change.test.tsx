import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ProjectPage } from '../../renderer/pages/project/ProjectPage';
import type { TempApp } from '../helpers/temp-app';
import { buttonName, formItemOf, seedProject } from './project-harness';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

let app: TempApp;
afterEach(() => app?.close());

function panel(title: string): HTMLElement {
  return screen.getByRole('heading', { name: new RegExp(`^${title}`) }).closest('section') as HTMLElement;
}

function stageChangeRows(): string[] {
  return within(panel('阶段变更记录'))
    .getAllByRole('listitem')
    .map((r) => r.textContent ?? '');
}

/** The project page on its own. */
async function renderProjectPage(id: number) {
  return renderPage(<ProjectPage id={id} />, { app, path: `/projects/${id}` });
}

async function openDialog(projectId: number) {
  await renderProjectPage(projectId);
  await userEvent.click(await screen.findByRole('button', { name: '变更阶段' }));
  return within(await screen.findByRole('dialog'));
}

const confirmButton = () => screen.getByRole('button', { name: buttonName('确定变更') });

describe('变更阶段', { timeout: 30_000 }, () => {
  it('储备项目推进到前期后，阶段、阶段变更记录和变更记录随即更新', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { stage: 'reserve' });
    const dialog = await openDialog(project.id);

    expect(dialog.getByText('储备', { selector: '.stage-tag' })).toBeTruthy();
    expect(dialog.getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual(['推进到 前期']);
    expect(dialog.getByRole('radio', { name: '推进到 前期' })).toHaveProperty('checked', true);
    expect(dialog.queryByLabelText('计划开工日期')).toBeNull();
    expect((dialog.getByLabelText('变更日期') as HTMLInputElement).value).toBe('2026-11-28');

    await userEvent.click(confirmButton());

    expect(await screen.findByText('阶段已变更为前期')).toBeTruthy();
    await waitFor(() => expect(stageChangeRows()).toHaveLength(2));
    expect(stageChangeRows()[0]).toBe('2026-11-28储备 → 前期测试填报人');
    expect(screen.getByText('前期', { selector: '.project-head .stage-tag' })).toBeTruthy();
    await waitFor(() =>
      expect(within(panel('变更记录')).getAllByRole('row')[1].textContent).toMatch(/阶段储备\s*→\s*前期/),
    );
    expect((await app.ok('projects.get', { id: project.id })).stage).toBe('preliminary');

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await userEvent.click(screen.getByRole('button', { name: '变更阶段' }));
    const again = within(await screen.findByRole('dialog'));
    expect(again.getByText('前期', { selector: '.stage-tag' })).toBeTruthy();
    expect(again.getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual([
      '推进到 新开工',
      '退回 储备',
    ]);
  });

  it('前期推进到新开工须填计划开工日期，不在计划年度内当场提示并拒绝', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { stage: 'preliminary' });
    const dialog = await openDialog(project.id);

    expect(dialog.getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual([
      '推进到 新开工',
      '退回 储备',
    ]);
    const box = dialog.getByLabelText('计划开工日期') as HTMLInputElement;
    expect(box.value).toBe('');
    await userEvent.click(confirmButton());
    expect(await within(formItemOf('计划开工日期')).findByText('列入新开工须填写计划开工日期')).toBeTruthy();

    await userEvent.type(box, '2027-03-01{Enter}');
    expect(await within(formItemOf('计划开工日期')).findByText('列入新开工的计划开工日期须在2026年内')).toBeTruthy();
    await userEvent.click(confirmButton());
    const unchanged = await app.ok('projects.get', { id: project.id });
    expect(unchanged.stage).toBe('preliminary');
    expect(unchanged.stageChanges).toHaveLength(1);

    await userEvent.clear(box);
    await userEvent.type(box, '2026-12-15{Enter}');
    await waitFor(() => expect(within(formItemOf('计划开工日期')).queryByRole('alert')).toBeNull());
    await userEvent.click(confirmButton());

    expect(await screen.findByText('阶段已变更为新开工')).toBeTruthy();
    const changed = await app.ok('projects.get', { id: project.id });
    expect(changed.stage).toBe('new_start');
    expect(changed.plannedStartDate).toBe('2026-12-15');
  });

  it('带出的计划开工日期不在计划年度内，打开对话框即提示', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { stage: 'preliminary', plannedStartDate: '2027-04-01' });
    const dialog = await openDialog(project.id);

    expect((dialog.getByLabelText('计划开工日期') as HTMLInputElement).value).toBe('2027-04-01');
    expect(await within(formItemOf('计划开工日期')).findByText('列入新开工的计划开工日期须在2026年内')).toBeTruthy();
  });

  it('退回上一阶段不填原因时提示“退回前期须填写原因”，项目不变', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { stage: 'new_start', plannedStartDate: '2026-05-01' });
    const dialog = await openDialog(project.id);

    await userEvent.click(dialog.getByText('退回 前期'));
    expect(dialog.queryByLabelText('计划开工日期')).toBeNull();
    await userEvent.click(confirmButton());

    expect(await within(formItemOf('原因')).findByText('退回前期须填写原因')).toBeTruthy();
    expect(screen.getByRole('dialog')).toBeTruthy();
    const unchanged = await app.ok('projects.get', { id: project.id });
    expect(unchanged.stage).toBe('new_start');
    expect(unchanged.stageChanges).toHaveLength(1);
  });

  it('退回上一阶段写明原因后按回车即办理，原因记入阶段变更记录', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { stage: 'new_start', plannedStartDate: '2026-05-01' });
    const dialog = await openDialog(project.id);

    await userEvent.click(dialog.getByText('退回 前期'));
    await userEvent.type(dialog.getByLabelText('原因'), '用地报批未完成，年内不具备开工条件{Enter}');

    expect(await screen.findByText('阶段已变更为前期')).toBeTruthy();
    await waitFor(() => expect(stageChangeRows()).toHaveLength(2));
    expect(stageChangeRows()[0]).toBe('2026-11-28新开工 → 前期测试填报人用地报批未完成，年内不具备开工条件');
    expect((await app.ok('projects.get', { id: project.id })).stage).toBe('preliminary');
  });

  it('服务端拒绝时，提示显示在相应栏目下，已填内容保留', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { stage: 'continuing', actualStartDate: '2025-06-18' });
    const dialog = await openDialog(project.id);

    expect(dialog.getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual([
      '推进到 竣工',
      '退回 新开工',
    ]);
    const box = dialog.getByLabelText('实际竣工日期') as HTMLInputElement;
    await userEvent.type(box, '2025-01-10{Enter}');
    await userEvent.type(dialog.getByLabelText('原因'), '已通过竣工验收');
    await userEvent.click(confirmButton());

    expect(await within(formItemOf('实际竣工日期')).findByText('实际竣工日期不能早于实际开工日期')).toBeTruthy();
    expect(box.value).toBe('2025-01-10');
    expect((dialog.getByLabelText('原因') as HTMLTextAreaElement).value).toBe('已通过竣工验收');
    expect((await app.ok('projects.get', { id: project.id })).stage).toBe('continuing');
  });

  it('按 Esc 取消，项目不变', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { stage: 'reserve' });
    await openDialog(project.id);

    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await app.ok('projects.get', { id: project.id })).stageChanges).toHaveLength(1);
  });
});

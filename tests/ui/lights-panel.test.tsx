import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ProjectPage } from '../../renderer/pages/project/ProjectPage';
import type { TempApp } from '../helpers/temp-app';
import { seedProject } from './project-harness';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

let app: TempApp;
afterEach(() => app?.close());

async function renderProjectPage(id: number) {
  return renderPage(<ProjectPage id={id} />, { app, path: `/projects/${id}` });
}

async function findLights() {
  return within(await screen.findByRole('region', { name: '预警' }));
}

/** Each reason as the clerk reads it: its kind, then the reason. */
function reasons(lights: { queryAllByRole(role: 'listitem'): HTMLElement[] }): string[] {
  return lights.queryAllByRole('listitem').map((item) => item.textContent ?? '');
}

// The test app's today is 2026-11-28.
describe('项目页预警', { timeout: 30_000 }, () => {
  it('新开工项目过了计划开工日期仍未开工，显示黄灯和原因', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { stage: 'new_start', plannedStartDate: '2026-11-01' });
    await renderProjectPage(project.id);

    const lights = await findLights();
    expect(lights.getByText('黄灯')).toBeTruthy();
    expect(lights.getByText('计划开工日期已过27天仍未开工')).toBeTruthy();
    expect(reasons(lights)).toEqual(['开工计划开工日期已过27天仍未开工']);
  });

  it('逾期开工超过90天转为红灯', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { stage: 'new_start', plannedStartDate: '2026-08-01' });
    await renderProjectPage(project.id);

    const lights = await findLights();
    expect(lights.getByText('红灯')).toBeTruthy();
    expect(reasons(lights)).toEqual(['开工计划开工日期已过119天仍未开工']);
  });

  it('每条原因都列出，红色在前；节点逾期和临期各占一条', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { stage: 'new_start', plannedStartDate: '2026-11-01' });
    await app.ok('milestones.save', {
      projectId: project.id,
      nodes: [
        { name: '基础施工完成', stage: null, plannedDate: '2026-12-01', actualDate: null, unitId: null, note: '' },
        { name: '施工许可', stage: null, plannedDate: '2026-11-16', actualDate: null, unitId: null, note: '' },
      ],
    });
    await renderProjectPage(project.id);

    const lights = await findLights();
    expect(lights.getByText('红灯')).toBeTruthy();
    expect(reasons(lights)).toEqual([
      '节点施工许可 逾期12天',
      '开工计划开工日期已过27天仍未开工',
      '节点基础施工完成 3天后到期',
    ]);
  });

  it('没有预警时显示绿灯、各项正常', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { stage: 'preliminary' });
    await renderProjectPage(project.id);

    const lights = await findLights();
    expect(lights.getByText('绿灯')).toBeTruthy();
    expect(lights.getByText('各项正常')).toBeTruthy();
    expect(reasons(lights)).toEqual([]);
  });

  it('补上节点的实际日期并保存后，预警随即转回绿灯', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { stage: 'preliminary' });
    await app.ok('milestones.save', {
      projectId: project.id,
      nodes: [{ name: '环评批复', stage: null, plannedDate: '2026-11-20', actualDate: null, unitId: null, note: '' }],
    });
    await renderProjectPage(project.id);
    const lights = await findLights();
    expect(reasons(lights)).toEqual(['节点环评批复 逾期8天']);

    await userEvent.type(await screen.findByLabelText('环评批复实际日期'), '2026-11-25{Enter}');
    await userEvent.click(screen.getByRole('button', { name: '保存节点' }));

    await waitFor(() => expect(lights.getByText('绿灯')).toBeTruthy());
    expect(lights.getByText('各项正常')).toBeTruthy();
  });
});

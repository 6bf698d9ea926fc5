import { screen } from '@testing-library/react';
import { Route, Switch } from 'wouter';
import type { MethodInput } from '../../electron/api-spec';
import { ProjectEditPage } from '../../renderer/pages/project/ProjectEditPage';
import { ProjectPage } from '../../renderer/pages/project/ProjectPage';
import type { TempApp } from '../helpers/temp-app';
import { renderPage } from './render-page';

/** The project routes as App.tsx wires them, over an in-memory location that records each move. */
export async function renderProjectRoutes(app: TempApp, path: string) {
  const { location } = await renderPage(
    <Switch>
      <Route path="/projects/new">{() => <ProjectEditPage />}</Route>
      <Route path="/projects/:id/edit">{(params) => <ProjectEditPage id={Number(params.id)} />}</Route>
      <Route path="/projects/:id">{(params) => <ProjectPage id={Number(params.id)} />}</Route>
      <Route path="/projects">项目库页面</Route>
    </Switch>,
    { app, path },
  );
  return location;
}

/** A project as a clerk would have entered it; `overrides` changes any field. */
export async function seedProject(app: TempApp, overrides: MethodInput<'projects.create'> = {}) {
  const { chains } = await app.ok('reference.list', {});
  return app.ok('projects.create', {
    name: '湘乡市智能电表生产线项目',
    owner: '湘乡市某某电气有限公司',
    chainId: chains[0].id,
    stage: 'preliminary',
    totalInvestmentYuan: 500_000_000,
    ...overrides,
  });
}

/** The form item (label, box and message) that holds the field labelled `label`. */
export function formItemOf(label: string): HTMLElement {
  const item = screen.getByLabelText(label).closest<HTMLElement>('.ant-form-item');
  if (!item) throw new Error(`no form item for ${label}`);
  return item;
}

/** antd spaces out two-character button labels (“保 存”) unless told not to, as the app tells it. */
export const buttonName = (label: string) => new RegExp(`^${[...label].join('\\s*')}$`);

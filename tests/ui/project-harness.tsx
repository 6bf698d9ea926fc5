import { render, screen } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Route, Router, Switch } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { MethodInput } from '../../electron/api-spec';
import { AppStatusContext } from '../../renderer/app/app-status';
import { ProjectEditPage } from '../../renderer/pages/project/ProjectEditPage';
import { ProjectPage } from '../../renderer/pages/project/ProjectPage';
import type { TempApp } from '../helpers/temp-app';

dayjs.locale('zh-cn');

/** The project routes as App.tsx wires them, over an in-memory location that records each move. */
export async function renderProjectRoutes(app: TempApp, path: string) {
  const status = await app.ok('app.status', {});
  const location = memoryLocation({ path, record: true });
  render(
    // no click ripple: its timers would outlive the test file's window
    <ConfigProvider locale={zhCN} wave={{ disabled: true }}>
      <AntApp>
        <AppStatusContext.Provider value={{ status, refreshStatus: async () => {} }}>
          <Router hook={location.hook}>
            <Switch>
              <Route path="/projects/new">{() => <ProjectEditPage />}</Route>
              <Route path="/projects/:id/edit">{(params) => <ProjectEditPage id={Number(params.id)} />}</Route>
              <Route path="/projects/:id">{(params) => <ProjectPage id={Number(params.id)} />}</Route>
              <Route path="/projects">项目库页面</Route>
            </Switch>
          </Router>
        </AppStatusContext.Provider>
      </AntApp>
    </ConfigProvider>,
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

/** antd spaces out two-character button labels (“保 存”). */
export const buttonName = (label: string) => new RegExp(`^${[...label].join('\\s*')}$`);

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Route, Switch } from 'wouter';
import { ContactLeadersPage } from '../../renderer/pages/contact-leaders/ContactLeadersPage';
import { LibraryPage } from '../../renderer/pages/library/LibraryPage';
import { ProjectPage } from '../../renderer/pages/project/ProjectPage';
import type { TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

// today is 2026-11-28
let app: TempApp;
afterEach(async () => {
  await app?.close();
  sessionStorage.clear();
});

/** antd spaces out two-character button labels (“办 结”). */
function buttonIn(container: HTMLElement, label: string): HTMLElement {
  const texts = within(container).getAllByText(new RegExp(`^${[...label].join('\\s*')}$`));
  const button = texts.map((text) => text.closest('button')).find(Boolean);
  if (!button) throw new Error(`no button ${label}`);
  return button;
}

const dialog = async (title: string) => {
  const heading = await screen.findByText(title, { selector: '.ant-modal-title, .ant-modal-title *' });
  return heading.closest<HTMLElement>('.ant-modal')!;
};

async function renderAt(path: string) {
  return renderPage(
    <Switch>
      <Route path="/contact-leaders/:tab?">{(params) => <ContactLeadersPage tab={params.tab} />}</Route>
      <Route path="/projects" component={LibraryPage} />
      <Route path="/projects/:id">{(params) => <ProjectPage id={Number(params.id)} />}</Route>
    </Switch>,
    { app, path },
  );
}

describe('包挂领导视图', { timeout: 30_000 }, () => {
  it('每位包挂领导一张卡：红黄项目及原因、办理中与超期的批示；红灯数链接到项目库中该领导的红灯项目', async () => {
    app = await installRealApi({ demo: true });
    const overview = await app.ok('overview.contactLeaders', {});
    const withLate = overview.cards.find((c) => c.overdueInstructions > 0)!;
    const late = withLate.openInstructions.find((i) => i.daysOverdue > 0)!;
    await renderAt('/contact-leaders');

    const card = await screen.findByRole('region', { name: withLate.name }, { timeout: 10_000 });
    expect(within(card).getByText(withLate.title)).toBeTruthy();
    expect(within(card).getByText(`${late.projectName}：${late.content}`)).toBeTruthy();
    expect(within(card).getByText(`超期${late.daysOverdue}天`)).toBeTruthy();
    const lights = within(card).getByLabelText('项目灯色');
    expect(within(lights).getByText('超期批示').nextElementSibling?.textContent).toBe(
      String(withLate.overdueInstructions),
    );
    // the project with the late 批示 is among the red or yellow ones, the 批示 among its reasons
    const reason = within(card).getAllByText((text) => text.includes(`超期${late.daysOverdue}天未办结`));
    expect(reason.length).toBeGreaterThan(0);

    const red = within(lights).getByTitle(`在项目库中查看${withLate.name}包挂的红灯项目`);
    expect(red.getAttribute('href')).toBe(`/projects?light=red&contactLeader=${withLate.leaderId}`);
    expect(red.textContent).toBe(String(withLate.byLight.red));
  });

  it('领导批示页列出各项目的批示，可按办理中、超期、已办结筛选', async () => {
    app = await installRealApi({ demo: true });
    const all = await app.ok('instructions.list', {});
    await renderAt('/contact-leaders/instructions');
    await screen.findByText(`共 ${all.filter((i) => i.status === 'open').length} 件`, {}, { timeout: 10_000 });
    await userEvent.click(screen.getByText('超期未办结'));
    const overdue = all.filter((i) => i.daysOverdue > 0);
    await screen.findByText(`共 ${overdue.length} 件`);
    expect(screen.getByText(overdue[0].content)).toBeTruthy();
    await userEvent.click(screen.getByText('已办结'));
    await screen.findByText(`共 ${all.filter((i) => i.status === 'closed').length} 件`);
  });
});

describe('项目页的领导批示', { timeout: 30_000 }, () => {
  it('登记批示后列在本项目下（批示领导默认为本项目的包挂领导）；转为问题后显示问题编号；办结后显示已办结', async () => {
    app = await installRealApi();
    const chainId = (await app.ok('reference.list', {})).chains[0].id;
    await app.ok('reference.saveContactLeader', { name: '张三', title: '副市长' });
    const zhang = (await app.ok('reference.list', {})).contactLeaders[0];
    const project = await app.ok('projects.create', {
      name: '甲项目',
      stage: 'reserve',
      chainId,
      owner: '某公司',
      contactLeaderId: zhang.id,
    });
    await renderAt(`/projects/${project.id}`);
    const section = await screen.findByRole('region', { name: '领导批示' }, { timeout: 10_000 });
    expect(within(section).getByText(/包挂领导：张三/)).toBeTruthy();

    await userEvent.click(buttonIn(section, '登记批示'));
    const form = await dialog('登记领导批示');
    // the project's 包挂领导 is proposed as the leader who wrote it
    expect((within(form).getByLabelText('批示领导') as HTMLInputElement).value).toBe('张三');
    await userEvent.type(within(form).getByLabelText('批示内容'), '加快用地报批');
    await userEvent.click(buttonIn(form, '登记'));
    await within(section).findByText('加快用地报批');
    const [saved] = await app.ok('instructions.list', { projectId: project.id });
    expect(saved).toMatchObject({ leaderName: '张三', issuedOn: '2026-11-28', status: 'open' });

    await userEvent.click(buttonIn(section, '转为问题'));
    const confirm = (await screen.findByText('按此批示登记一个协调问题，交办责任单位跟踪办理？')).closest<HTMLElement>(
      '.ant-popover',
    )!;
    await userEvent.click(buttonIn(confirm, '转为问题'));
    await within(section).findByText('WT-2026-0001');

    await userEvent.click(buttonIn(section, '办结'));
    const close = await dialog('批示办结');
    await userEvent.type(within(close).getByLabelText('办理情况'), '已完成供地');
    await userEvent.click(buttonIn(close, '办结'));
    await within(section).findByText(/^已办结/);
    await waitFor(async () =>
      expect((await app.ok('instructions.list', { projectId: project.id }))[0]).toMatchObject({
        status: 'closed',
        closedOn: '2026-11-28',
        progress: '已完成供地',
      }),
    );
  });
});

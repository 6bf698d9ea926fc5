import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Route, Switch } from 'wouter';
import { DispatchPage } from '../../renderer/pages/dispatch/DispatchPage';
import { ProblemsPage } from '../../renderer/pages/problems/ProblemsPage';
import { ProjectPage } from '../../renderer/pages/project/ProjectPage';
import type { TempApp } from '../helpers/temp-app';
import { buttonName } from './project-harness';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

// today is 2026-11-28 (a Saturday in 2026-W48)
let app: TempApp;
afterEach(async () => {
  await app?.close();
  // the 交办单 choice and the print kind last for a session; each test starts a new one
  sessionStorage.clear();
  localStorage.clear();
});

async function openApp() {
  app = await installRealApi();
  const { chains } = await app.ok('reference.list', {});
  const unit = async (name: string) =>
    (await app.ok('reference.saveUnit', { name })).units.find((u) => u.name === name)!;
  const land = await unit('市自然资源局');
  const reform = await unit('市发展和改革局');
  const project = (name: string) =>
    app.ok('projects.create', {
      name,
      stage: 'continuing',
      actualStartDate: '2025-05-01',
      inStatistics: true,
      chainId: chains[0].id,
      owner: '某公司',
    });
  return { land, reform, project };
}

const raise = (projectId: number, fields: Record<string, unknown> = {}) =>
  app.ok('problems.create', { projectId, description: '用地报批进度较慢', category: 'land', ...fields });

/** 交办 with a deadline already past on 2026-11-28: open and overdue */
async function raiseOverdue(projectId: number, unitId: number, description = '施工用电尚未接通') {
  const p = await raise(projectId, { description, category: 'utilities', raisedOn: '2026-11-01' });
  return app.ok('problems.act', {
    id: p.id,
    action: 'assign',
    responsibleUnitIds: [unitId],
    deadline: '2026-11-20',
    date: '2026-11-02',
  });
}

async function renderAt(path: string) {
  const { location } = await renderPage(
    <Switch>
      <Route path="/problems/:tab?">{(params) => <ProblemsPage tab={params.tab} />}</Route>
      <Route path="/dispatch/:tab?">{(params) => <DispatchPage tab={params.tab} />}</Route>
      <Route path="/projects/:id">{(params) => <ProjectPage id={Number(params.id)} />}</Route>
    </Switch>,
    { app, path },
  );
  // 本周调度 shows its first rows read-only until the whole week is in
  if (path === '/dispatch') await screen.findByLabelText('报送情况', {}, { timeout: 10_000 });
  return location;
}

const listRow = (code: string) => screen.findByRole('row', { name: code });
const shownCodes = () =>
  screen
    .getAllByRole('row')
    .map((r) => r.getAttribute('aria-label'))
    .filter((name): name is string => !!name && name.startsWith('WT-'));
const drawer = async () => {
  const actions = await screen.findByRole('toolbar', { name: '办理' });
  return actions.closest<HTMLElement>('.pb-detail')!;
};
const dialog = async (title: RegExp | string) => {
  const heading = await screen.findByText(title, { selector: '.ant-modal-title, .ant-modal-title *' });
  return heading.closest<HTMLElement>('.ant-modal')!;
};
/** the Select labelled `label` inside `scope`: open it and click the option */
async function choose(scope: HTMLElement, label: string, option: string) {
  const box = within(scope).getByLabelText(label);
  fireEvent.mouseDown(box);
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find(
      (el) => el.getAttribute('title') === option && el.offsetParent !== undefined,
    );
    if (!found) throw new Error(`选项“${option}”未出现`);
    return found;
  });
  fireEvent.click(item);
}
const WORKFLOW = ['交办', '申请销号', '审结销号', '退回', '重新办理', '催办', '记录进展', '反馈'];
const offered = (scope: HTMLElement) =>
  WORKFLOW.filter((label) => within(scope).queryByRole('button', { name: buttonName(label) }));

describe('问题清单', { timeout: 30_000 }, () => {
  it('新登记的问题以编号WT-2026-0001列出，状态为待交办', async () => {
    const { project } = await openApp();
    const p = await project('城东污水处理厂');
    await raise(p.id, { source: '第48周调度会', sourceWeek: '2026-W48' });
    await renderAt('/problems');

    const row = await listRow('WT-2026-0001');
    expect(row.textContent).toContain('待交办');
    expect(row.textContent).toContain('用地报批进度较慢');
    expect(row.textContent).toContain('城东污水处理厂');
    expect(row.textContent).toContain('第48周调度会');
    expect(screen.getByLabelText('筛选结果').textContent?.replace(/\s+/g, '')).toBe('共1条');
  });

  it('在详情中交办：选单位和办结时限后变为办理中，办理记录出现“交办”', async () => {
    const { project } = await openApp();
    const p = await project('城东污水处理厂');
    await raise(p.id);
    await renderAt('/problems');
    fireEvent.click(await listRow('WT-2026-0001'));

    const detail = await drawer();
    // nothing to chase before it is handed out
    expect(offered(detail)).toEqual(['交办', '记录进展', '反馈']);
    fireEvent.click(within(detail).getByRole('button', { name: buttonName('交办') }));
    const assign = await dialog('交办');
    await choose(assign, '牵头单位', '市自然资源局');
    await userEvent.type(within(assign).getByLabelText('办结时限'), '2026-12-20{Enter}');
    fireEvent.click(within(assign).getByRole('button', { name: buttonName('交办') }));

    await waitFor(() => expect(within(detail).getByText('办理中')).toBeTruthy());
    const notes = within(detail).getByRole('list', { name: '办理记录' });
    await waitFor(() =>
      expect(
        within(notes)
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toHaveLength(2),
    );
    expect(notes.textContent).toContain('交办');
    expect(notes.textContent).toContain('测试填报人');
    expect(within(detail).getByText('2026-12-20')).toBeTruthy();
    expect(offered(detail)).toEqual(['申请销号', '催办', '记录进展', '反馈']);
    await waitFor(() =>
      expect(screen.getByRole('row', { name: 'WT-2026-0001' }).textContent ?? '').toContain('办理中'),
    );
    expect((await app.ok('problems.get', { id: 1 })).status).toBe('in_progress');
  });

  it('只看超期：只列出超期未办结的问题，标“超期N天”', async () => {
    const { project, reform } = await openApp();
    const a = await project('城东污水处理厂');
    const b = await project('高新区标准厂房');
    await raise(a.id, { description: '尚未超期的问题', deadline: '2026-12-31' });
    await raiseOverdue(b.id, reform.id);
    await renderAt('/problems');
    await listRow('WT-2026-0002');
    expect(shownCodes()).toEqual(['WT-2026-0001', 'WT-2026-0002']);

    fireEvent.click(screen.getByRole('switch', { name: '只看超期' }));
    await waitFor(() => expect(shownCodes()).toEqual(['WT-2026-0002']));
    expect(screen.getByRole('row', { name: 'WT-2026-0002' }).textContent).toContain('超期8天');
  });

  it('统计栏按单位列出未销号和超期数，点超期数即筛选', async () => {
    const { project, reform, land } = await openApp();
    const a = await project('城东污水处理厂');
    await raiseOverdue(a.id, reform.id);
    const other = await raise(a.id, { description: '用地指标未落实' });
    await app.ok('problems.act', { id: other.id, action: 'assign', leadUnitId: land.id, deadline: '2026-12-31' });
    await renderAt('/problems');
    await listRow('WT-2026-0002');

    const byUnit = screen.getByRole('region', { name: '按单位' });
    expect(byUnit.textContent).toContain('市发展和改革局');
    fireEvent.click(within(byUnit).getByRole('button', { name: '市发展和改革局超期1个' }));
    await waitFor(() => expect(shownCodes()).toEqual(['WT-2026-0001']));
    expect((screen.getByRole('switch', { name: '只看超期' }) as HTMLButtonElement).getAttribute('aria-checked')).toBe(
      'true',
    );
  });

  it('已销号的问题只能退回，不能直接重新办理', async () => {
    const { project, reform } = await openApp();
    const p = await project('城东污水处理厂');
    const problem = await raise(p.id);
    await app.ok('problems.act', {
      id: problem.id,
      action: 'assign',
      responsibleUnitIds: [reform.id],
      deadline: '2026-12-10',
    });
    await app.ok('problems.act', { id: problem.id, action: 'requestClose', text: '用地已报批' });
    await app.ok('problems.act', { id: problem.id, action: 'close' });
    await renderAt('/problems?status=all');
    fireEvent.click(await listRow('WT-2026-0001'));

    const detail = await drawer();
    expect(within(detail).getByText('已销号')).toBeTruthy();
    expect(offered(detail)).toEqual(['退回']);
    expect(within(detail).queryByRole('button', { name: buttonName('修改') })).toBeNull();
    expect(detail.textContent).toContain('用地已报批');
  });

  it('默认只看未销号：已销号的问题不在清单中', async () => {
    const { project, reform } = await openApp();
    const p = await project('城东污水处理厂');
    const closed = await raise(p.id, { description: '已解决的问题' });
    await app.ok('problems.act', {
      id: closed.id,
      action: 'assign',
      responsibleUnitIds: [reform.id],
      deadline: '2026-12-10',
    });
    await app.ok('problems.act', { id: closed.id, action: 'requestClose', text: '已解决' });
    await app.ok('problems.act', { id: closed.id, action: 'close' });
    await raise(p.id, { description: '还在办的问题' });
    await renderAt('/problems');
    await listRow('WT-2026-0002');
    expect(shownCodes()).toEqual(['WT-2026-0002']);
  });

  it('服务器拒绝的办理步骤在对话框中用中文说明原因', async () => {
    const { project, reform } = await openApp();
    const p = await project('城东污水处理厂');
    const problem = await raise(p.id);
    await renderAt('/problems');
    fireEvent.click(await listRow('WT-2026-0001'));
    const detail = await drawer();
    // meanwhile another clerk has already assigned it and struck it off
    await app.ok('problems.act', {
      id: problem.id,
      action: 'assign',
      responsibleUnitIds: [reform.id],
      deadline: '2026-12-10',
    });
    await app.ok('problems.act', { id: problem.id, action: 'requestClose', text: '已解决' });
    await app.ok('problems.act', { id: problem.id, action: 'close' });

    fireEvent.click(within(detail).getByRole('button', { name: buttonName('交办') }));
    const assign = await dialog('交办');
    await choose(assign, '牵头单位', '市发展和改革局');
    await userEvent.type(within(assign).getByLabelText('办结时限'), '2026-12-20{Enter}');
    fireEvent.click(within(assign).getByRole('button', { name: buttonName('交办') }));
    expect(await within(assign).findByText('问题处于“已销号”，不能交办；可以：退回')).toBeTruthy();
  });

  it('交办时办结时限早于交办日期：在办结时限栏下提示“办结时限不能早于交办日期”，不交办', async () => {
    const { project } = await openApp();
    const p = await project('城东污水处理厂');
    await raise(p.id, { raisedOn: '2026-11-20' });
    await renderAt('/problems');
    fireEvent.click(await listRow('WT-2026-0001'));
    const detail = await drawer();
    fireEvent.click(within(detail).getByRole('button', { name: buttonName('交办') }));
    const assign = await dialog('交办');
    await choose(assign, '牵头单位', '市自然资源局');
    await userEvent.type(within(assign).getByLabelText('办结时限'), '2026-11-25{Enter}');
    const assignedOn = within(assign).getByLabelText('交办日期');
    await userEvent.clear(assignedOn);
    await userEvent.type(assignedOn, '2026-11-27{Enter}');
    fireEvent.click(within(assign).getByRole('button', { name: buttonName('交办') }));

    const deadlineItem = within(assign).getByLabelText('办结时限').closest<HTMLElement>('.ant-form-item')!;
    expect(await within(deadlineItem).findByText('办结时限不能早于交办日期')).toBeTruthy();
    expect(await app.ok('problems.get', { id: 1 })).toMatchObject({ status: 'pending', deadline: null });
  });

  it('登记问题时单位名单里没有的单位可就地新增并选中', async () => {
    const { project } = await openApp();
    const p = await project('城东污水处理厂');
    await renderAt(`/projects/${p.id}`);
    const panel = await screen.findByRole('region', { name: '问题协调' });
    fireEvent.click(within(panel).getByRole('button', { name: /登记问题/ }));
    const form = await dialog('登记问题');
    await userEvent.type(within(form).getByLabelText('问题描述'), '管网迁改需住建部门协调');
    await choose(form, '类别', '征地拆迁');
    await userEvent.click(within(form).getByLabelText('牵头单位'));
    await userEvent.keyboard('市住房和城乡建设局{Enter}');
    expect(screen.getByRole('status').textContent).toBe('没有“市住房和城乡建设局”，再按回车即新增此单位');
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(within(form).getByLabelText('牵头单位').closest('.ant-select')?.textContent).toBe('市住房和城乡建设局'),
    );
    fireEvent.click(within(form).getByRole('button', { name: buttonName('登记') }));

    await waitFor(async () => expect(await app.ok('problems.list', {})).toHaveLength(1));
    expect((await app.ok('problems.list', {}))[0].leadUnitName).toBe('市住房和城乡建设局');
    expect((await app.ok('reference.list', {})).units.map((u) => u.name)).toContain('市住房和城乡建设局');
  });

  it('办结时限早于登记日期：提示“办结时限不能早于登记日期”，不登记', async () => {
    const { project } = await openApp();
    await project('城东污水处理厂');
    await renderAt('/problems');
    await screen.findByText('还没有登记问题。调度会上提出的需协调事项可在“周调度”中一键转为问题。');
    fireEvent.click(screen.getAllByRole('button', { name: /登记问题/ })[0]);
    const form = await dialog('登记问题');
    await choose(form, '项目', `${(await app.ok('projects.list', {}))[0].code} 城东污水处理厂`);
    await userEvent.type(within(form).getByLabelText('问题描述'), '用地报批进度较慢');
    await choose(form, '类别', '用地');
    const raisedOn = within(form).getByLabelText('登记日期');
    await userEvent.clear(raisedOn);
    await userEvent.type(raisedOn, '2026-11-20{Enter}');
    await userEvent.type(within(form).getByLabelText('办结时限'), '2026-11-10{Enter}');
    fireEvent.click(within(form).getByRole('button', { name: buttonName('登记') }));

    expect(await within(form).findByText('办结时限不能早于登记日期')).toBeTruthy();
    expect(await app.ok('problems.list', {})).toEqual([]);
  });
});

describe('在调度和项目页登记问题', { timeout: 30_000 }, () => {
  it('调度需协调事项一键转为问题：带出描述、类别、来源周和牵头单位', async () => {
    const { project, land } = await openApp();
    const p = await project('城东污水处理厂');
    await app.ok('dispatch.saveEntry', {
      projectId: p.id,
      week: '2026-W48',
      progress: '主体施工',
      coordination: '请市自然资源局加快用地报批',
    });
    await renderAt('/dispatch');
    const row = await screen.findByRole('row', { name: '城东污水处理厂' }, { timeout: 10_000 });
    fireEvent.click(within(row).getByRole('button', { name: '将“城东污水处理厂”的需协调事项转为问题' }));

    const form = await dialog('登记问题');
    expect((within(form).getByLabelText('问题描述') as HTMLTextAreaElement).value).toBe('请市自然资源局加快用地报批');
    expect((within(form).getByLabelText('来源') as HTMLInputElement).value).toBe('第48周调度会');
    expect(form.textContent).toContain('城东污水处理厂');
    await waitFor(() =>
      expect(within(form).getByLabelText('牵头单位').closest('.ant-select')?.textContent).toContain('市自然资源局'),
    );
    expect(within(form).getByLabelText('类别').closest('.ant-select')?.textContent).toContain('用地');
    fireEvent.click(within(form).getByRole('button', { name: buttonName('登记') }));

    await waitFor(async () => expect(await app.ok('problems.list', {})).toHaveLength(1));
    const [created] = await app.ok('problems.list', {});
    expect(created).toMatchObject({
      code: 'WT-2026-0001',
      sourceWeek: '2026-W48',
      source: '第48周调度会',
      category: 'land',
      leadUnitId: land.id,
      description: '请市自然资源局加快用地报批',
    });
    // the row now says it was raised, instead of offering to raise it again
    await waitFor(() => expect(within(row).getByText('WT-2026-0001')).toBeTruthy());
    expect(within(row).queryByRole('button', { name: '将“城东污水处理厂”的需协调事项转为问题' })).toBeNull();
  });

  it('转为问题取调度行的“存在问题”作问题描述，按文字建议类别，牵头单位取自需协调事项', async () => {
    const { project, reform } = await openApp();
    const p = await project('城东污水处理厂');
    await app.ok('dispatch.saveEntry', {
      projectId: p.id,
      week: '2026-W48',
      problems: '施工用电尚未接通，设备无法调试',
      coordination: '请市发展和改革局协调供电公司',
    });
    await renderAt('/dispatch');
    const row = await screen.findByRole('row', { name: '城东污水处理厂' }, { timeout: 10_000 });
    fireEvent.click(within(row).getByRole('button', { name: '将“城东污水处理厂”的存在问题转为问题' }));

    const form = await dialog('登记问题');
    expect((within(form).getByLabelText('问题描述') as HTMLTextAreaElement).value).toBe(
      '施工用电尚未接通，设备无法调试',
    );
    expect(within(form).getByLabelText('类别').closest('.ant-select')?.textContent).toContain('水电路');
    expect(form.textContent).toContain('由第48周调度会“存在问题”转来');
    await waitFor(() =>
      expect(within(form).getByLabelText('牵头单位').closest('.ant-select')?.textContent).toContain('市发展和改革局'),
    );
    fireEvent.click(within(form).getByRole('button', { name: buttonName('登记') }));

    await waitFor(async () => expect(await app.ok('problems.list', {})).toHaveLength(1));
    expect((await app.ok('problems.list', {}))[0]).toMatchObject({
      description: '施工用电尚未接通，设备无法调试',
      category: 'utilities',
      leadUnitId: reform.id,
    });
  });

  it('只填了存在问题的调度行也可转为问题', async () => {
    const { project } = await openApp();
    const p = await project('城东污水处理厂');
    await app.ok('dispatch.saveEntry', { projectId: p.id, week: '2026-W48', problems: '技术工人招工困难' });
    await renderAt('/dispatch');
    const row = await screen.findByRole('row', { name: '城东污水处理厂' }, { timeout: 10_000 });
    fireEvent.click(within(row).getByRole('button', { name: '将“城东污水处理厂”的存在问题转为问题' }));
    const form = await dialog('登记问题');
    expect((within(form).getByLabelText('问题描述') as HTMLTextAreaElement).value).toBe('技术工人招工困难');
    expect(within(form).getByLabelText('类别').closest('.ant-select')?.textContent).toContain('用工');
  });

  it('没有存在问题和需协调事项的调度行不显示“转为问题”', async () => {
    const { project } = await openApp();
    const p = await project('城东污水处理厂');
    await app.ok('dispatch.saveEntry', { projectId: p.id, week: '2026-W48', progress: '主体施工' });
    await renderAt('/dispatch');
    const row = await screen.findByRole('row', { name: '城东污水处理厂' }, { timeout: 10_000 });
    expect(within(row).queryByText('转为问题')).toBeNull();
  });

  it('项目页“问题协调”列出项目的问题，超期的标红，可直接登记新问题', async () => {
    const { project, reform } = await openApp();
    const p = await project('城东污水处理厂');
    await raiseOverdue(p.id, reform.id);
    await renderAt(`/projects/${p.id}`);

    const panel = await screen.findByRole('region', { name: '问题协调' });
    const row = await within(panel).findByRole('row', { name: 'WT-2026-0001' });
    expect(row.textContent).toContain('施工用电尚未接通');
    expect(row.textContent).toContain('超期8天');
    expect(panel.textContent).toContain('超期 1 个');

    fireEvent.click(within(panel).getByRole('button', { name: /登记问题/ }));
    const form = await dialog('登记问题');
    expect(form.textContent).toContain('城东污水处理厂');
    await userEvent.type(within(form).getByLabelText('问题描述'), '环评批复尚未取得');
    await choose(form, '类别', '审批手续');
    fireEvent.click(within(form).getByRole('button', { name: buttonName('登记') }));
    expect(await within(panel).findByRole('row', { name: 'WT-2026-0002' })).toBeTruthy();
  });
});

describe('打印交办单', { timeout: 30_000 }, () => {
  // jsdom lays nothing out; the preview draws its pages only in a box with a size
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 100, 900, 600));
  });
  afterEach(() => vi.restoreAllMocks());

  /** five open problems and one struck off, on one project */
  async function sixProblems() {
    const { project, reform } = await openApp();
    const p = await project('城东污水处理厂');
    for (const description of [
      '用地报批进度较慢',
      '施工用电尚未接通',
      '环评批复尚未取得',
      '项目资金未到位',
      '招工困难',
    ]) {
      await raise(p.id, { description });
    }
    const closed = await raise(p.id, { description: '管网迁改已完成' });
    await app.ok('problems.act', {
      id: closed.id,
      action: 'assign',
      responsibleUnitIds: [reform.id],
      deadline: '2026-12-10',
    });
    await app.ok('problems.act', { id: closed.id, action: 'requestClose', text: '已迁改' });
    await app.ok('problems.act', { id: closed.id, action: 'close' });
    return closed;
  }
  const picker = () => screen.findByRole('list', { name: '选择要打印交办单的问题' });
  const ticked = async () =>
    within(await picker())
      .getAllByRole('checkbox')
      .filter((box) => (box as HTMLInputElement).checked)
      .map((box) => box.closest('li')!.textContent!.slice(0, 12));
  const printedCodes = () =>
    screen.queryAllByRole('article').map((page) => /编号：(WT-\d{4}-\d{4})/.exec(page.textContent ?? '')?.[1]);

  it('在问题清单中勾选两个问题点“打印交办单”，只打这两个', async () => {
    await sixProblems();
    const location = await renderAt('/problems');
    await listRow('WT-2026-0005');
    fireEvent.click(screen.getByRole('checkbox', { name: '勾选WT-2026-0002' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '勾选WT-2026-0004' }));
    // ticking is not opening
    expect(screen.queryByRole('toolbar', { name: '办理' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /打印交办单（2）/ }));

    await waitFor(() => expect(location.history.at(-1)).toBe('/problems/print'));
    expect(await ticked()).toEqual(['WT-2026-0002', 'WT-2026-0004']);
    expect(screen.getByText(/已选/).textContent).toContain('已选 2 个');
    await waitFor(() => expect(printedCodes()).toEqual(['WT-2026-0002', 'WT-2026-0004']));
  });

  it('没有勾选时不替填报人全选：一个也不选，提示去勾选', async () => {
    await sixProblems();
    await renderAt('/problems/print');
    expect(await ticked()).toEqual([]);
    expect(screen.getByText(/请在左侧勾选要打印交办单的问题/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /打印交办单…/ })).toHaveProperty('disabled', true);
  });

  it('刚登记的问题就是默认要打印交办单的问题', async () => {
    await sixProblems();
    await renderAt('/problems');
    await listRow('WT-2026-0005');
    fireEvent.click(screen.getAllByRole('button', { name: /登记问题/ })[0]);
    const form = await dialog('登记问题');
    await choose(form, '项目', `${(await app.ok('projects.list', {}))[0].code} 城东污水处理厂`);
    await userEvent.type(within(form).getByLabelText('问题描述'), '进场道路未硬化');
    await choose(form, '类别', '水电路');
    fireEvent.click(within(form).getByRole('button', { name: buttonName('登记') }));
    await listRow('WT-2026-0007');

    fireEvent.click(screen.getByRole('tab', { name: '打印' }));
    expect(await ticked()).toEqual(['WT-2026-0007']);
  });

  it('已销号的问题勾“包括已销号”后可找到并补打', async () => {
    const closed = await sixProblems();
    await renderAt('/problems/print');
    const list = await picker();
    expect(list.textContent).not.toContain(closed.code);

    fireEvent.click(screen.getByRole('checkbox', { name: '包括已销号' }));
    await waitFor(() => expect(list.textContent).toContain(closed.code));
    fireEvent.change(screen.getByRole('searchbox', { name: '筛选问题' }), { target: { value: '管网' } });
    const item = await within(list).findByText(closed.code);
    fireEvent.click(item.closest('label')!);

    expect(await ticked()).toEqual([closed.code]);
    await waitFor(() => expect(printedCodes()).toEqual([closed.code]));
    expect(screen.getByRole('button', { name: /打印交办单…/ })).toHaveProperty('disabled', false);
  });
});

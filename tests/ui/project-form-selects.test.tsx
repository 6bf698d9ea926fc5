import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { TempApp } from '../helpers/temp-app';
import { buttonName, formItemOf, renderProjectRoutes, seedProject } from './project-harness';
import { installRealApi } from './real-api';

let app: TempApp;
afterEach(() => app?.close());
const user = userEvent.setup({ delay: null });

/** What the select labelled `label` shows: its chosen option(s), or its placeholder. */
const shownIn = (label: string) => formItemOf(label).querySelector('.ant-select')?.textContent ?? '';

async function typeInto(label: string, keys: string) {
  await user.click(await screen.findByLabelText(label));
  await user.keyboard(keys);
}

async function parkId(name: string) {
  return (await app.ok('reference.list', {})).parks.find((p) => p.name === name)!.id;
}

describe('项目表单的下拉框：按输入筛选，回车不替填报人乱选', { timeout: 30_000 }, () => {
  it('园区/片区输入“棋梓”回车：选中唯一相符的棋梓工业片区，跳到建设性质', async () => {
    app = await installRealApi({ demo: false });
    await renderProjectRoutes(app, '/projects/new');
    await screen.findByText('基本信息');
    await typeInto('园区/片区', '棋梓{Enter}');

    await waitFor(() => expect(shownIn('园区/片区')).toBe('棋梓工业片区'));
    expect(document.activeElement).toBe(screen.getByLabelText('建设性质'));
  });

  it('输入没有的园区回车：园区保持原样，不会选成第一个，提示“未作选择”并跳到下一栏', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { parkId: await parkId('虞唐工业片区') });
    const location = await renderProjectRoutes(app, `/projects/${project.id}/edit`);
    await waitFor(() => expect(shownIn('园区/片区')).toBe('虞唐工业片区'));
    await typeInto('园区/片区', '壶天{Enter}');

    expect(within(formItemOf('园区/片区')).getByRole('status').textContent).toBe('没有“壶天”，未作选择');
    expect(document.activeElement).toBe(screen.getByLabelText('建设性质'));
    expect(shownIn('园区/片区')).toBe('虞唐工业片区');
    expect(shownIn('园区/片区')).not.toContain('红仑工业园');

    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(location.history.at(-1)).toBe(`/projects/${project.id}`));
    expect((await app.ok('projects.get', { id: project.id })).parkName).toBe('虞唐工业片区');
  });

  it('空的园区栏输入没有的名称回车，仍为空', async () => {
    app = await installRealApi({ demo: false });
    await renderProjectRoutes(app, '/projects/new');
    await screen.findByText('基本信息');
    await typeInto('园区/片区', '壶天{Enter}');

    expect(await within(formItemOf('园区/片区')).findByText('没有“壶天”，未作选择')).toBeTruthy();
    expect(shownIn('园区/片区')).toBe('请选择');
  });

  it('输入对应多个园区的文字回车：不替填报人挑，提示用↑↓选定；↓回车则取所指的一项', async () => {
    app = await installRealApi({ demo: false });
    await renderProjectRoutes(app, '/projects/new');
    await screen.findByText('基本信息');
    await typeInto('园区/片区', '湘乡经济开发区{Enter}');

    // said at the foot of the open list, which shows the three
    expect(screen.getByRole('status').textContent).toBe('有3项含“湘乡经济开发区”，请用↑↓选定后回车');
    expect(shownIn('园区/片区')).toContain('请选择');
    // the option list reads the old `which` key codes, which user-event leaves out
    const box = screen.getByLabelText('园区/片区');
    fireEvent.keyDown(box, { key: 'ArrowDown', keyCode: 40, which: 40 });
    fireEvent.keyDown(box, { key: 'ArrowDown', keyCode: 40, which: 40 });
    const pointedAt = () =>
      document.getElementById(box.getAttribute('aria-activedescendant') ?? '')?.getAttribute('aria-label');
    await waitFor(() => expect(pointedAt()).toBe('湘乡经济开发区·城西工业区'));
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 13, which: 13 });
    await waitFor(() => expect(shownIn('园区/片区')).toBe('湘乡经济开发区·城西工业区'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('建设性质')));
  });

  it('每个下拉框都按输入筛选：阶段输入“续”只剩续建', async () => {
    app = await installRealApi({ demo: false });
    await renderProjectRoutes(app, '/projects/new');
    await screen.findByText('基本信息');
    await typeInto('阶段', '续');

    await waitFor(() =>
      expect(
        [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')]
          .map((o) => o.getAttribute('title'))
          .filter(Boolean),
      ).toEqual(['续建']),
    );
    await user.keyboard('{Enter}');
    await waitFor(() => expect(shownIn('阶段')).toBe('续建'));
    expect(document.activeElement).toBe(screen.getByLabelText('产业链'));
  });
});

describe('还没有单位时在牵头单位、责任单位中就地新增', { timeout: 30_000 }, () => {
  it('牵头单位输入新名称：第一次回车提示，第二次回车新增并选中，责任单位也可选到它', async () => {
    app = await installRealApi({ demo: false });
    expect((await app.ok('reference.list', {})).units).toEqual([]);
    await renderProjectRoutes(app, '/projects/new');
    await screen.findByText('基本信息');
    await typeInto('牵头单位', '市发展和改革局{Enter}');

    expect(screen.getByRole('status').textContent).toBe('没有“市发展和改革局”，再按回车即新增此单位');
    expect((await app.ok('reference.list', {})).units).toEqual([]);
    await user.keyboard('{Enter}');

    await waitFor(() => expect(shownIn('牵头单位')).toBe('市发展和改革局'));
    expect((await app.ok('reference.list', {})).units.map((u) => u.name)).toEqual(['市发展和改革局']);

    await typeInto('责任单位', '发展和改革{Enter}');
    await waitFor(() => expect(shownIn('责任单位')).toContain('市发展和改革局'));
  });

  it('责任单位中点“新增单位“……””即新增并加入已选单位，保存后项目带上该单位', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app);
    const location = await renderProjectRoutes(app, `/projects/${project.id}/edit`);
    await typeInto('责任单位', '市自然资源局');
    await user.click(await screen.findByText('新增单位“市自然资源局”'));

    await waitFor(() => expect(shownIn('责任单位')).toContain('市自然资源局'));
    await user.click(screen.getByRole('button', { name: buttonName('保存') }));
    await waitFor(() => expect(location.history.at(-1)).toBe(`/projects/${project.id}`));
    expect((await app.ok('projects.get', { id: project.id })).responsibleUnitNames).toEqual(['市自然资源局']);
  });

  it('空的单位栏打开即说明可输入名称新增', async () => {
    app = await installRealApi({ demo: false });
    await renderProjectRoutes(app, '/projects/new');
    await screen.findByText('基本信息');
    await user.click(screen.getByLabelText('牵头单位'));
    expect(await screen.findByText('还没有单位：输入单位名称即可新增')).toBeTruthy();
  });
});

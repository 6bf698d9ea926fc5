import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { toIsoDate } from '../../db/model/dates';
import { setSetting } from '../../db/queries/settings';
import type { TempApp } from '../helpers/temp-app';
import { buttonName, formItemOf, renderProjectRoutes, seedProject } from './project-harness';
import { installRealApi } from './real-api';

let app: TempApp;
afterEach(() => app?.close());
const user = userEvent.setup({ delay: null });

const valueOf = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;

/** Another clerk saves the project from another PC while this form is open. */
async function savedMeanwhileBy(clerk: string, id: number, patch: { location: string; contactPerson: string }) {
  await setSetting(app.ctx.store, 'operatorName', clerk);
  await app.ok('projects.update', { id, ...patch });
  await setSetting(app.ctx.store, 'operatorName', '张三');
}

describe('项目表单：他人已修改', { timeout: 60_000 }, () => {
  it('保存被拒时说明谁改的，填写的内容不丢；载入最新内容后逐项比对，再保存成功', async () => {
    // today is the machine's, so the refusal names the time of a change made today
    app = await installRealApi({ demo: false, today: toIsoDate(new Date()), operator: '张三' });
    const project = await seedProject(app, { location: '城南', note: '' });
    const location = await renderProjectRoutes(app, `/projects/${project.id}/edit`);
    await screen.findByText('基本信息');
    await savedMeanwhileBy('李四', project.id, { location: '城北', contactPerson: '王五' });

    await user.clear(screen.getByLabelText('建设地点'));
    await user.type(screen.getByLabelText('建设地点'), '城西');
    await user.type(screen.getByLabelText('备注'), '张三的备注');
    await user.click(screen.getByRole('button', { name: buttonName('保存') }));

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('数据已被他人修改')).toBeTruthy();
    expect(within(dialog).getByText(/^已被 李四 于 \d\d:\d\d 修改，请刷新后再改$/)).toBeTruthy();
    expect((await app.ok('projects.get', { id: project.id })).location).toBe('城北');

    // 取消: the form as typed
    await user.click(within(dialog).getByRole('button', { name: buttonName('取消') }));
    await waitFor(() => expect(screen.queryByText('数据已被他人修改')).toBeNull());
    expect(valueOf('建设地点')).toBe('城西');
    expect(valueOf('备注')).toBe('张三的备注');

    // saved again: refused again, then 载入最新内容
    await user.click(screen.getByRole('button', { name: buttonName('保存') }));
    const again = await screen.findByRole('dialog');
    await user.click(within(again).getByRole('button', { name: '载入最新内容' }));
    await waitFor(() => expect(screen.queryByText('数据已被他人修改')).toBeNull());

    // both changed 建设地点: the typed text stays, the saved one beside it
    expect(valueOf('建设地点')).toBe('城西');
    const note = within(formItemOf('建设地点')).getByRole('note');
    expect(note.textContent).toContain('最新保存：城北');
    expect(note.textContent).toContain('您填写的：城西');
    // only the other clerk changed 联系人: it shows theirs; only this clerk changed 备注: it stays as typed
    expect(valueOf('联系人')).toBe('王五');
    expect(within(formItemOf('联系人')).queryByRole('note')).toBeNull();
    expect(valueOf('备注')).toBe('张三的备注');
    expect(within(formItemOf('备注')).queryByRole('note')).toBeNull();

    await user.click(screen.getByRole('button', { name: buttonName('保存') }));
    await waitFor(() => expect(location.history.at(-1)).toBe(`/projects/${project.id}`));
    expect(await app.ok('projects.get', { id: project.id })).toMatchObject({
      location: '城西',
      contactPerson: '王五',
      note: '张三的备注',
      version: 3,
    });
  });

  it('载入最新内容后点“采用最新”：该栏换成他人保存的内容，比对提示消失', async () => {
    app = await installRealApi({ demo: false, operator: '张三' });
    const project = await seedProject(app, { location: '城南' });
    await renderProjectRoutes(app, `/projects/${project.id}/edit`);
    await screen.findByText('基本信息');
    await savedMeanwhileBy('李四', project.id, { location: '城北', contactPerson: '' });
    await user.clear(screen.getByLabelText('建设地点'));
    await user.type(screen.getByLabelText('建设地点'), '城西');
    await user.click(screen.getByRole('button', { name: buttonName('保存') }));
    const dialog = await screen.findByRole('dialog');
    // another day's change names the day too
    expect(within(dialog).getByText(/^已被 李四 于 \d+月\d+日 \d\d:\d\d 修改，请刷新后再改$/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: '载入最新内容' }));

    const item = await waitFor(() => {
      const found = formItemOf('建设地点');
      expect(within(found).getByRole('note')).toBeTruthy();
      return found;
    });
    await user.click(within(item).getByRole('button', { name: '采用最新' }));
    expect(valueOf('建设地点')).toBe('城北');
    expect(within(formItemOf('建设地点')).queryByRole('note')).toBeNull();
  });
});

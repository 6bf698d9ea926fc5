import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { TempApp } from '../helpers/temp-app';
import { renderProjectRoutes, seedProject } from './project-harness';
import { installRealApi } from './real-api';

// 名单与停缓建 on the project page (issue #17): a clerk records a 调入 and a 缓建 and sees them there.

let app: TempApp;
afterEach(() => app?.close());

const dialog = async (title: string) => {
  const heading = await screen.findByText(title, { selector: '.ant-modal-title, .ant-modal-title *' });
  return heading.closest<HTMLElement>('.ant-modal')!;
};

async function choose(scope: HTMLElement, label: string, option: string) {
  fireEvent.mouseDown(within(scope).getByLabelText(label));
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find(
      (el) => el.getAttribute('title') === option,
    );
    if (!found) throw new Error(`选项“${option}”未出现`);
    return found;
  });
  fireEvent.click(item);
}

const panel = () => screen.getByRole('heading', { name: /^名单与停缓建/ }).closest('section') as HTMLElement;

describe('项目页 › 名单与停缓建', { timeout: 60_000 }, () => {
  it('调入湘潭市重点（日期默认今天，原因必填），再缓建：名单、记录和预警栏随即显示', async () => {
    app = await installRealApi({ demo: false });
    const { levels } = await app.ok('reference.list', {});
    const project = await seedProject(app, {
      stage: 'new_start',
      plannedStartDate: '2026-03-01',
      levelIds: [levels.find((l) => l.name === '市本级重点')!.id],
    });
    await renderProjectRoutes(app, `/projects/${project.id}`);
    await screen.findByText('现在所在名单', {}, { timeout: 10_000 });
    expect(within(panel()).getByText('建档时已列入', { selector: '.ms-level *' })).toBeTruthy();

    const user = userEvent.setup();
    await user.click(within(panel()).getByRole('button', { name: '调入名单…' }));
    const transfer = await dialog('调入名单');
    await choose(transfer, '调入名单', '湘潭市重点');
    await user.click(within(transfer).getByRole('button', { name: '记录调入' }));
    expect(await within(transfer).findByText('请填写调入原因')).toBeTruthy();
    await user.type(within(transfer).getByLabelText('调入原因'), '湘潭市年中增补');
    await user.click(within(transfer).getByRole('button', { name: '记录调入' }));
    await waitFor(() => expect(within(panel()).getByText('湘潭市年中增补')).toBeTruthy(), { timeout: 10_000 });
    expect(within(panel()).getByText('2026-11-28调入')).toBeTruthy();

    await user.click(within(panel()).getByRole('button', { name: '停建/缓建…' }));
    const pause = await dialog('停建/缓建');
    await user.type(within(pause).getByLabelText('缓建原因'), '企业融资未落实');
    await user.click(within(pause).getByRole('button', { name: '记录缓建' }));
    await waitFor(() => expect(within(panel()).getByRole('button', { name: '复工…' })).toBeTruthy());
    const lights = screen.getByRole('region', { name: '预警' });
    await waitFor(() => expect(lights.textContent).toContain('2026-11-28起缓建：企业融资未落实'));
    expect(lights.textContent).not.toContain('红灯');

    const stays = (await app.ok('levels.history', { projectId: project.id })).stays;
    expect(stays.map((s) => [s.levelName, s.joinedOn, s.joinReason])).toEqual([
      ['市本级重点', null, ''],
      ['湘潭市重点', '2026-11-28', '湘潭市年中增补'],
    ]);
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApprovalsPanel } from '../../renderer/pages/project/ApprovalsPanel';
import { ProjectPage } from '../../renderer/pages/project/ProjectPage';
import type { TempApp } from '../helpers/temp-app';
import { seedProject } from './project-harness';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

let app: TempApp;
afterEach(() => app?.close());

/** Types into a cell as one paste (each keystroke redraws the checklist); a date is confirmed with Enter. */
async function enter(label: string, text: string, isDate = false) {
  await userEvent.click(screen.getByLabelText(label));
  await userEvent.paste(text);
  if (isDate) await userEvent.keyboard('{Enter}');
}

/** A button by its text, found without a role query (slow beside the checklist's inputs). */
const button = (text: string) => within(panel()).getByText(text).closest('button') as HTMLButtonElement;

function panel(): HTMLElement {
  return screen.getByRole('heading', { name: /^前期手续/ }).closest('section') as HTMLElement;
}

/** The checklist's rows as the clerk reads them: 序号, name, 审批部门, 办理状态, 实际办结, 提示. */
function checklistRows() {
  const table = screen.getByRole('table', { name: '前期手续清单' });
  // rows by selector: a role query inside a table of antd inputs takes seconds
  return [...table.querySelectorAll('tbody tr')].map((row) => {
    const cells = row.querySelectorAll('td');
    const input = (cell: Element) => cell.querySelector('input')?.value ?? cell.textContent;
    return [
      cells[0].textContent,
      input(cells[1]),
      input(cells[2]),
      cells[3].querySelector('.ant-select-content, .ant-select-selection-item')?.textContent ?? cells[3].textContent,
      input(cells[5]),
      cells[8].textContent,
    ];
  });
}

describe('项目页的前期手续', { timeout: 60_000 }, () => {
  it('空清单按项目类别的模板建立，填实际办结即为已办结；保存后进度与预警随之更新', async () => {
    app = await installRealApi({ demo: false, today: '2026-11-28' });
    const project = await seedProject(app, { category: 'livelihood' });
    await renderPage(<ProjectPage id={project.id} />, { app, path: `/projects/${project.id}` });
    await screen.findByText(/该项目尚未建立前期手续清单。可按“社会民生”模板列出9项手续/);
    expect(await app.ok('approvals.list', { projectId: project.id })).toMatchObject({ items: [] });

    await userEvent.click(button('按模板建立清单'));
    expect(within(panel()).getByText('有未保存的修改')).toBeTruthy();
    const rows = checklistRows();
    expect(rows).toHaveLength(9);
    expect(rows[0]).toEqual(['1', '立项/备案', '发改局', '未启动', '', '']);
    expect(rows[5][1]).toBe('稳评');

    await enter('立项/备案实际办结', '2026-10-08', true);
    await enter('立项/备案批复文号', '湘发改备〔2026〕31号');
    await enter('环评批复计划办结', '2026-11-20', true);
    await waitFor(() => expect(checklistRows()[0]).toEqual(['1', '立项/备案', '发改局', '已办结', '2026-10-08', '']));
    expect(checklistRows()[4]).toEqual(['5', '环评批复', '生态环境局', '未启动', '', '逾期8天']);

    await userEvent.click(button('保存手续'));
    expect(await screen.findByText('前期手续已保存')).toBeTruthy();
    expect(await within(panel()).findByText('已办结1/9，缺用地预审与选址意见书、建设用地规划许可证等8项')).toBeTruthy();
    await waitFor(() => expect(within(panel()).queryByText('有未保存的修改')).toBeNull());
    // the project's lights, at the top of the page, name the late item as a node's would be
    expect(await screen.findByText('环评批复 逾期8天')).toBeTruthy();
    const saved = await app.ok('approvals.list', { projectId: project.id });
    expect(saved.items[0]).toMatchObject({
      status: 'done',
      actualDate: '2026-10-08',
      docNumber: '湘发改备〔2026〕31号',
    });
  });

  it('只读时（领导）清单以文字显示，没有编辑和保存', async () => {
    app = await installRealApi({ demo: false, today: '2026-11-28' });
    const project = await seedProject(app);
    const checklist = await app.ok('approvals.save', {
      projectId: project.id,
      items: [
        {
          name: '环评批复',
          department: '生态环境局',
          plannedDate: '2026-11-20',
          actualDate: null,
          docNumber: '',
          status: 'in_progress',
          note: '',
        },
      ],
    });
    await renderPage(
      <section>
        <h3>前期手续</h3>
        <ApprovalsPanel
          checklist={checklist}
          today="2026-11-28"
          dueDays={7}
          readOnly
          onSaved={vi.fn()}
          onDirtyChange={vi.fn()}
        />
      </section>,
    );
    expect(screen.getByText('已办结0/1，缺环评批复')).toBeTruthy();
    expect(checklistRows()).toEqual([['1', '环评批复', '生态环境局', '办理中', '', '逾期8天']]);
    expect(screen.queryByRole('button', { name: '保存手续' })).toBeNull();
    expect(screen.queryByRole('button', { name: /添加手续/ })).toBeNull();
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
  });
});

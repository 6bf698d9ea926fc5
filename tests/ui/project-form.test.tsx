import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { TempApp } from '../helpers/temp-app';
import { buttonName, formItemOf, renderProjectRoutes, seedProject } from './project-harness';
import { installRealApi } from './real-api';

let app: TempApp;
afterEach(() => app?.close());
const user = userEvent.setup({ delay: null });

async function choose(label: string, option: string) {
  await user.click(screen.getByLabelText(label));
  const choices = await screen.findAllByTitle(option);
  await user.click(choices[choices.length - 1]);
}

describe('项目表单', { timeout: 30_000 }, () => {
  it('按万元填写的金额以整数元保存', async () => {
    app = await installRealApi({ demo: false });
    const { chains } = await app.ok('reference.list', {});
    const location = await renderProjectRoutes(app, '/projects/new');
    await screen.findByText('基本信息');
    await user.type(screen.getByLabelText('项目名称'), '湘乡市新材料产业园标准厂房');
    await choose('阶段', '前期');
    await choose('产业链', chains[0].name);
    await waitFor(() =>
      expect((screen.getByLabelText('项目编号') as HTMLInputElement).value).toBe(`${chains[0].code}-2026-001`),
    );
    await user.type(screen.getByLabelText('建设单位'), '湘乡市城市建设投资有限公司');
    await user.type(screen.getByLabelText('总投资'), '1234.56');
    await user.type(screen.getByLabelText('截至上年底累计完成投资'), '1,000');
    await user.click(screen.getByRole('button', { name: buttonName('保存') }));

    await waitFor(() => expect(location.history.at(-1)).toMatch(/^\/projects\/\d+$/));
    const [row] = await app.ok('projects.list', {});
    const stored = await app.ok('projects.get', { id: row.id });
    expect(stored.name).toBe('湘乡市新材料产业园标准厂房');
    expect(stored.totalInvestmentYuan).toBe(12_345_600);
    expect(stored.investedBeforeYearYuan).toBe(10_000_000);
    expect(stored.code).toMatch(new RegExp(`^${chains[0].code}-2026-\\d{3}$`));
    expect(await screen.findByText('已保存')).toBeTruthy();
  });

  it('未填项目名称时在该栏下提示“请填写项目名称”，不保存', async () => {
    app = await installRealApi({ demo: false });
    const location = await renderProjectRoutes(app, '/projects/new');
    await screen.findByText('基本信息');
    await user.type(screen.getByLabelText('建设单位'), '湘乡市城市建设投资有限公司');
    await user.click(screen.getByRole('button', { name: buttonName('保存') }));

    expect(await within(formItemOf('项目名称')).findByText('请填写项目名称')).toBeTruthy();
    expect(within(formItemOf('建设单位')).queryByRole('alert')).toBeNull();
    expect(location.history.at(-1)).toBe('/projects/new');
    expect(await app.ok('projects.list', {})).toEqual([]);
    expect((screen.getByLabelText('建设单位') as HTMLInputElement).value).toBe('湘乡市城市建设投资有限公司');
  });

  it('计划竣工日期早于计划开工日期时当场提示', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { plannedStartDate: '2026-05-01', plannedCompletionDate: '2027-12-31' });
    await renderProjectRoutes(app, `/projects/${project.id}/edit`);
    const box = (await screen.findByLabelText('计划竣工日期')) as HTMLInputElement;
    await user.clear(box);
    await user.type(box, '2026-03-01{Enter}');

    expect(await within(formItemOf('计划竣工日期')).findByText('计划竣工日期不能早于计划开工日期')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: buttonName('保存') }));
    expect((await app.ok('projects.get', { id: project.id })).plannedCompletionDate).toBe('2027-12-31');
  });

  it('计划开工、竣工日期不在建设起止年限内时提醒核对，但仍可保存', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { startYear: 2025, endYear: 2027 });
    const location = await renderProjectRoutes(app, `/projects/${project.id}/edit`);
    const start = (await screen.findByLabelText('计划开工日期')) as HTMLInputElement;
    await user.type(start, '2026-03-01{Enter}');
    await user.type(screen.getByLabelText('计划竣工日期'), '2028-06-30{Enter}');

    const warning = '计划竣工日期不在建设起止年限（2025—2027）内，请核对';
    // amber, as a warning, not red as an error
    const shown = await within(formItemOf('计划竣工日期')).findByText(warning);
    expect(shown.closest('.ant-form-item-explain-warning')).toBeTruthy();
    expect(within(formItemOf('计划开工日期')).queryByText(/建设起止年限/)).toBeNull();

    // correcting the years clears it; moving the start out of them warns there instead
    const endYear = screen.getByLabelText('建设结束年');
    await user.clear(endYear);
    await user.type(endYear, '2028');
    await waitFor(() => expect(within(formItemOf('计划竣工日期')).queryByText(/建设起止年限/)).toBeNull());
    const startYear = screen.getByLabelText('建设起始年');
    await user.clear(startYear);
    await user.type(startYear, '2027');
    expect(
      await within(formItemOf('计划开工日期')).findByText('计划开工日期不在建设起止年限（2027—2028）内，请核对'),
    ).toBeTruthy();

    await user.click(screen.getByRole('button', { name: buttonName('保存') }));
    await waitFor(() => expect(location.history.at(-1)).toBe(`/projects/${project.id}`));
    expect(await app.ok('projects.get', { id: project.id })).toMatchObject({
      startYear: 2027,
      endYear: 2028,
      plannedStartDate: '2026-03-01',
      plannedCompletionDate: '2028-06-30',
    });
  });

  it('项目编号重复时，服务端的提示显示在项目编号栏下，已填内容不丢失', async () => {
    app = await installRealApi({ demo: false });
    await seedProject(app, { code: 'DQ-2026-001', name: '第一个项目' });
    const second = await seedProject(app, { code: 'DQ-2026-002', name: '第二个项目' });
    await renderProjectRoutes(app, `/projects/${second.id}/edit`);
    const code = (await screen.findByLabelText('项目编号')) as HTMLInputElement;
    await user.clear(code);
    await user.type(code, 'DQ-2026-001');
    await user.clear(screen.getByLabelText('形象进度'));
    await user.type(screen.getByLabelText('形象进度'), '完成土地平整');
    await user.click(screen.getByRole('button', { name: buttonName('保存') }));

    expect(await within(formItemOf('项目编号')).findByText('项目编号“DQ-2026-001”已被其他项目使用')).toBeTruthy();
    expect(code.value).toBe('DQ-2026-001');
    expect((screen.getByLabelText('形象进度') as HTMLInputElement).value).toBe('完成土地平整');
    expect((await app.ok('projects.get', { id: second.id })).code).toBe('DQ-2026-002');
  });

  it('修改后只提交改动的栏目，回到项目页可见变更记录', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { progressText: '完成土地平整', totalInvestmentYuan: 500_000_000 });
    const location = await renderProjectRoutes(app, `/projects/${project.id}/edit`);
    const progress = await screen.findByLabelText('形象进度');
    await user.clear(progress);
    await user.type(progress, '主体结构封顶');
    const total = screen.getByLabelText('总投资');
    await user.clear(total);
    await user.type(total, '52000.5');
    await user.keyboard('{Control>}s{/Control}');

    await waitFor(() => expect(location.history.at(-1)).toBe(`/projects/${project.id}`));
    const history = await screen.findByText('变更记录');
    const table = history.closest('section') as HTMLElement;
    const progressRow = (await within(table).findByText('形象进度')).closest('tr') as HTMLElement;
    expect(progressRow.textContent).toMatch(/完成土地平整\s*→\s*主体结构封顶/);
    const totalRow = within(table).getByText('总投资').closest('tr') as HTMLElement;
    expect(totalRow.textContent).toMatch(/50,000\.00万元\s*→\s*52,000\.50万元/);
    expect(within(table).getByText('新建项目')).toBeTruthy();
    const rows = await app.ok('projects.history', { id: project.id });
    expect(
      rows
        .filter((r) => r.action === 'update')
        .map((r) => r.field)
        .sort(),
    ).toEqual(['progressText', 'totalInvestmentYuan']);
  });

  it('在单行输入框中按回车跳到下一栏，不提交', async () => {
    app = await installRealApi({ demo: false });
    const location = await renderProjectRoutes(app, '/projects/new');
    await screen.findByText('基本信息');
    await user.click(screen.getByLabelText('责任人'));
    await user.keyboard('张三{Enter}');
    expect(document.activeElement).toBe(screen.getByLabelText('联系人'));
    await user.keyboard('李四{Enter}');
    expect(document.activeElement).toBe(screen.getByLabelText('联系电话'));
    expect(location.history.at(-1)).toBe('/projects/new');
    expect(await app.ok('projects.list', {})).toEqual([]);
  });

  it('有未保存的修改时点“取消”先确认，选择继续填写则留在本页', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app);
    const location = await renderProjectRoutes(app, `/projects/${project.id}/edit`);
    await user.type(await screen.findByLabelText('备注'), '待核实');
    await user.click(screen.getByRole('button', { name: buttonName('取消') }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getAllByText('放弃未保存的修改？').length).toBeGreaterThan(0);
    await user.click(within(dialog).getByRole('button', { name: '继续填写' }));
    expect(location.history.at(-1)).toBe(`/projects/${project.id}/edit`);
    expect((screen.getByLabelText('备注') as HTMLTextAreaElement).value).toBe('待核实');

    await user.click(screen.getByRole('button', { name: buttonName('取消') }));
    // the first dialog may still be fading out; the new one is last
    const leave = await screen.findAllByRole('button', { name: '放弃并离开' });
    await user.click(leave[leave.length - 1]);
    await waitFor(() => expect(location.history.at(-1)).toBe(`/projects/${project.id}`));
  });

  it('已停用的产业链仍显示在原有项目上并标明“（已停用）”', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app);
    await app.ok('reference.setRetired', { kind: 'chain', id: project.chainId, retired: true });
    await renderProjectRoutes(app, `/projects/${project.id}/edit`);
    const chainItem = await waitFor(() => formItemOf('产业链'));
    expect(await within(chainItem).findByText(`${project.chainName}（已停用）`)).toBeTruthy();
  });

  it('选择新开工时提示须填写本年度内的计划开工日期', async () => {
    app = await installRealApi({ demo: false });
    await renderProjectRoutes(app, '/projects/new');
    await screen.findByText('基本信息');
    await choose('阶段', '新开工');
    expect(await within(formItemOf('计划开工日期')).findByText('列入新开工须填写计划开工日期')).toBeTruthy();
    expect(within(formItemOf('阶段')).getByText('新开工须填写2026年内的计划开工日期')).toBeTruthy();
  });

  it('金额格式不对时提示原因，输入的内容保留在框中', async () => {
    app = await installRealApi({ demo: false });
    await renderProjectRoutes(app, '/projects/new');
    const total = (await screen.findByLabelText('总投资')) as HTMLInputElement;
    await user.type(total, '12.345');
    await user.tab();
    expect(await within(formItemOf('总投资')).findByText('金额最多保留两位小数（万元）')).toBeTruthy();
    expect(total.value).toBe('12.345');
  });
});

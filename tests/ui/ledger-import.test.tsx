import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LedgerImportPanel } from '../../renderer/pages/ledger/LedgerImportPanel';
import { buildXlsx, type TestCell } from '../helpers/spreadsheets';
import type { TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

// antd tables are heavy in jsdom and reading a workbook takes a moment on a shared machine
vi.setConfig({ testTimeout: 90_000 });

// jsdom runs no CSS transitions, so antd's brief pointer-events:none while a popup opens never ends
const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const WAN = 10_000;

let app: TempApp | undefined;

afterEach(async () => {
  vi.restoreAllMocks();
  await app?.close();
  app = undefined;
});

/** Every call the panel makes goes to the real API; the method names are recorded in order. */
function watchApi(target: TempApp): string[] {
  const methods: string[] = [];
  window.api = {
    invoke: (method, input) => {
      methods.push(method);
      return target.call(method, input);
    },
  };
  return methods;
}

async function renderPanel(target: TempApp) {
  await renderPage(<LedgerImportPanel />, { app: target });
}

const fileInput = () => screen.getByLabelText<HTMLInputElement>('选择台账文件');
const confirmButton = () => screen.getByRole('button', { name: /确认导入|正在导入/ });

function fileOf(bytes: Uint8Array, name: string, type = XLSX_TYPE): File {
  return new File([new Uint8Array(bytes)], name, { type });
}

/** The body rows of the table named `label`, each as its cells' texts. */
function tableRows(label: string): string[][] {
  const table = screen.getByRole('table', { name: label });
  return [...table.querySelectorAll('tbody tr.ant-table-row')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
  );
}

async function confirmInDialog(label: string) {
  const dialog = await waitFor(() => {
    const found = document.querySelector<HTMLElement>('.ant-modal-confirm');
    if (!found) throw new Error('确认框未出现');
    return found;
  });
  const text = dialog.textContent ?? '';
  await user.click(within(dialog).getByRole('button', { name: label }));
  return text;
}

/** An office's ledger: a title, one header row, a section, two good rows and one whose 总投资 is words. */
function ledgerRows(): TestCell[][] {
  return [
    ['湘乡市2026年重点项目建设台账'],
    ['序号', '项目名称', '建设单位', '总投资（万元）', '阶段', '产业链', '责任单位'],
    ['一、前期项目'],
    [1, '东山电子元器件产业园', '湖南东山电子有限公司', 35000, '前期', '电子信息', '市工信局'],
    [2, '智能终端配套产业园', '湘乡智能终端有限公司', 12800.5, '前期', '电子信息', '市工信局、市发改局'],
    [3, '红仑大道改造', '湘乡市城市建设投资有限公司', '约一百', '前期', '电子信息', '市住建局'],
  ];
}

describe('导入已有台账', () => {
  it('预览列出新建的项目和有错误的行；勾选跳过后确认导入，只写入两个好项目并说明备份', async () => {
    app = await installRealApi({ demo: false });
    await renderPanel(app);
    expect(screen.getByRole('heading', { name: '导入已有台账' })).toBeTruthy();
    expect(screen.getByText(/旧版\.xls请先另存为\.xlsx/)).toBeTruthy();
    expect(fileInput().accept).toBe('.xlsx,.csv,.xls');

    const bytes = await buildXlsx([{ name: '台账', rows: ledgerRows(), merges: ['A1:G1', 'A3:G3'] }]);
    await user.upload(fileInput(), fileOf(bytes, '2026年台账.xlsx'));

    const summary = await screen.findByText(/^新建 \d+ 个项目/);
    expect(summary.textContent).toBe('新建 2 个项目，更新 0 个，无变化 0 个；跳过分节、小计等 1 行；1 行有错误');
    expect(screen.getByText('2026年台账.xlsx')).toBeTruthy();
    expect(screen.getByText('读取工作表：台账')).toBeTruthy();

    // the rows with errors come first: sheet, Excel row number, name, reason
    expect(screen.getByRole('tab', { name: '有错误（1）' }).getAttribute('aria-selected')).toBe('true');
    expect(tableRows('有错误的行')).toEqual([['台账', '6', '红仑大道改造', '“总投资（万元）”不是数字：约一百']]);

    await user.click(screen.getByRole('tab', { name: '新建（2）' }));
    const created = tableRows('新建的项目');
    expect(created.map(([row, , stage, chain, total, plan]) => [row, stage, chain, total, plan])).toEqual([
      ['4', '前期', '电子信息', '35,000.00', '0.00'],
      ['5', '前期', '电子信息', '12,800.50', '0.00'],
    ]);
    expect(created[0][1]).toMatch(/^东山电子元器件产业园DZ-2026-\d{3} · 湖南东山电子有限公司$/);
    expect(screen.getByText('将新增单位：市工信局、市发改局')).toBeTruthy();

    // with an error row left, nothing is imported until the clerk chooses to skip it
    expect(confirmButton()).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('checkbox', { name: '跳过这 1 行，只导入其余项目' }));
    expect(confirmButton()).toHaveProperty('disabled', false);
    await user.click(confirmButton());
    const asked = await confirmInDialog('开始导入');
    expect(asked).toContain(
      '将新建 2 个、更新 0 个项目。有错误的 1 行不导入。导入前会自动备份数据库，可在备份中恢复。',
    );

    const done = await screen.findByText(/^已导入：/, {}, { timeout: 30_000 });
    expect(done.textContent).toMatch(/^已导入：新建 2 个项目，更新 0 个项目。导入前的数据已备份：[^/\\]+$/);
    expect(screen.getByText(/^未导入有错误的 1 行：第6行 红仑大道改造。/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '到项目库查看' }).getAttribute('href')).toBe('#/projects');

    const projects = await app.ok('projects.list', {});
    expect(projects.map((p) => [p.name, p.totalInvestmentYuan, p.chainName, p.responsibleUnitNames]).sort()).toEqual([
      ['东山电子元器件产业园', 35_000 * WAN, '电子信息', ['市工信局']],
      ['智能终端配套产业园', 128_005_000, '电子信息', ['市工信局', '市发改局']],
    ]);

    await user.click(screen.getByRole('button', { name: '重新选择文件' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '选择文件…' }));
    expect(screen.queryByText(/^已导入：/)).toBeNull();
  });

  it('拖入旧版 .xls 文件：显示“另存为”的说明，什么也不写', async () => {
    app = await installRealApi({ demo: false });
    await renderPanel(app);
    const ole = fileOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), '旧台账.xls', '');
    fireEvent.drop(screen.getByTestId('ledger-import-drop'), { dataTransfer: { files: [ole], types: ['Files'] } });

    expect(await screen.findByText(/“另存为”Excel工作簿（\.xlsx）后再导入/)).toBeTruthy();
    expect(screen.getByText('旧台账.xls')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /确认导入/ })).toBeNull();
    expect(await app.ok('projects.list', {})).toEqual([]);
  });

  it('超过上限的文件（200 MB）不读取、不送去核对，直接说明文件过大', async () => {
    app = await installRealApi({ demo: false });
    const methods = watchApi(app);
    await renderPanel(app);
    const huge = fileOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), '全市台账.xlsx');
    Object.defineProperty(huge, 'size', { value: 200 * 1024 * 1024 });
    const read = vi.spyOn(huge, 'arrayBuffer');

    await user.upload(fileInput(), huge);

    const message = await screen.findByText(/^文件过大（200\.0 MB）/);
    expect(message.textContent).toContain('超过20.0 MB的上限，未读取');
    expect(read).not.toHaveBeenCalled();
    expect(methods).not.toContain('ledger.previewImport');
    expect(screen.queryByText('正在读取并核对…')).toBeNull();
  });

  it('表中没有产业链一列时逐行推断产业链；推断不出的行在错误中选定产业链后重新核对，错误消失', async () => {
    app = await installRealApi({ demo: false });
    const methods = watchApi(app);
    await renderPanel(app);
    const rows: TestCell[][] = [
      ['项目名称', '建设单位', '总投资（万元）', '阶段'],
      ['金石智能铸造基地', '湖南金石铸造有限公司', 60000, '储备'],
      ['城区停车场', '湘乡市城市建设投资有限公司', 6000, '储备'],
    ];
    await user.upload(fileInput(), fileOf(await buildXlsx([{ name: 'Sheet1', rows }]), '铸造.xlsx'));

    expect(await screen.findByText(/^新建 1 个项目.*1 行有错误$/)).toBeTruthy();
    expect(screen.getByText(/表中没有“产业链”一列：已按项目名称和建设单位逐行推断/)).toBeTruthy();
    expect(tableRows('有错误的行')[0][3]).toContain('无法从项目名称和建设单位推断');

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '产业链：城区停车场' }));
    const option = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('.ant-select-item-option[title="数字创意"]');
      if (!found) throw new Error('产业链选项未出现');
      return found;
    });
    fireEvent.click(option);

    expect(await screen.findByText('新建 2 个项目，更新 0 个，无变化 0 个')).toBeTruthy();
    expect(methods.filter((m) => m === 'ledger.previewImport')).toHaveLength(2);
    await user.click(screen.getByRole('tab', { name: '新建（2）' }));
    const chains = tableRows('新建的项目').map((cells) => cells[3]);
    expect(chains[0]).toMatch(/^智能铸造.*含/);
    expect(chains[1]).toBe('数字创意已选定');
    expect(screen.queryByRole('checkbox', { name: /跳过这/ })).toBeNull();
    expect(confirmButton()).toHaveProperty('disabled', false);
  });

  it('单写“累计完成投资”的列先问清含义：确认前不能导入，确认后按本年完成记入', async () => {
    app = await installRealApi({ demo: false });
    await renderPanel(app);
    const rows: TestCell[][] = [
      ['项目名称', '建设单位', '阶段', '产业链', '年度计划', '累计完成投资', '实际开工'],
      ['老厂技改', '湘高电器有限公司', '续建', '电力电工电气', 1000, 640.5, '2025-03-01'],
    ];
    await user.upload(fileInput(), fileOf(await buildXlsx([{ name: 'Sheet1', rows }]), '月报.xlsx'));

    // asked above the tables, and beside the column in 列对应
    const asked = await screen.findAllByText(/^“累计完成投资”没有写明是本年累计还是自开工累计/);
    expect(asked).toHaveLength(2);
    expect(asked[0].textContent).toContain('已按“本年完成投资（1—N月）”读取');
    expect(screen.getByRole('tab', { name: /列对应（7列，1列待确认）/ }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('combobox', { name: '“累计完成投资”读作' })).toBeTruthy();
    expect(confirmButton()).toHaveProperty('disabled', true);
    expect(screen.getByText('请先确认“累计完成投资”一列的含义')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: '确认按此读取' }));
    await waitFor(() => expect(screen.queryByText(/没有写明是本年累计还是自开工累计/)).toBeNull());
    expect(screen.getByText('已按您的选择读取')).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: '新建（1）' }));
    const [created] = tableRows('新建的项目');
    expect(created.slice(4)).toEqual(['0.00', '1,000.00', '640.50', '640.50']);
    expect(confirmButton()).toHaveProperty('disabled', false);
  });

  it('预览之后库中数据有变化：确认时说明需重新预览，点“重新预览”后按最新数据列出', async () => {
    app = await installRealApi({ demo: false });
    await renderPanel(app);
    const rows = ledgerRows().slice(0, 5);
    await user.upload(fileInput(), fileOf(await buildXlsx([{ name: '台账', rows }]), '台账.xlsx'));
    expect(await screen.findByText('新建 2 个项目，更新 0 个，无变化 0 个；跳过分节、小计等 1 行')).toBeTruthy();

    // meanwhile someone enters one of the projects by hand
    const chainId = (await app.ok('reference.list', {})).chains.find((c) => c.name === '电子信息')!.id;
    await app.ok('projects.create', {
      name: '东山电子元器件产业园',
      owner: '湖南东山电子有限公司',
      chainId,
      stage: 'preliminary',
      totalInvestmentYuan: 30_000 * WAN,
    });

    await user.click(confirmButton());
    await confirmInDialog('开始导入');
    expect(await screen.findByText('预览之后文件或库中数据已有变化，请重新预览后再导入')).toBeTruthy();
    expect((await app.ok('projects.list', {})).map((p) => p.name)).toEqual(['东山电子元器件产业园']);

    await user.click(screen.getByRole('button', { name: '重新预览' }));
    expect(await screen.findByText('新建 1 个项目，更新 1 个，无变化 0 个；跳过分节、小计等 1 行')).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: '更新（1）' }));
    const [updated] = tableRows('更新的项目');
    expect(updated[1]).toContain('东山电子元器件产业园');
    expect(updated[2]).toContain('总投资：30,000.00万元 → 35,000.00万元');
    expect(screen.queryByText(/请重新预览后再导入/)).toBeNull();
  });
});

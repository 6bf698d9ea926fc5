import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import type { ApiResult, ExportedFile } from '../../electron/api-spec';
import { downloadFile, REVOKE_AFTER_MS } from '../../renderer/download';
import { PrintTab } from '../../renderer/pages/dispatch/PrintTab';
import { LedgerPage } from '../../renderer/pages/ledger/LedgerPage';
import { ProblemsPrintTab } from '../../renderer/pages/problems/ProblemsPrintTab';
import type { TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

// antd pages are heavy in jsdom, the demo data has 120 projects and building a workbook takes a moment
vi.setConfig({ testTimeout: 90_000 });

// jsdom runs no CSS transitions, so antd's brief pointer-events:none while a popup opens never ends
const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });

let app: TempApp | undefined;

interface Call {
  method: string;
  input: unknown;
  result?: ApiResult;
}

/** Every call the page makes goes to the real API; `calls` records them with their answers. */
function watchApi(target: TempApp, override?: (method: string) => Promise<ApiResult> | undefined) {
  const calls: Call[] = [];
  window.api = {
    invoke: async (method, input) => {
      const call: Call = { method, input };
      calls.push(call);
      call.result = await (override?.(method) ?? target.call(method, input));
      return call.result;
    },
  };
  return calls;
}

function exportedBy(calls: Call[], method: string): ExportedFile {
  const call = calls.find((c) => c.method === method);
  if (!call?.result?.ok) throw new Error(`${method} 未成功：${JSON.stringify(call?.result)}`);
  return call.result.data as ExportedFile;
}

interface Download {
  fileName: string;
  blob: Blob | undefined;
  /** the link was in the page when clicked (Firefox ignores detached links) */
  attached: boolean;
}

// jsdom has no object URLs and does not download: record what the page hands to the browser instead
const downloads: Download[] = [];
const blobs = new Map<string, Blob>();
const originalUrl = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };

beforeEach(() => {
  downloads.length = 0;
  blobs.clear();
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:ledger-test/${blobs.size + 1}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => void blobs.delete(url);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ fileName: this.download, blob: blobs.get(this.href), attached: this.isConnected });
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  URL.createObjectURL = originalUrl.create;
  URL.revokeObjectURL = originalUrl.revoke;
  await app?.close();
  app = undefined;
  localStorage.clear();
});

async function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

async function renderWithStatus(target: TempApp, children: ReactNode) {
  const status = await target.ok('app.status', {});
  await renderPage(children, { status });
  return status;
}

const group = (name: string) => screen.getByRole('group', { name });
const exportButton = () => screen.getByRole('button', { name: /导出Excel|正在生成/ });

describe('台账', () => {
  it('页首像其他页面一样写明“台账”', async () => {
    app = await installRealApi({ demo: false });
    await renderWithStatus(app, <LedgerPage />);

    // the page's own title comes first, above the panels' headings
    const [title] = screen.getAllByRole('heading');
    expect(title.tagName).toBe('H1');
    expect(title.textContent).toBe('台账');
  });

  it('显示导出项目台账的选项：计划年度及前两年、全部阶段、全部产业链、总投资单位万元', async () => {
    app = await installRealApi({ demo: true });
    const status = await renderWithStatus(app, <LedgerPage />);

    expect(screen.getByRole('heading', { name: '导出项目台账' })).toBeTruthy();
    const years = within(group('年度')).getAllByRole('radio');
    expect(years.map((radio) => radio.closest('label')?.textContent)).toEqual([
      `${status.planYear}年`,
      `${status.planYear - 1}年`,
      `${status.planYear - 2}年`,
    ]);
    expect(within(group('年度')).getByRole('radio', { name: `${status.planYear}年` })).toHaveProperty('checked', true);

    const stages = within(group('阶段')).getAllByRole('checkbox') as HTMLInputElement[];
    expect(stages.map((box) => box.closest('label')?.textContent)).toEqual(['储备', '前期', '新开工', '续建', '竣工']);
    expect(stages.every((box) => box.checked)).toBe(true);

    expect(within(group('产业链')).getByText('全部产业链')).toBeTruthy();
    expect(within(group('总投资单位')).getByRole('radio', { name: '万元' })).toHaveProperty('checked', true);
    const sheets = within(group('工作表')).getAllByRole('radio');
    expect(sheets.map((radio) => radio.closest('label')?.textContent)).toEqual(['打印版＋完整台账', '只要完整台账']);
    expect(within(group('工作表')).getByRole('radio', { name: '打印版＋完整台账' })).toHaveProperty('checked', true);
    expect(screen.getByText(`${status.cityName}${status.planYear}年重点项目建设台账`, { exact: false })).toBeTruthy();
    expect(screen.getByText(/A3横向/)).toBeTruthy();
    expect(screen.getByText(/“打印版”工作表（打开文件即在此表）只列序号、项目名称/)).toBeTruthy();

    // the import and the fill-in sheets sit below the export, each a working panel
    expect(screen.queryByText('尚未开发，将在后续版本提供')).toBeNull();
    expect(await screen.findByRole('heading', { name: '导入已有台账' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: '责任单位填报表' })).toBeTruthy();
  });

  it('按所选年度、阶段、产业链和单位导出，下载的文件名与生成的文件一致，并提示已导出的项目数', async () => {
    app = await installRealApi({ demo: true });
    const calls = watchApi(app);
    const { chains } = await app.ok('reference.list', {});
    const library = await app.ok('projects.list', {});
    const chosenStages = new Set(['new_start', 'continuing', 'completed']);
    const chain = chains.find((c) => library.some((p) => p.chainId === c.id && chosenStages.has(p.stage)))!;
    const expected = library.filter((p) => p.chainId === chain.id && chosenStages.has(p.stage));
    const status = await renderWithStatus(app, <LedgerPage />);

    await user.click(within(group('年度')).getByRole('radio', { name: `${status.planYear - 1}年` }));
    await user.click(within(group('阶段')).getByRole('checkbox', { name: '储备' }));
    await user.click(within(group('阶段')).getByRole('checkbox', { name: '前期' }));
    fireEvent.mouseDown(within(group('产业链')).getByRole('combobox'));
    const option = await waitFor(() => {
      const found = document.querySelector<HTMLElement>(`.ant-select-item-option[title="${chain.name}"]`);
      if (!found) throw new Error('产业链选项未出现');
      return found;
    });
    fireEvent.click(option);
    await user.click(within(group('总投资单位')).getByRole('radio', { name: '亿元' }));

    await user.click(exportButton());
    const done = await screen.findByText(/^已导出：/, {}, { timeout: 60_000 });

    const exportCalls = calls.filter((c) => c.method === 'ledger.export');
    expect(exportCalls.map((c) => c.input)).toEqual([
      {
        year: status.planYear - 1,
        stages: ['new_start', 'continuing', 'completed'],
        chainIds: [chain.id],
        totalUnit: 'yi',
        sheets: 'printAndFull',
      },
    ]);
    const file = exportedBy(calls, 'ledger.export');
    expect(file.rows).toBe(expected.length);
    expect(XLSX.read(Buffer.from(file.base64, 'base64'), { type: 'buffer' }).SheetNames).toEqual([
      '项目台账',
      '打印版',
    ]);
    expect(done.textContent).toBe(`已导出：${file.fileName}（${expected.length}个项目）`);
    expect(downloads).toHaveLength(1);
    expect(downloads[0].fileName).toBe(file.fileName);
    expect(downloads[0].fileName).toMatch(/\.xlsx$/);
    expect(downloads[0].attached).toBe(true);
    // the bytes handed to the browser are the workbook itself (an xlsx is a zip: “PK”)
    const bytes = await blobBytes(downloads[0].blob!);
    expect(bytes.length).toBe(Buffer.from(file.base64, 'base64').length);
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK');
    expect(downloads[0].blob!.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(exportButton().textContent).toContain('导出Excel');
  });

  it('选“只要完整台账”时文件只有项目台账一张表，说明里不再提打印版', async () => {
    app = await installRealApi({ demo: true });
    const calls = watchApi(app);
    await renderWithStatus(app, <LedgerPage />);

    await user.click(within(group('工作表')).getByRole('radio', { name: '只要完整台账' }));
    expect(screen.queryByText(/“打印版”工作表/)).toBeNull();
    await user.click(exportButton());
    await screen.findByText(/^已导出：/, {}, { timeout: 60_000 });

    expect(
      calls.filter((c) => c.method === 'ledger.export').map((c) => (c.input as { sheets: string }).sheets),
    ).toEqual(['fullOnly']);
    const file = exportedBy(calls, 'ledger.export');
    expect(XLSX.read(Buffer.from(file.base64, 'base64'), { type: 'buffer' }).SheetNames).toEqual(['项目台账']);
  });

  it('不选任何阶段时不能导出，并提示至少选择一个阶段', async () => {
    app = await installRealApi({ demo: true });
    await renderWithStatus(app, <LedgerPage />);
    for (const stage of ['储备', '前期', '新开工', '续建', '竣工']) {
      await user.click(within(group('阶段')).getByRole('checkbox', { name: stage }));
    }
    expect(screen.getByText('请至少选择一个阶段')).toBeTruthy();
    expect(exportButton()).toHaveProperty('disabled', true);
  });

  it('生成时按钮显示“正在生成…”，导出失败时显示中文原因且不下载', async () => {
    app = await installRealApi({ demo: true });
    let refuse: (result: ApiResult) => void = () => {};
    // a refusal the services may give (e.g. the disk is full): held until the page has shown its progress
    const calls = watchApi(app, (method) =>
      method === 'ledger.export' ? new Promise<ApiResult>((resolve) => (refuse = resolve)) : undefined,
    );
    await renderWithStatus(app, <LedgerPage />);

    await user.click(exportButton());
    await waitFor(() => expect(exportButton().textContent).toContain('正在生成…'));
    // a second click while the file is being made starts no second file
    await user.click(exportButton());
    expect(calls.filter((c) => c.method === 'ledger.export')).toHaveLength(1);

    refuse({ ok: false, error: { code: 'export_failed', message: '磁盘空间不足，台账未能生成' } });
    expect(await screen.findByText('导出失败：磁盘空间不足，台账未能生成')).toBeTruthy();
    expect(downloads).toHaveLength(0);
    expect(exportButton().textContent).toContain('导出Excel');
    expect(exportButton()).toHaveProperty('disabled', false);
  });
});

describe('打印页的导出Excel', () => {
  it('周调度表按当前的周次、分组、范围和链长导出', async () => {
    app = await installRealApi({ demo: true });
    const calls = watchApi(app);
    await renderWithStatus(app, <PrintTab week="2026-W48" />);
    await waitFor(() => expect(exportButton()).toHaveProperty('disabled', false), { timeout: 30_000 });

    await user.click(within(group('范围')).getByRole('radio', { name: /红黄灯/ }));
    await user.click(exportButton());
    const done = await screen.findByText(/^已导出：/, {}, { timeout: 60_000 });

    expect(calls.filter((c) => c.method === 'ledger.exportDispatch').map((c) => c.input)).toEqual([
      { week: '2026-W48', groupBy: 'chainLead', scope: 'redYellow' },
    ]);
    const file = exportedBy(calls, 'ledger.exportDispatch');
    expect(done.textContent).toBe(`已导出：${file.fileName}（${file.rows}个项目）`);
    expect(downloads.map((d) => d.fileName)).toEqual([file.fileName]);
  });

  it('问题清单按当前的分组和范围导出', async () => {
    app = await installRealApi({ demo: true });
    const calls = watchApi(app);
    await renderWithStatus(app, <ProblemsPrintTab />);
    await user.click(screen.getByRole('radio', { name: '问题清单' }));
    await user.click(within(group('分组')).getByRole('radio', { name: '按链长' }));
    await user.click(within(group('范围')).getByRole('radio', { name: '全部' }));
    await waitFor(() => expect(exportButton()).toHaveProperty('disabled', false), { timeout: 30_000 });

    await user.click(exportButton());
    const done = await screen.findByText(/^已导出：/, {}, { timeout: 60_000 });

    expect(calls.filter((c) => c.method === 'ledger.exportProblems').map((c) => c.input)).toEqual([
      { groupBy: 'chainLead', scope: 'all' },
    ]);
    const file = exportedBy(calls, 'ledger.exportProblems');
    expect(done.textContent).toBe(`已导出：${file.fileName}（${file.rows}个问题）`);
    expect(downloads.map((d) => d.fileName)).toEqual([file.fileName]);
  });
});

describe('下载', () => {
  it('把文件按原名交给浏览器下载，稍后释放临时地址', async () => {
    vi.useFakeTimers();
    const text = '序号,项目名称\n1,湘乡市示例项目\n';
    downloadFile({ fileName: '示例.csv', base64: Buffer.from(text).toString('base64') });

    expect(downloads.map((d) => d.fileName)).toEqual(['示例.csv']);
    expect(document.querySelector('a[download]')).toBeNull();
    const blob = downloads[0].blob!;
    expect(new TextDecoder().decode(await blobBytes(blob))).toBe(text);
    expect(blobs.size).toBe(1);
    vi.advanceTimersByTime(REVOKE_AFTER_MS);
    expect(blobs.size).toBe(0);
  });
});

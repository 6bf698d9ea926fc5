import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult, ExportedFile, FillinPeriod, FillinResult } from '../../electron/api-spec';
import { fileTooBigMessage } from '../../db/model/import-limits';
import { FillinPanel } from '../../renderer/pages/ledger/FillinPanel';
import type { TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

// antd is heavy in jsdom, the demo has 120 projects and making or reading a workbook takes a moment
vi.setConfig({ testTimeout: 90_000 });

// jsdom runs no CSS transitions, so antd's brief pointer-events:none while a popup opens never ends
const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** demo today is 2026-11-28, a Saturday of ISO week 48 */
const THIS_WEEK: FillinPeriod = { kind: 'week', week: '2026-W48' };
/** the first project row of a fill-in sheet: title, unit line, header above it */
const FIRST_ROW = 4;
const PROGRESS_COLUMN = 5;

let app: TempApp | undefined;

interface Call {
  method: string;
  input: unknown;
  result?: ApiResult;
}

/** Every call the panel makes goes to the real API; `calls` records them with their answers. */
function watchApi(target: TempApp): Call[] {
  const calls: Call[] = [];
  window.api = {
    invoke: async (method, input) => {
      const call: Call = { method, input };
      calls.push(call);
      call.result = await target.call(method, input);
      return call.result;
    },
  };
  return calls;
}

interface Download {
  fileName: string;
  blob: Blob | undefined;
}

// jsdom has no object URLs and does not download: record what the panel hands to the browser instead
const downloads: Download[] = [];
const blobs = new Map<string, Blob>();
const originalUrl = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };

beforeEach(() => {
  downloads.length = 0;
  blobs.clear();
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:fillin-test/${blobs.size + 1}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => void blobs.delete(url);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ fileName: this.download, blob: blobs.get(this.href) });
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  URL.createObjectURL = originalUrl.create;
  URL.revokeObjectURL = originalUrl.revoke;
  await app?.close();
  app = undefined;
});

async function renderPanel(target: TempApp) {
  const status = await target.ok('app.status', {});
  await renderPage(<FillinPanel planYear={status.planYear} />, { status });
}

const unitsGroup = () => screen.getByRole('group', { name: '责任单位' });
const fileInput = () => screen.getByLabelText<HTMLInputElement>('选择填报表文件');
const exportButton = () => screen.getByRole('button', { name: /生成填报表|正在生成/ });
const applyButton = () => screen.getByRole('button', { name: /确认更新|正在更新/ });

function xlsxFile(base64: string, name: string): File {
  return new File([new Uint8Array(Buffer.from(base64, 'base64'))], name, { type: XLSX_TYPE });
}

/** A unit's sheet as the unit sends it back: `change` edits the one visible sheet. */
async function filledIn(file: ExportedFile, change: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  change(workbook.getWorksheet('填报表')!);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

async function firstUnit(target: TempApp) {
  const { units } = await target.ok('fillin.units', { period: THIS_WEEK });
  const unit = units.find((u) => u.projectCount >= 2);
  if (!unit) throw new Error('演示数据中没有项目足够的责任单位');
  return unit;
}

async function confirmInDialog(label: string): Promise<string> {
  const dialog = await waitFor(() => {
    const found = document.querySelector<HTMLElement>('.ant-modal-confirm');
    if (!found) throw new Error('确认框未出现');
    return found;
  });
  const text = dialog.textContent ?? '';
  await user.click(within(dialog).getByRole('button', { name: label }));
  return text;
}

describe('责任单位填报表', () => {
  it('默认本周，列出有项目的责任单位及项目数并全部勾选；只留一个单位时生成该单位的.xlsx并下载', async () => {
    app = await installRealApi({ demo: true });
    const calls = watchApi(app);
    const { units } = await app.ok('fillin.units', { period: THIS_WEEK });
    await renderPanel(app);

    expect(screen.getByRole('heading', { name: '责任单位填报表' })).toBeTruthy();
    expect(screen.getByText('2026年第48周（11月23日—11月29日）')).toBeTruthy();
    await waitFor(() => expect(within(unitsGroup()).getAllByRole('checkbox')).toHaveLength(units.length));
    const boxes = within(unitsGroup()).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((box) => box.closest('label')?.textContent)).toEqual(
      units.map((u) => `${u.unitName}${u.projectCount}个项目`),
    );
    expect(boxes.every((box) => box.checked)).toBe(true);
    expect(within(unitsGroup()).getByText(`已选 ${units.length} / ${units.length} 个单位`)).toBeTruthy();

    await user.click(within(unitsGroup()).getByRole('button', { name: '全不选' }));
    expect(boxes.every((box) => !box.checked)).toBe(true);
    expect(exportButton()).toHaveProperty('disabled', true);
    expect(screen.getByText('请至少选择一个单位')).toBeTruthy();

    const chosen = units[1];
    await user.click(within(unitsGroup()).getByRole('checkbox', { name: new RegExp(`^${chosen.unitName}`) }));
    expect(within(unitsGroup()).getByRole('button', { name: '全选' })).toBeTruthy();
    await user.click(exportButton());
    const done = await screen.findByText(/^已生成：/, {}, { timeout: 60_000 });

    const exports = calls.filter((c) => c.method === 'fillin.export');
    expect(exports.map((c) => c.input)).toEqual([{ period: THIS_WEEK, unitIds: [chosen.unitId] }]);
    const result = exports[0].result;
    if (!result?.ok) throw new Error('fillin.export 未成功');
    const file = result.data as ExportedFile;
    expect(file.fileName).toBe(`湘乡市重点项目填报表（2026年第48周）-${chosen.unitName}.xlsx`);
    expect(done.textContent).toBe(`已生成：${file.fileName}（1个单位，${chosen.projectCount}个项目）`);
    expect(screen.getByText(/^各单位只填白色格子；灰色的项目信息和隐藏的识别码不要改动/)).toBeTruthy();
    expect(downloads.map((d) => d.fileName)).toEqual([file.fileName]);
    const bytes = new Uint8Array(await downloads[0].blob!.arrayBuffer());
    expect(bytes.length).toBe(Buffer.from(file.base64, 'base64').length);
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK');
  });

  it('单位删去了一行：预览写明缺少哪个项目的行，其余照常可以更新', async () => {
    app = await installRealApi({ demo: true });
    const unit = await firstUnit(app);
    const sheet = await app.ok('fillin.export', { period: THIS_WEEK, unitIds: [unit.unitId] });
    let gone = '';
    const contentBase64 = await filledIn(sheet, (s) => {
      gone = `${String(s.getCell(FIRST_ROW, 2).value)} ${String(s.getCell(FIRST_ROW, 3).value)}`;
      s.spliceRows(FIRST_ROW, 1);
    });
    await renderPanel(app);
    await user.upload(fileInput(), xlsxFile(contentBase64, '少一行.xlsx'));
    const summary = await screen.findByText(/^共1份：/, {}, { timeout: 60_000 });
    expect(summary.textContent).toContain('1个项目的行被删去');
    const note = screen.getByRole('note');
    expect(note.textContent).toBe(
      `缺少1个项目的行：${gone}。这些项目本期不算已报送；如是误删，请该单位用原表重新填写。`,
    );
  });

  it('读取单位填好的表：预览显示单位和改动，确认后写入本周调度并说明备份', async () => {
    app = await installRealApi({ demo: true });
    const calls = watchApi(app);
    const unit = await firstUnit(app);
    const sheet = await app.ok('fillin.export', { period: THIS_WEEK, unitIds: [unit.unitId] });
    const progress = '主体结构封顶，开始二次结构施工';
    let code = '';
    const contentBase64 = await filledIn(sheet, (s) => {
      code = String(s.getCell(FIRST_ROW, 2).value);
      s.getCell(FIRST_ROW, PROGRESS_COLUMN).value = progress;
    });
    const before = (await app.ok('dispatch.week', { week: '2026-W48' })).rows.find((r) => r.code === code)!;
    await renderPanel(app);

    await user.upload(fileInput(), xlsxFile(contentBase64, '回收-第48周.xlsx'));
    const summary = await screen.findByText(/^共1份：/, {}, { timeout: 60_000 });
    expect(summary.textContent).toMatch(/^共1份：可读取1份，不读取0份；将更新(\d+)个项目$/);
    const projects = Number(/将更新(\d+)个项目/.exec(summary.textContent ?? '')![1]);
    expect(projects).toBeGreaterThanOrEqual(1);
    const read = screen.getByRole('region', { name: '二、读取收回的填报表' });
    expect(within(read).getByText('回收-第48周.xlsx')).toBeTruthy();
    expect(within(read).getByText(unit.unitName)).toBeTruthy();

    const table = screen.getByRole('table', { name: '回收-第48周.xlsx将更新的项目' });
    const row = within(table).getByText(code).closest('tr')!;
    expect(row.textContent).toContain(`本周进展（形象进度）：${before.progress || '（空）'}→${progress}`);

    await user.click(applyButton());
    const asked = await confirmInDialog('确认更新');
    expect(asked).toContain(`将按填报表更新${projects}个项目。更新前会自动备份数据库。`);
    const done = await screen.findByText(/^已更新\d+个项目。/, {}, { timeout: 60_000 });

    const applied = calls.filter((c) => c.method === 'fillin.apply');
    expect(applied).toHaveLength(1);
    if (!applied[0].result?.ok) throw new Error('fillin.apply 未成功');
    const { backupFile } = applied[0].result.data as FillinResult;
    const backupName = backupFile.split(/[\\/]/).pop()!;
    expect(backupName).toContain('读取填报表前');
    // the clerk sees the backup's own name, not the folder it sits in
    expect(done.textContent).toBe(`已更新${projects}个项目。更新前的数据已备份：${backupName}`);
    // what was read stays on screen as a record, with nothing left to confirm or remove
    expect(screen.getByText(`共1份：已读取1份，未读取0份；已更新${projects}个项目`)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /确认更新/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^移除/ })).toBeNull();
    expect(applied[0].input).toMatchObject({
      period: THIS_WEEK,
      files: [{ fileName: '回收-第48周.xlsx', contentBase64 }],
    });
    const after = (await app.ok('dispatch.week', { week: '2026-W48' })).rows.find((r) => r.code === code)!;
    expect(after).toMatchObject({ progress, confirmed: true });
  });

  it('预览后库中数据又有变化：确认时说明原因并可重新预览，重新预览后按新内容更新', async () => {
    app = await installRealApi({ demo: true });
    const unit = await firstUnit(app);
    const sheet = await app.ok('fillin.export', { period: THIS_WEEK, unitIds: [unit.unitId] });
    const progress = '设备进场安装';
    let code = '';
    const contentBase64 = await filledIn(sheet, (s) => {
      code = String(s.getCell(FIRST_ROW, 2).value);
      s.getCell(FIRST_ROW, PROGRESS_COLUMN).value = progress;
    });
    await renderPanel(app);
    await user.upload(fileInput(), xlsxFile(contentBase64, '回收.xlsx'));
    await screen.findByText(/^共1份：/, {}, { timeout: 60_000 });

    // meanwhile someone enters this project's week on the 周调度 page
    const row = (await app.ok('dispatch.week', { week: '2026-W48' })).rows.find((r) => r.code === code)!;
    await app.ok('dispatch.saveEntry', {
      projectId: row.projectId,
      week: '2026-W48',
      progress: '另一位同事录入的进展',
    });

    await user.click(applyButton());
    await confirmInDialog('确认更新');
    expect(
      await screen.findByText('预览之后文件或库中数据已有变化，请重新预览后再确认', {}, { timeout: 60_000 }),
    ).toBeTruthy();
    expect((await app.ok('dispatch.week', { week: '2026-W48' })).rows.find((r) => r.code === code)?.progress).toBe(
      '另一位同事录入的进展',
    );
    expect(applyButton()).toHaveProperty('disabled', true);

    await user.click(screen.getByRole('button', { name: '重新预览' }));
    const table = await screen.findByRole('table', { name: '回收.xlsx将更新的项目' }, { timeout: 60_000 });
    await waitFor(() =>
      expect(within(table).getByText(code).closest('tr')!.textContent).toContain(
        `本周进展（形象进度）：另一位同事录入的进展→${progress}`,
      ),
    );
    expect(screen.queryByText('预览之后文件或库中数据已有变化，请重新预览后再确认')).toBeNull();
    await user.click(applyButton());
    await confirmInDialog('确认更新');
    await screen.findByText(/^已更新\d+个项目。/, {}, { timeout: 60_000 });
    expect((await app.ok('dispatch.week', { week: '2026-W48' })).rows.find((r) => r.code === code)?.progress).toBe(
      progress,
    );
  });

  it('别的周的填报表整份不读取并说明原因，确认更新不可按', async () => {
    app = await installRealApi({ demo: true });
    const unit = await firstUnit(app);
    const lastWeek = await app.ok('fillin.export', {
      period: { kind: 'week', week: '2026-W47' },
      unitIds: [unit.unitId],
    });
    await renderPanel(app);

    await user.upload(fileInput(), xlsxFile(lastWeek.base64, lastWeek.fileName));
    expect(
      await screen.findByText('这是2026年第47周的填报表，不是2026年第48周的，未读取', {}, { timeout: 60_000 }),
    ).toBeTruthy();
    expect(screen.getByText('共1份：可读取0份，不读取1份；将更新0个项目')).toBeTruthy();
    expect(screen.getByText('不读取')).toBeTruthy();
    expect(applyButton()).toHaveProperty('disabled', true);
    expect(screen.getByText('没有可读取的填报表')).toBeTruthy();
  });

  it('超过大小上限的文件不读取、不提交，直接说明原因', async () => {
    app = await installRealApi({ demo: true });
    const calls = watchApi(app);
    await renderPanel(app);
    const huge = xlsxFile(Buffer.from('PK').toString('base64'), '扫描件.xlsx');
    const size = 200 * 1024 * 1024;
    Object.defineProperty(huge, 'size', { value: size });
    const read = vi.spyOn(huge, 'arrayBuffer');

    await user.upload(fileInput(), huge);
    expect(await screen.findByText(fileTooBigMessage(size))).toBeTruthy();
    expect(screen.getByText('共1份：可读取0份，不读取1份；将更新0个项目')).toBeTruthy();
    expect(read).not.toHaveBeenCalled();
    expect(calls.filter((c) => c.method === 'fillin.preview')).toHaveLength(0);
  });

  it('改选月度投资：列出本月有项目的单位，生成的是该月的填报表', async () => {
    app = await installRealApi({ demo: true });
    const calls = watchApi(app);
    const month: FillinPeriod = { kind: 'month', year: 2026, month: 11 };
    const { units } = await app.ok('fillin.units', { period: month });
    await renderPanel(app);
    await waitFor(() => expect(within(unitsGroup()).getAllByRole('checkbox').length).toBeGreaterThan(0));

    await user.click(screen.getByRole('radio', { name: '月度投资' }));
    expect(screen.getByText('2026年11月')).toBeTruthy();
    await waitFor(() => expect(within(unitsGroup()).getAllByRole('checkbox')).toHaveLength(units.length));
    await user.click(exportButton());
    const done = await screen.findByText(/^已生成：/, {}, { timeout: 60_000 });

    expect(calls.filter((c) => c.method === 'fillin.export').map((c) => c.input)).toEqual([
      { period: month, unitIds: units.map((u) => u.unitId) },
    ]);
    expect(done.textContent).toMatch(
      new RegExp(
        `^已生成：湘乡市重点项目填报表（2026年11月，${units.length}个单位）\\.zip（${units.length}个单位，\\d+个项目）$`,
      ),
    );
    expect(downloads.map((d) => d.fileName)).toEqual([`湘乡市重点项目填报表（2026年11月，${units.length}个单位）.zip`]);
  });
});

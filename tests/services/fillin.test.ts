import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ExportedFile, FillinPeriod } from '../../electron/api-spec';
import { zipEntries } from '../../electron/services/spreadsheet/zip-guard';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// 填报表 round trips on the demo office: sheets go out per unit, come back edited the way a unit would (or
// tampered with), and only what the unit may fill is applied.

let app: TempApp;
beforeAll(async () => {
  app = await createTempApp({ demo: true });
});
afterAll(() => app.close());

const WEEK: FillinPeriod = { kind: 'week', week: '2026-W48' };
const MONTH: FillinPeriod = { kind: 'month', year: 2026, month: 11 };
const FIRST_ROW = 4;

async function unitWithProjects(period: FillinPeriod, min = 2) {
  const { units } = await app.ok('fillin.units', { period });
  const unit = units.find((u) => u.projectCount >= min);
  if (!unit) throw new Error('demo has no unit with enough projects');
  return unit;
}

async function edit(file: ExportedFile, change: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  change(workbook.getWorksheet('填报表')!);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

function sheetRows(base64: string): unknown[][] {
  const wb = XLSX.read(Buffer.from(base64, 'base64'), { type: 'buffer', cellDates: true });
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['填报表'], { header: 1, raw: true, defval: null });
}

describe('周调度填报表', () => {
  it('每个责任单位一份：标题、单位、表头，项目信息锁定，填写列开放并限制字数，识别码列隐藏', async () => {
    const unit = await unitWithProjects(WEEK);
    const file = await app.ok('fillin.export', { period: WEEK, unitIds: [unit.unitId] });
    expect(file.fileName).toBe(`湘乡市重点项目填报表（2026年第48周）-${unit.unitName}.xlsx`);
    expect(file.rows).toBe(unit.projectCount);
    const rows = sheetRows(file.base64);
    expect(rows[0][0]).toBe('湘乡市重点项目周调度填报表（2026年第48周）');
    expect(rows[1][0]).toBe(`填报单位：${unit.unitName}`);
    expect(rows[2]).toEqual([
      '序号',
      '项目编号',
      '项目名称',
      '阶段',
      '本周进展（形象进度）',
      '存在问题',
      '需协调事项',
      '下周计划',
      '识别码（请勿改动）',
    ]);
    expect(rows.slice(3).filter((r) => typeof r[0] === 'number')).toHaveLength(unit.projectCount);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('填报表')!;
    expect(sheet.getColumn(9).hidden).toBe(true);
    expect((sheet as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection).toMatchObject({
      sheet: true,
    });
    expect(sheet.getCell(FIRST_ROW, 3).protection?.locked).not.toBe(false);
    expect(sheet.getCell(FIRST_ROW, 5).protection?.locked).toBe(false);
    expect(sheet.getCell(FIRST_ROW, 5).dataValidation).toMatchObject({ type: 'textLength', formulae: [500] });
    expect(workbook.getWorksheet('填报表信息')?.state).toBe('veryHidden');
  });

  it('单位填写后读回：预览列出每个项目的变化，确认后写入本周调度并算作已报送', async () => {
    const unit = await unitWithProjects(WEEK);
    const file = await app.ok('fillin.export', { period: WEEK, unitIds: [unit.unitId] });
    const code = String(sheetRows(file.base64)[3][1]);
    const contentBase64 = await edit(file, (sheet) => {
      sheet.getCell(FIRST_ROW, 5).value = '主体结构封顶，开始二次结构施工';
      sheet.getCell(FIRST_ROW, 7).value = '请市供电公司加快专线接入';
    });
    const files = [{ fileName: '回收.xlsx', contentBase64 }];
    const preview = await app.ok('fillin.preview', { period: WEEK, files });
    const [read] = preview.files;
    expect(read).toMatchObject({ accepted: true, unitName: unit.unitName, problems: [] });
    const changed = read.rows.find((r) => r.code === code)!;
    expect(changed.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: '本周进展（形象进度）', after: '主体结构封顶，开始二次结构施工' }),
        expect.objectContaining({ label: '需协调事项', after: '请市供电公司加快专线接入' }),
      ]),
    );
    const result = await app.ok('fillin.apply', { period: WEEK, files, fingerprint: preview.fingerprint });
    expect(result.backupFile).toContain('读取填报表前');
    const week = await app.ok('dispatch.week', { week: '2026-W48' });
    const row = week.rows.find((r) => r.code === code)!;
    expect(row).toMatchObject({
      progress: '主体结构封顶，开始二次结构施工',
      coordination: '请市供电公司加快专线接入',
      confirmed: true,
    });
    // read again: nothing left to change
    const again = await app.ok('fillin.preview', { period: WEEK, files });
    expect(again.files[0].rows).toEqual([]);
  });

  it('改了灰色格子、改了识别码、自己加的行：逐行说明，不读取；别的周、重复单位、不是填报表的文件整份不读', async () => {
    const unit = await unitWithProjects(WEEK, 3);
    const file = await app.ok('fillin.export', { period: WEEK, unitIds: [unit.unitId] });
    const tampered = await edit(file, (sheet) => {
      sheet.getCell(FIRST_ROW, 3).value = '改过的项目名称';
      sheet.getCell(FIRST_ROW, 5).value = '不应写入';
      const key = String(sheet.getCell(FIRST_ROW + 1, 9).value);
      sheet.getCell(FIRST_ROW + 1, 9).value = key.replace(/^\d+/, '999');
      sheet.getCell(FIRST_ROW + unit.projectCount, 3).value = '自己加的项目';
      sheet.getCell(FIRST_ROW + unit.projectCount, 5).value = '新项目进展';
    });
    const otherWeek = await app.ok('fillin.export', {
      period: { kind: 'week', week: '2026-W47' },
      unitIds: [unit.unitId],
    });
    const ledger = await app.ok('ledger.export', { totalUnit: 'wan' });
    const preview = await app.ok('fillin.preview', {
      period: WEEK,
      files: [
        { fileName: '改过.xlsx', contentBase64: tampered },
        { fileName: '原样.xlsx', contentBase64: file.base64 },
        { fileName: '上周.xlsx', contentBase64: otherWeek.base64 },
        { fileName: '台账.xlsx', contentBase64: ledger.base64 },
      ],
    });
    const [edited, duplicate, lastWeek, notOurs] = preview.files;
    expect(edited.problems).toEqual([
      { row: FIRST_ROW, message: '灰色格子（项目信息）被改动，未读取该行；请只填写白色格子' },
      { row: FIRST_ROW + 1, message: '识别码被改动，未读取该行' },
      {
        row: FIRST_ROW + unit.projectCount,
        message: '不是本表生成的行（没有识别码），未读取；新增项目请联系重点项目办',
      },
    ]);
    expect(edited.rows.some((r) => r.changes.some((c) => c.after === '不应写入'))).toBe(false);
    expect(duplicate).toMatchObject({ accepted: false, message: '与《改过.xlsx》是同一单位的填报表，只读取第一份' });
    expect(lastWeek).toMatchObject({
      accepted: false,
      message: '这是2026年第47周的填报表，不是2026年第48周的，未读取',
    });
    expect(notOurs).toMatchObject({ accepted: false, message: '不是本系统生成的填报表（缺少识别信息），未读取' });
  });

  it('删去了一行的填报表：预览按文件写明缺少哪些项目的行，其余照常读取', async () => {
    const unit = await unitWithProjects(WEEK, 3);
    const file = await app.ok('fillin.export', { period: WEEK, unitIds: [unit.unitId] });
    const rows = sheetRows(file.base64);
    const [code, name] = [rows[FIRST_ROW][1], rows[FIRST_ROW][2]];
    const shortened = await edit(file, (sheet) => {
      sheet.spliceRows(FIRST_ROW + 1, 1);
    });
    const preview = await app.ok('fillin.preview', {
      period: WEEK,
      files: [{ fileName: '少一行.xlsx', contentBase64: shortened }],
    });
    const [read] = preview.files;
    expect(read.accepted).toBe(true);
    expect(read.problems).toEqual([]);
    expect(read.missing.map((p) => [p.code, p.name])).toEqual([[code, name]]);
    expect(read.rows.length + read.unchanged).toBe(unit.projectCount - 1);
    const whole = await app.ok('fillin.preview', {
      period: WEEK,
      files: [{ fileName: '原样.xlsx', contentBase64: file.base64 }],
    });
    expect(whole.files[0].missing).toEqual([]);
  });

  it('一次生成几个单位的填报表：打成一个压缩包，每个单位一份', async () => {
    const { units } = await app.ok('fillin.units', { period: WEEK });
    const chosen = units.slice(0, 3);
    const file = await app.ok('fillin.export', { period: WEEK, unitIds: chosen.map((u) => u.unitId) });
    expect(file.fileName).toBe('湘乡市重点项目填报表（2026年第48周，3个单位）.zip');
    const entries = zipEntries(Buffer.from(file.base64, 'base64'));
    expect(entries.map((e) => e.name)).toEqual(
      chosen.map((u) => `湘乡市重点项目填报表（2026年第48周）-${u.unitName}.xlsx`),
    );
  });
});

describe('月度投资填报表', () => {
  it('本月完成投资、形象进度、实际开工、是否纳统：读回后写入；填错的格子逐行说明', async () => {
    const unit = await unitWithProjects(MONTH);
    const file = await app.ok('fillin.export', { period: MONTH, unitIds: [unit.unitId] });
    const rows = sheetRows(file.base64);
    expect(rows[2]).toEqual([
      '序号',
      '项目编号',
      '项目名称',
      '阶段',
      '本年计划投资（万元）',
      '1—10月完成投资（万元）',
      '11月完成投资（万元）',
      '形象进度',
      '实际开工日期',
      '是否纳统',
      '识别码（请勿改动）',
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('填报表')!;
    expect(sheet.getCell(FIRST_ROW, 7).dataValidation).toMatchObject({ type: 'decimal' });
    expect(sheet.getCell(FIRST_ROW, 10).dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });

    const code = String(rows[3][1]);
    const contentBase64 = await edit(file, (s) => {
      s.getCell(FIRST_ROW, 7).value = 1234.56;
      s.getCell(FIRST_ROW, 8).value = '厂房主体完工';
      s.getCell(FIRST_ROW + 1, 7).value = '约一百';
      s.getCell(FIRST_ROW + 1, 9).value = '2027-01-01';
    });
    const files = [{ fileName: '11月.xlsx', contentBase64 }];
    const preview = await app.ok('fillin.preview', { period: MONTH, files });
    const [read] = preview.files;
    expect(read.problems).toEqual([{ row: FIRST_ROW + 1, message: '“11月完成投资”不是数字：约一百' }]);
    expect(read.rows.find((r) => r.code === code)?.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: '11月完成投资', after: '1,234.56万元' }),
        expect.objectContaining({ label: '形象进度', after: '厂房主体完工' }),
      ]),
    );
    await app.ok('fillin.apply', { period: MONTH, files, fingerprint: preview.fingerprint });
    const project = (await app.ok('projects.list', {})).find((p) => p.code === code)!;
    const detail = await app.ok('projects.get', { id: project.id });
    expect(detail.monthly.find((m) => m.month === 11)?.amountYuan).toBe(12_345_600);
    expect(detail.progressText).toBe('厂房主体完工');
  });

  it('实际开工日期晚于今天：该行按项目规则拒绝并说明，其余照常', async () => {
    const unit = await unitWithProjects(MONTH);
    const file = await app.ok('fillin.export', { period: MONTH, unitIds: [unit.unitId] });
    const contentBase64 = await edit(file, (s) => {
      s.getCell(FIRST_ROW, 9).value = new Date(Date.UTC(2027, 0, 5));
    });
    const preview = await app.ok('fillin.preview', { period: MONTH, files: [{ fileName: 'a.xlsx', contentBase64 }] });
    expect(preview.files[0].problems).toEqual([{ row: FIRST_ROW, message: '实际开工日期不能晚于今天' }]);
  });
});

describe('填报表在Excel中打开不需修复', () => {
  /** Every <dataValidation sqref="…"> of a sheet, read from the file's own XML with an independent zip reader. */
  function validationRanges(base64: string): { sqref: string; type: string }[] {
    const zip = XLSX.CFB.read(Buffer.from(base64, 'base64'), { type: 'buffer' });
    const entry = XLSX.CFB.find(zip, '/xl/worksheets/sheet1.xml');
    if (!entry) throw new Error('no sheet1.xml');
    const xml = Buffer.from(entry.content as Uint8Array).toString('utf8');
    return [...xml.matchAll(/<dataValidation\b([^>]*)>/g)].map((m) => ({
      sqref: /sqref="([^"]+)"/.exec(m[1])?.[1] ?? '',
      type: /type="([^"]+)"/.exec(m[1])?.[1] ?? '',
    }));
  }

  function cellsOf(sqref: string): Set<string> {
    const cells = new Set<string>();
    for (const part of sqref.split(/\s+/)) {
      const range = XLSX.utils.decode_range(part.includes(':') ? part : `${part}:${part}`);
      for (let r = range.s.r; r <= range.e.r; r++) {
        for (let c = range.s.c; c <= range.e.c; c++) cells.add(XLSX.utils.encode_cell({ r, c }));
      }
    }
    return cells;
  }

  it.each([
    ['周', WEEK],
    ['月', MONTH],
  ])('每%s的填报表：数据有效性区域两两不相交，每个填写列各有一条', async (_name, period) => {
    const unit = await unitWithProjects(period, 2);
    const file = await app.ok('fillin.export', { period, unitIds: [unit.unitId] });
    const ranges = validationRanges(file.base64);
    expect(ranges.length).toBeGreaterThan(0);
    const seen = new Map<string, string>();
    for (const { sqref } of ranges) {
      for (const cell of cellsOf(sqref)) {
        expect(seen.get(cell), `${cell} 同时在 ${seen.get(cell)} 和 ${sqref} 中`).toBeUndefined();
        seen.set(cell, sqref);
      }
    }
    const lastRow = FIRST_ROW + unit.projectCount - 1;
    for (const { sqref } of ranges) expect(sqref).toMatch(new RegExp(`^[A-Z]+${FIRST_ROW}:[A-Z]+${lastRow}$`));
  });
});

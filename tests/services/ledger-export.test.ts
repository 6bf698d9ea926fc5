import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ApiResult, ExportedFile } from '../../electron/api-spec';
import type { ProjectListRow } from '../../db/model/project-list';
import { STAGE_LABELS, type Stage } from '../../db/model/stages';
import { zipEntries } from '../../electron/services/spreadsheet/zip-guard';
import { storedRows } from '../helpers/stored-rows';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// Every file is read back with SheetJS, a reader independent of exceljs that wrote it; exceljs itself reads
// back only what SheetJS does not expose (the sheet's print setup and frozen pane).

const LEDGER_STAGES: Stage[] = ['new_start', 'continuing', 'completed', 'preliminary', 'reserve'];
const col = { serial: 0, name: 1, total: 7, plan: 8, completed: 9, rate: 10, sinceStart: 11, actualStart: 19 };
const CODE = 25;
/** 是否招商引资 and the 招商 columns, after 项目编号, 项目级别 and 所在乡镇 */
const ATTRACTION = CODE + 3;
const MONEY = [col.total, col.plan, col.completed, col.sinceStart];

interface Sheet {
  name: string;
  ws: XLSX.WorkSheet;
  rowCount: number;
  cell(row: number, column: number): XLSX.CellObject | undefined;
  value(row: number, column: number): unknown;
  row(row: number): unknown[];
}

/** Rows and columns counted from 1 and 0, as a clerk reads row numbers and this test reads columns. */
function read(file: ExportedFile, sheetName?: string): Sheet {
  const wb = XLSX.read(Buffer.from(file.base64, 'base64'), { type: 'buffer', cellDates: true, cellStyles: true });
  const name = sheetName ?? wb.SheetNames[0];
  const ws = wb.Sheets[name];
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
  const cell = (row: number, column: number) =>
    ws[XLSX.utils.encode_cell({ r: row - 1, c: column })] as XLSX.CellObject | undefined;
  const value = (row: number, column: number) => cell(row, column)?.v ?? null;
  return {
    name,
    ws,
    rowCount: range.e.r + 1,
    cell,
    value,
    row: (row) => Array.from({ length: range.e.c + 1 }, (_, c) => value(row, c)),
  };
}

/** Money compared in integer 分 of the unit shown, so float noise never decides a test. */
const fen = (value: unknown) => Math.round(Number(value) * 100);

type Line =
  | { kind: 'section'; row: number; text: string }
  | { kind: 'row'; row: number }
  | { kind: 'subtotal' | 'total'; row: number; text: string };

/** What each body row of a sheet is, by its first cell: a number is a data row, text a section or a total. */
function linesOf(sheet: Sheet, lastRow = sheet.rowCount): Line[] {
  const lines: Line[] = [];
  for (let r = 4; r <= lastRow; r++) {
    const first = sheet.value(r, 0);
    if (typeof first === 'number') lines.push({ kind: 'row', row: r });
    else if (typeof first === 'string' && first.startsWith('小计'))
      lines.push({ kind: 'subtotal', row: r, text: first });
    else if (typeof first === 'string' && first.startsWith('合计')) lines.push({ kind: 'total', row: r, text: first });
    else if (typeof first === 'string' && /^[一二三四五六七八九十]+、/.test(first)) {
      lines.push({ kind: 'section', row: r, text: first });
    }
  }
  return lines;
}

function totalOf(lines: Line[]): { row: number; text: string } {
  const total = lines.find((l) => l.kind === 'total');
  if (!total || total.kind !== 'total') throw new Error('no 合计 row');
  return total;
}

/** Sections with their data rows and subtotal row, in sheet order. */
function sectionsOf(lines: Line[]) {
  const sections: { text: string; rows: number[]; subtotal: number | null }[] = [];
  for (const line of lines) {
    if (line.kind === 'section') sections.push({ text: line.text, rows: [], subtotal: null });
    else if (line.kind === 'row') sections[sections.length - 1].rows.push(line.row);
    else if (line.kind === 'subtotal') sections[sections.length - 1].subtotal = line.row;
  }
  return sections;
}

async function excelRead(file: ExportedFile, sheetName?: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  return sheet;
}

/** One file of the xlsx (a zip) as text, read straight from the zip so nothing in between interprets it. */
function zippedText(file: ExportedFile, name: string): string {
  const zip = Buffer.from(file.base64, 'base64');
  const entry = zipEntries(zip).find((e) => e.name === name);
  if (!entry) throw new Error(`${name} is not in the file`);
  const at = entry.localOffset;
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  return (entry.method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
}

function refusal(result: ApiResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

let app: TempApp;
let projects: ProjectListRow[];
let reportedMonths: number;
const TRICKY_NAME = '=HYPERLINK("http://example.invalid","点我")';

beforeAll(async () => {
  app = await createTempApp({ demo: true });
  const chainId = (await app.ok('reference.list', {})).chains[0].id;
  await app.ok('projects.create', {
    name: TRICKY_NAME,
    stage: 'continuing',
    actualStartDate: '2025-05-01',
    chainId,
    owner: '+86 某公司',
    location: '@园区',
    content: '-拆除旧厂房',
    note: '备注\u0007含控制字符',
    totalInvestmentYuan: 123_456_700,
  });
  projects = await app.ok('projects.list', {});
  [{ m: reportedMonths }] = await storedRows<{ m: number }>(
    app,
    'SELECT MAX(month) AS m FROM monthly_investments WHERE year = 2026',
  );
}, 60_000);
afterAll(() => app.close());

const rowByCode = (sheet: Sheet, code: string) => {
  for (let r = 4; r <= sheet.rowCount; r++) if (sheet.value(r, CODE) === code) return r;
  throw new Error(`no row for ${code}`);
};

describe('项目台账导出（xlsx）', () => {
  it('标题、单位与截至日期、表头按台账习惯排列，文件名带截至日期', async () => {
    const file = await app.ok('ledger.export', { totalUnit: 'wan' });
    const sheet = read(file);
    expect(file.fileName).toBe('湘乡市2026年重点项目台账（截至2026-11-28）.xlsx');
    expect(sheet.name).toBe('项目台账');
    expect(sheet.value(1, 0)).toBe('湘乡市2026年重点项目建设台账');
    expect(sheet.ws['!merges']).toContainEqual({ s: { r: 0, c: 0 }, e: { r: 0, c: 36 } });
    expect(sheet.row(2)).toContain('单位：万元');
    expect(sheet.row(2)).toContain('截至日期：2026年11月28日');
    expect(reportedMonths).toBeGreaterThan(1);
    expect(sheet.row(3)).toEqual([
      '序号',
      '项目名称',
      '建设单位',
      '建设地点',
      '建设性质',
      '建设内容及规模',
      '建设起止年限',
      '总投资',
      '本年计划投资',
      `1—${reportedMonths}月完成投资`,
      '完成率',
      '自开工累计完成',
      '形象进度',
      '存在问题',
      '产业链',
      '链长',
      '牵头单位',
      '责任单位',
      '计划开工',
      '实际开工',
      '计划竣工',
      '实际竣工',
      '是否纳统',
      '预警',
      '备注',
      '项目编号',
      '项目级别',
      '所在乡镇',
      '是否招商引资',
      '签约日期',
      '注册日期',
      '投产日期',
      '合同投资',
      '到位资金',
      '停缓建',
      '包挂领导',
      '前期手续',
    ]);
  });

  it('招商引资项目的签约、注册、投产日期和合同投资、到位资金（万元）在最后几列', async () => {
    const sheet = read(await app.ok('ledger.export', { totalUnit: 'wan' }));
    const [p] = await storedRows<{
      code: string;
      signing: string;
      registration: string | null;
      contract: number;
      funds: number;
    }>(
      app,
      `SELECT code, signing_date AS signing, registration_date AS registration,
              contract_investment_yuan AS contract, funds_in_place_yuan AS funds
       FROM projects WHERE is_investment_promotion = 1 AND registration_date IS NOT NULL ORDER BY code LIMIT 1`,
    );
    const row = rowByCode(sheet, p.code);
    expect(sheet.value(row, ATTRACTION)).toBe('是');
    expect(sheet.cell(row, ATTRACTION + 1)?.w).toBe(p.signing);
    expect(sheet.cell(row, ATTRACTION + 2)?.w).toBe(p.registration);
    expect(fen(sheet.value(row, ATTRACTION + 4))).toBe(Number(p.contract) / 100);
    expect(fen(sheet.value(row, ATTRACTION + 5))).toBe(Number(p.funds) / 100);
    const plain = projects.find((q) => q.name === TRICKY_NAME)!;
    expect(sheet.row(rowByCode(sheet, plain.code)).slice(ATTRACTION, ATTRACTION + 7)).toEqual([
      '否',
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('每个项目一行，按新开工、续建、竣工、前期、储备分节，节标题写明个数', async () => {
    const file = await app.ok('ledger.export', { totalUnit: 'wan' });
    const sheet = read(file);
    const sections = sectionsOf(linesOf(sheet));
    const expected = LEDGER_STAGES.filter((s) => projects.some((p) => p.stage === s));
    expect(sections.map((s) => s.text)).toEqual(
      expected.map(
        (stage, i) =>
          `${'一二三四五'[i]}、${STAGE_LABELS[stage]}项目（${projects.filter((p) => p.stage === stage).length}个）`,
      ),
    );
    sections.forEach((section, i) => {
      const codes = section.rows.map((r) => sheet.value(r, CODE));
      const inStage = projects.filter((p) => p.stage === expected[i]).map((p) => p.code);
      expect([...codes].sort()).toEqual([...inStage].sort());
    });
    const serials = sections.flatMap((s) => s.rows.map((r) => sheet.value(r, col.serial)));
    expect(serials).toEqual(projects.map((_, i) => i + 1));
    expect(file.rows).toBe(projects.length);
  });

  it('金额是数字（万元，两位小数格式），已知项目的总投资等于其元数除以一万', async () => {
    const sheet = read(await app.ok('ledger.export', { totalUnit: 'wan' }));
    const known = projects.find((p) => p.name === TRICKY_NAME) as ProjectListRow;
    const row = rowByCode(sheet, known.code);
    const total = sheet.cell(row, col.total);
    expect(total?.t).toBe('n');
    expect(total?.v).toBe(known.totalInvestmentYuan / 10_000);
    expect(total?.w).toBe('12,345.67');
    for (const p of projects.slice(0, 20)) {
      const r = rowByCode(sheet, p.code);
      expect(fen(sheet.value(r, col.total))).toBe(p.totalInvestmentYuan / 100);
      expect(fen(sheet.value(r, col.plan))).toBe(p.annualPlanYuan / 100);
      expect(fen(sheet.value(r, col.completed))).toBe(p.yearCompletedYuan / 100);
      expect(fen(sheet.value(r, col.sinceStart))).toBe(p.sinceStartCompletedYuan / 100);
    }
  });

  it('小计等于本节各行之和，合计等于全部行之和（按分比较），都是数值而不是公式', async () => {
    const sheet = read(await app.ok('ledger.export', { totalUnit: 'wan' }));
    const lines = linesOf(sheet);
    const sections = sectionsOf(lines);
    const total = totalOf(lines);
    expect(sheet.value(total.row, 0)).toBe(`合计（${projects.length}个）`);
    for (const column of MONEY) {
      let all = 0;
      for (const section of sections) {
        const sum = section.rows.reduce((s, r) => s + fen(sheet.value(r, column)), 0);
        expect(section.subtotal).not.toBeNull();
        const subtotal = sheet.cell(section.subtotal as number, column);
        expect(subtotal?.t).toBe('n');
        expect(subtotal?.f).toBeUndefined();
        expect(fen(subtotal?.v)).toBe(sum);
        all += sum;
      }
      expect(fen(sheet.value(total.row, column))).toBe(all);
      expect(sheet.cell(total.row, column)?.f).toBeUndefined();
    }
    const yuan = projects.reduce((s, p) => s + p.totalInvestmentYuan, 0);
    expect(fen(sheet.value(total.row, col.total))).toBe(yuan / 100);
  });

  it('日期写成 Excel 日期（yyyy-mm-dd），完成率是百分数', async () => {
    const sheet = read(await app.ok('ledger.export', { totalUnit: 'wan' }));
    const started = projects.find((p) => p.actualStartDate && p.annualPlanYuan > 0) as ProjectListRow;
    const row = rowByCode(sheet, started.code);
    const date = sheet.cell(row, col.actualStart);
    expect(date?.t).toBe('d');
    expect(date?.v).toBeInstanceOf(Date);
    expect(date?.w).toBe(started.actualStartDate);
    const rate = sheet.cell(row, col.rate);
    expect(rate?.t).toBe('n');
    expect(rate?.v as number).toBeCloseTo(started.yearCompletedYuan / started.annualPlanYuan, 9);
    expect(rate?.w).toMatch(/^\d+\.\d%$/);
  });

  it('总投资按亿元导出时除以一亿，其余仍为万元', async () => {
    const sheet = read(await app.ok('ledger.export', { totalUnit: 'yi' }));
    expect(sheet.row(2)).toContain('总投资单位：亿元，其余万元');
    expect(sheet.value(3, col.total)).toBe('总投资（亿元）');
    for (const p of projects.slice(0, 20)) {
      const r = rowByCode(sheet, p.code);
      expect(sheet.value(r, col.total) as number).toBeCloseTo(p.totalInvestmentYuan / 1e8, 9);
      expect(fen(sheet.value(r, col.plan))).toBe(p.annualPlanYuan / 100);
    }
    const total = totalOf(linesOf(sheet));
    const yuan = projects.reduce((s, p) => s + p.totalInvestmentYuan, 0);
    expect(sheet.value(total.row, col.total) as number).toBeCloseTo(yuan / 1e8, 9);
  });

  it('只导出所选阶段和产业链：其他节不出现', async () => {
    const file = await app.ok('ledger.export', { stages: ['continuing'], totalUnit: 'wan' });
    const sheet = read(file);
    const continuing = projects.filter((p) => p.stage === 'continuing');
    const sections = sectionsOf(linesOf(sheet));
    expect(sections.map((s) => s.text)).toEqual([`一、续建项目（${continuing.length}个）`]);
    expect(file.rows).toBe(continuing.length);
    expect(sheet.row(2).join('')).toContain('阶段：续建');

    const chainId = projects[0].chainId;
    const inChain = projects.filter((p) => p.chainId === chainId);
    const byChain = read(await app.ok('ledger.export', { chainIds: [chainId], totalUnit: 'wan' }));
    const codes = sectionsOf(linesOf(byChain)).flatMap((s) => s.rows.map((r) => byChain.value(r, CODE)));
    expect([...codes].sort()).toEqual(inChain.map((p) => p.code).sort());
  });

  it('存在问题取本周调度的文字（本周未填则沿用最近一次），预警写红黄绿灯及原因', async () => {
    const sheet = read(await app.ok('ledger.export', { totalUnit: 'wan' }));
    const week = await app.ok('dispatch.week', { week: '2026-W48' });
    const withProblem = week.rows.filter((r) => r.problems);
    expect(withProblem.length).toBeGreaterThan(0);
    for (const r of withProblem) expect(sheet.value(rowByCode(sheet, r.code), 13)).toBe(r.problems);
    for (const p of projects) {
      const light = { red: '红灯', yellow: '黄灯', green: '绿灯' }[p.light];
      const reasons = p.lights.map((l) => l.reason);
      // 停建/缓建 (issue #17): no light, the status instead
      const expected = p.suspended ? '缓建' : reasons.length ? `${light}：${reasons.join('；')}` : light;
      expect(sheet.value(rowByCode(sheet, p.code), 23)).toBe(expected);
    }
  });

  it('没有项目时仍导出一张有表头的表，写明没有符合条件的项目，合计为零', async () => {
    const empty = await createTempApp();
    try {
      const file = await empty.ok('ledger.export', { totalUnit: 'wan' });
      const sheet = read(file);
      expect(file.rows).toBe(0);
      expect(sheet.value(3, 1)).toBe('项目名称');
      expect(sheet.value(4, 0)).toBe('没有符合条件的项目');
      expect(sheet.value(5, 0)).toBe('合计（0个）');
      expect(sheet.value(5, col.total)).toBe(0);
    } finally {
      await empty.close();
    }
  });

  it('以 = + - @ 开头的文字原样写成文本，不成为公式；控制字符被去掉，文件照常可读', async () => {
    const sheet = read(await app.ok('ledger.export', { totalUnit: 'wan' }));
    const known = projects.find((p) => p.name === TRICKY_NAME) as ProjectListRow;
    const row = rowByCode(sheet, known.code);
    for (const [column, text] of [
      [col.name, TRICKY_NAME],
      [2, '+86 某公司'],
      [3, '@园区'],
      [5, '-拆除旧厂房'],
    ] as const) {
      const cell = sheet.cell(row, column);
      expect(cell?.t).toBe('s');
      expect(cell?.v).toBe(text);
      expect(cell?.f).toBeUndefined();
    }
    expect(sheet.value(row, 24)).toBe('备注含控制字符');
  });

  it('表格自带打印设置：A3 横向、按列宽缩放到一页宽、表头每页重复、页脚页码；表头冻结', async () => {
    const file = await app.ok('ledger.export', { totalUnit: 'wan' });
    const wb = XLSX.read(Buffer.from(file.base64, 'base64'), { type: 'buffer' });
    expect(wb.Workbook?.Names).toContainEqual(
      expect.objectContaining({ Name: '_xlnm.Print_Titles', Sheet: 0, Ref: "'项目台账'!$3:$3" }),
    );
    expect(wb.Sheets['项目台账']['!margins']).toMatchObject({ left: 0.25, right: 0.25 });
    const ws = await excelRead(file);
    expect(ws.name).toBe('项目台账');
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 8,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getRow(3).getCell(1).font?.bold).toBe(true);
    expect(ws.getRow(3).getCell(1).alignment?.horizontal).toBe('center');
    expect(ws.getColumn(6).width).toBeGreaterThan(ws.getColumn(5).width as number);
    expect(ws.getCell('F5').alignment?.wrapText).toBe(true);
    expect(ws.getCell('B5').border?.top?.style).toBe('thin');
  });
});

describe('项目台账的打印版（xlsx）', () => {
  /** the 打印版's columns, counted from 0 */
  const P = {
    serial: 0,
    name: 1,
    owner: 2,
    content: 3,
    total: 4,
    plan: 5,
    completed: 6,
    rate: 7,
    progress: 8,
    problems: 9,
    leadAndUnits: 10,
    light: 11,
  };
  /** the full sheet's columns the 打印版 shows one for one */
  const SAME: [number, number][] = [
    [P.serial, col.serial],
    [P.name, col.name],
    [P.owner, 2],
    [P.content, 5],
    [P.total, col.total],
    [P.plan, col.plan],
    [P.completed, col.completed],
    [P.rate, col.rate],
    [P.progress, 12],
    [P.problems, 13],
    [P.light, 23],
  ];
  const zipText = (file: ExportedFile, entry: string) => {
    const wb = XLSX.read(Buffer.from(file.base64, 'base64'), { type: 'buffer', bookFiles: true });
    const found = (wb as unknown as { files: Record<string, { content: Uint8Array }> }).files[entry];
    return Buffer.from(found.content).toString('utf8');
  };

  it('默认导出两张表：项目台账仍是第一张且与只导出完整台账时逐格相同，打开文件即在打印版', async () => {
    const both = await app.ok('ledger.export', { totalUnit: 'wan' });
    const fullOnly = await app.ok('ledger.export', { totalUnit: 'wan', sheets: 'fullOnly' });
    const names = (file: ExportedFile) => XLSX.read(Buffer.from(file.base64, 'base64'), { type: 'buffer' }).SheetNames;
    expect(names(both)).toEqual(['项目台账', '打印版']);
    expect(names(fullOnly)).toEqual(['项目台账']);
    expect(both.rows).toBe(fullOnly.rows);
    expect(both.fileName).toBe(fullOnly.fileName);

    // the full ledger's sheet: the same cells, merges and column widths whether or not the 打印版 is beside it
    const a = read(both, '项目台账');
    const b = read(fullOnly, '项目台账');
    const cells = (sheet: Sheet) =>
      XLSX.utils.sheet_to_json<unknown[]>(sheet.ws, { header: 1, raw: true, defval: null });
    expect(cells(a)).toEqual(cells(b));
    expect((cells(a)[2] as unknown[]).length).toBe(37);
    expect(a.ws['!merges']).toEqual(b.ws['!merges']);
    expect(a.ws['!cols']?.map((c) => c.wch)).toEqual(b.ws['!cols']?.map((c) => c.wch));

    expect(zipText(both, 'xl/workbook.xml')).toMatch(/<workbookView [^>]*activeTab="1"/);
    expect(zipText(both, 'xl/worksheets/sheet2.xml')).toMatch(/<sheetView [^>]*tabSelected="1"/);
    expect(zipText(both, 'xl/worksheets/sheet1.xml')).not.toMatch(/tabSelected="1"/);
  });

  it('打印版只列领导常看的十二列，各行与完整台账同一项目、同一顺序、同样的数，链长与责任单位分两行', async () => {
    const file = await app.ok('ledger.export', { totalUnit: 'wan' });
    const full = read(file, '项目台账');
    const print = read(file, '打印版');
    expect(print.value(1, 0)).toBe(full.value(1, 0));
    expect(print.row(2).filter(Boolean)).toEqual(full.row(2).filter(Boolean));
    expect(print.row(3)).toEqual([
      '序号',
      '项目名称',
      '建设单位',
      '建设内容及规模',
      '总投资',
      '本年计划',
      `1—${reportedMonths}月完成`,
      '完成率',
      '形象进度',
      '存在问题',
      '链长/\n责任单位',
      '预警',
    ]);

    const fullLines = linesOf(full);
    const printLines = linesOf(print);
    expect(printLines.map((l) => l.kind)).toEqual(fullLines.map((l) => l.kind));
    expect(sectionsOf(printLines).map((s) => s.text)).toEqual(sectionsOf(fullLines).map((s) => s.text));
    const rows = fullLines.filter((l) => l.kind === 'row');
    expect(rows).toHaveLength(projects.length);
    printLines.forEach((line, i) => {
      if (line.kind !== 'row') return;
      const from = fullLines[i].row;
      for (const [p, f] of SAME) expect(print.value(line.row, p)).toEqual(full.value(from, f));
      const lead = full.value(from, 15) as string | null;
      const units = full.value(from, 17) as string | null;
      expect(print.value(line.row, P.leadAndUnits)).toBe([lead, units].filter(Boolean).join('\n') || null);
    });
    const both = projects.find((p) => p.chainLead && p.responsibleUnitNames.length) as ProjectListRow;
    const row = printLines.find((l) => l.kind === 'row' && print.value(l.row, P.name) === both.name) as Line;
    expect(print.value(row.row, P.leadAndUnits)).toBe(`${both.chainLead}\n${both.responsibleUnitNames.join('、')}`);
  });

  it('打印版的小计、合计与完整台账逐个相同（按分比较），都是数值而不是公式', async () => {
    for (const totalUnit of ['wan', 'yi'] as const) {
      const file = await app.ok('ledger.export', { totalUnit });
      const full = read(file, '项目台账');
      const print = read(file, '打印版');
      const sums = (sheet: Sheet) => linesOf(sheet).filter((l) => l.kind === 'subtotal' || l.kind === 'total');
      const fullSums = sums(full);
      const printSums = sums(print);
      expect(printSums.map((l) => (l.kind === 'subtotal' || l.kind === 'total' ? l.text : ''))).toEqual(
        fullSums.map((l) => (l.kind === 'subtotal' || l.kind === 'total' ? l.text : '')),
      );
      expect(printSums.at(-1)?.kind).toBe('total');
      printSums.forEach((line, i) => {
        for (const [p, f] of [
          [P.total, col.total],
          [P.plan, col.plan],
          [P.completed, col.completed],
          [P.rate, col.rate],
        ]) {
          // 完成率 is empty where nothing was planned, on both sheets
          const expected = full.value(fullSums[i].row, f);
          const cell = print.cell(line.row, p);
          expect(cell?.f).toBeUndefined();
          expect(print.value(line.row, p)).toBe(expected);
          if (p !== P.rate) expect(cell?.t).toBe('n');
        }
      });
      const grand = printSums.at(-1) as Line;
      const yuan = projects.reduce((s, p) => s + p.totalInvestmentYuan, 0);
      if (totalUnit === 'wan') expect(fen(print.value(grand.row, P.total))).toBe(yuan / 100);
      else {
        expect(print.value(3, P.total)).toBe('总投资\n（亿元）');
        expect(print.value(grand.row, P.total) as number).toBeCloseTo(yuan / 1e8, 9);
      }
    }
  });

  it('打印设置：A3 横向、一页宽、表头每页重复、页脚页码；长文字定宽换行，每行至少两行高', async () => {
    const file = await app.ok('ledger.export', { totalUnit: 'wan' });
    const wb = XLSX.read(Buffer.from(file.base64, 'base64'), { type: 'buffer' });
    expect(wb.Workbook?.Names).toContainEqual(
      expect.objectContaining({ Name: '_xlnm.Print_Titles', Sheet: 1, Ref: "'打印版'!$3:$3" }),
    );
    const ws = await excelRead(file, '打印版');
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 8,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
    // twelve columns about as wide as A3 landscape holds at full size (the full ledger's 26 are over 400)
    const widths = ws.columns.map((c) => c.width as number);
    expect(widths).toHaveLength(12);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(220);
    const print = read(file, '打印版');
    const rows = linesOf(print).filter((l) => l.kind === 'row');
    expect(rows).toHaveLength(projects.length);
    for (const { row } of rows) {
      // two lines of 10 pt text (13.5 pt each) and the cell's padding
      expect(ws.getRow(row).height).toBeGreaterThanOrEqual(31);
      for (const column of [P.name, P.content, P.progress, P.problems, P.leadAndUnits, P.light]) {
        expect(ws.getRow(row).getCell(column + 1).alignment?.wrapText).toBe(true);
      }
    }
    // a text longer than two lines makes its row taller
    const longest = rows.reduce((a, b) =>
      String(print.value(a.row, P.light)).length >= String(print.value(b.row, P.light)).length ? a : b,
    );
    expect(ws.getRow(longest.row).height).toBeGreaterThan(31);
  });

  it('没有项目时打印版也有表头、“没有符合条件的项目”和合计（0个）', async () => {
    const empty = await createTempApp();
    try {
      const print = read(await empty.ok('ledger.export', { totalUnit: 'wan' }), '打印版');
      expect(print.value(3, P.name)).toBe('项目名称');
      expect(print.value(4, 0)).toBe('没有符合条件的项目');
      expect(print.value(5, 0)).toBe('合计（0个）');
      expect(print.value(5, P.total)).toBe(0);
    } finally {
      await empty.close();
    }
  });

  it('导出的文件再导入只读项目台账，不读打印版；只剩打印版的文件被拒绝并说明原因', async () => {
    const file = await app.ok('ledger.export', { totalUnit: 'wan' });
    const bytes = Buffer.from(file.base64, 'base64');
    const target = await createTempApp();
    try {
      // the 包挂领导 the ledger names are on the new library's list, as an office enters them in 设置 first
      for (const { name, title } of (await app.ok('reference.list', {})).contactLeaders) {
        await target.ok('reference.saveContactLeader', { name, title });
      }
      const shown = await target.ok('ledger.previewImport', { fileName: file.fileName, contentBase64: file.base64 });
      expect(shown.sheets).toEqual(['项目台账']);
      expect(shown.errors).toEqual([]);
      expect(shown.creates).toHaveLength(file.rows);

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      workbook.removeWorksheet((workbook.getWorksheet('项目台账') as ExcelJS.Worksheet).id);
      const printOnly = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
      const error = refusal(
        await target.call('ledger.previewImport', { fileName: '打印版.xlsx', contentBase64: printOnly }),
      );
      expect(error.code).toBe('print_sheet_only');
      expect(error.message).toContain('“打印版”');
      expect(error.message).toContain('项目台账');
    } finally {
      await target.close();
    }
  });
});

describe('周调度表导出（xlsx）', () => {
  it('与打印的周调度表同组同序：标题、统计时段、分组行、小计等于组内之和、合计等于全部之和', async () => {
    const data = await app.ok('dispatch.printData', { week: '2026-W48', groupBy: 'chainLead', scope: 'all' });
    const file = await app.ok('ledger.exportDispatch', { week: '2026-W48', groupBy: 'chainLead', scope: 'all' });
    const sheet = read(file);
    expect(file.fileName).toBe('湘乡市重点项目建设周调度表（2026年第48周）.xlsx');
    expect(sheet.name).toBe('周调度表');
    expect(sheet.value(1, 0)).toBe('湘乡市重点项目建设周调度表（第48周）');
    expect(sheet.row(2)).toContain(`统计时段：${data.span}`);
    expect(sheet.row(2)).toContain('单位：万元');
    expect(sheet.value(3, 6)).toBe(`本年完成\n（1—${reportedMonths}月）`);

    // a group's heading repeated with “（续）” at the top of a page is not a group of its own
    const lines = linesOf(sheet).filter((l) => !(l.kind === 'section' && l.text.endsWith('（续）')));
    const sections = sectionsOf(lines);
    expect(sections.map((s) => s.text)).toEqual(data.groups.map((g) => g.title));
    sections.forEach((section, i) => {
      expect(section.rows.map((r) => sheet.value(r, 12))).toEqual(data.groups[i].rows.map((r) => r.code));
      expect(sheet.value(section.subtotal as number, 0)).toBe(`小计 ${data.groups[i].rows.length} 个项目`);
    });
    const total = totalOf(lines);
    expect(total.text).toBe(`合计 ${data.total.count} 个项目`);
    expect(file.rows).toBe(data.total.count);
    for (const column of [4, 5, 6]) {
      let all = 0;
      for (const section of sections) {
        const sum = section.rows.reduce((s, r) => s + fen(sheet.value(r, column)), 0);
        expect(fen(sheet.value(section.subtotal as number, column))).toBe(sum);
        all += sum;
      }
      expect(fen(sheet.value(total.row, column))).toBe(all);
    }
    expect(fen(sheet.value(total.row, 4))).toBe(data.total.totalInvestmentYuan / 100);
    const lights = sections.flatMap((s) => s.rows.map((r) => String(sheet.value(r, 11))));
    expect(lights.some((l) => l.startsWith('红灯：'))).toBe(true);
    // a 停建/缓建 project is listed with its status instead of a light (issue #17)
    expect(lights.every((l) => /^(红灯|黄灯|绿灯|停建（|缓建（)/.test(l))).toBe(true);

    const ws = await excelRead(file);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 8, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  it('一组跨页时：每页前有手动分页符，续页第一行是该组的分组行加“（续）”，每页在 A3 上放得下', async () => {
    for (const groupBy of ['chainLead', 'stage'] as const) {
      const data = await app.ok('dispatch.printData', { week: '2026-W48', groupBy, scope: 'all' });
      const file = await app.ok('ledger.exportDispatch', { week: '2026-W48', groupBy, scope: 'all' });
      const sheet = read(file);
      const xml = zippedText(file, 'xl/worksheets/sheet1.xml');

      // print titles repeat the header row only; the fit is one page wide, as tall as it takes
      expect(zippedText(file, 'xl/workbook.xml')).toContain(
        '<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;周调度表&apos;!$3:$3</definedName>',
      );
      expect(xml).toMatch(/<pageSetup [^>]*paperSize="8"[^>]*fitToWidth="1" fitToHeight="0"/);
      expect(xml).toMatch(/<sheetPr[^>]*>\s*<pageSetUpPr fitToPage="1"\/>/);

      const breaks = [...xml.matchAll(/<brk ([^>]*)\/>/g)].map((m) => m[1]);
      const block = /<rowBreaks count="(\d+)" manualBreakCount="(\d+)">/.exec(xml);
      expect(block?.slice(1)).toEqual([String(breaks.length), String(breaks.length)]);
      expect(breaks.length, `${groupBy}：示例数据要印好几页`).toBeGreaterThan(2);
      expect(breaks.every((attributes) => /max="16383" man="1"/.test(attributes))).toBe(true);
      // <brk id> is the row above the break, counted from 0: a page begins at row id + 1 counted from 1
      const pageStarts = breaks.map((attributes) => Number(/id="(\d+)"/.exec(attributes)![1]) + 1);

      const lines = linesOf(sheet);
      const groupOf = new Map<number, string>();
      let heading = '';
      for (const line of lines) {
        if (line.kind === 'section' && !line.text.endsWith('（续）')) heading = line.text;
        else if (line.kind === 'row') groupOf.set(line.row, heading);
      }
      const continued = lines.filter((l) => l.kind === 'section' && l.text.endsWith('（续）'));
      expect(continued.length, `${groupBy}：至少一组跨页`).toBeGreaterThan(0);
      for (const start of pageStarts) {
        const first = sheet.value(start, 0);
        expect(typeof first, `第${start}行开始新的一页，不应是数据行`).toBe('string');
        expect(String(first)).toMatch(/^[一二三四五六七八九十]+、/);
        const nextRow = lines.find((l) => l.kind === 'row' && l.row > start)!.row;
        const group = groupOf.get(nextRow)!;
        const groupRow = lines.find((l) => l.kind === 'section' && l.text === group)!.row;
        expect(first).toBe(groupRow < start ? `${group}（续）` : group);
        // the heading spans the table like the group's own
        expect(sheet.ws['!merges']).toContainEqual({ s: { r: start - 1, c: 0 }, e: { r: start - 1, c: 13 } });
      }
      // “（续）” rows stand only at the top of a page, and a group's rows are still its own
      expect(continued.map((l) => l.row)).toEqual(
        pageStarts.filter((row) => String(sheet.value(row, 0)).endsWith('（续）')),
      );
      expect(file.rows).toBe(data.total.count);
      expect(lines.filter((l) => l.kind === 'row')).toHaveLength(data.total.count);
      for (const group of data.groups) {
        const rows = lines.filter((l) => l.kind === 'row' && groupOf.get(l.row) === group.title);
        expect(rows.map((l) => sheet.value(l.row, 12))).toEqual(group.rows.map((r) => r.code));
        expect(lines).toContainEqual(expect.objectContaining({ text: `小计 ${group.rows.length} 个项目` }));
      }

      // every page fits A3 at the scale “fit all columns on one page” prints at (Excel's column unit: the widest
      // digit of Calibri 11, 7 px = 5.25 pt), and the pages are not left half empty either
      const width = [...xml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)].reduce(
        (sum, m) => sum + (Number(m[2]) - Number(m[1]) + 1) * Number(m[3]),
        0,
      );
      const fit = Math.min(1, Math.floor((100 * ((420 / 25.4) * 72 - 0.5 * 72)) / (width * 5.25)) / 100);
      const room = ((297 / 25.4) * 72 - (0.5 + 0.6) * 72) / fit;
      const heights = new Map(
        [...xml.matchAll(/<row r="(\d+)"[^>]*? ht="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]),
      );
      expect(heights.size).toBeGreaterThan(sheet.rowCount - 2);
      const height = (row: number) => heights.get(row) ?? 15;
      const bounds = [1, ...pageStarts, sheet.rowCount + 1];
      for (let page = 0; page + 1 < bounds.length; page++) {
        let used = page === 0 ? 0 : height(3);
        for (let row = bounds[page]; row < bounds[page + 1]; row++) used += height(row);
        expect(used, `${groupBy}：第${page + 1}页`).toBeLessThanOrEqual(room);
        if (page + 2 < bounds.length) expect(used, `${groupBy}：第${page + 1}页`).toBeGreaterThan(0.75 * room);
      }
    }
  });

  it('只看红黄灯时没有绿灯项目；调度周不正确时拒绝', async () => {
    const sheet = read(await app.ok('ledger.exportDispatch', { week: '2026-W48', scope: 'redYellow' }));
    const rows = linesOf(sheet).filter((l) => l.kind === 'row');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((l) => !String(sheet.value(l.row, 11)).startsWith('绿灯'))).toBe(true);
    expect(refusal(await app.call('ledger.exportDispatch', { week: '2026-W60' })).code).toBe('invalid_input');
  });
});

describe('问题清单导出（xlsx）', () => {
  it('按链长分组：标题、分组行与打印清单一致，合计等于各组之和，日期是日期', async () => {
    const data = await app.ok('problems.printData', { groupBy: 'chainLead', scope: 'open' });
    const file = await app.ok('ledger.exportProblems', { groupBy: 'chainLead', scope: 'open' });
    const sheet = read(file);
    expect(file.fileName).toBe('湘乡市重点项目问题清单（截至2026-11-28）.xlsx');
    expect(sheet.name).toBe('问题清单');
    expect(sheet.value(1, 0)).toBe('湘乡市重点项目问题清单');
    expect(sheet.row(3)).toEqual([
      '序号',
      '编号',
      '项目名称',
      '问题描述',
      '类别',
      '牵头单位/责任单位',
      '登记日期',
      '办结时限',
      '状态',
      '办理天数',
      '超期天数',
    ]);
    const lines = linesOf(sheet);
    const sections = sectionsOf(lines);
    expect(sections.length).toBe(data.groups.length);
    let counted = 0;
    sections.forEach((section, i) => {
      const group = data.groups[i];
      expect(
        section.text.startsWith(`${'一二三四五六七八九十'[i]}、${group.title}（未销号${group.problems.length}个`),
      ).toBe(true);
      expect(section.rows.map((r) => sheet.value(r, 1))).toEqual(group.problems.map((p) => p.code));
      counted += section.rows.length;
    });
    const total = totalOf(lines);
    const overdue = data.groups.flatMap((g) => g.problems).filter((p) => p.daysOverdue > 0).length;
    expect(total.text).toBe(`合计：共${counted}个问题，未销号${counted}个，超期${overdue}个`);
    expect(file.rows).toBe(counted);
    const first = sections[0].rows[0];
    expect(sheet.cell(first, 6)?.t).toBe('d');
    expect(sheet.cell(first, 6)?.w).toBe(data.groups[0].problems[0].raisedOn);
    expect(sheet.cell(first, 9)?.t).toBe('n');

    const ws = await excelRead(file);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1 });
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  it('按单位分组时一个问题可列在几个单位下，合计只算一次', async () => {
    const data = await app.ok('problems.printData', { groupBy: 'unit', scope: 'all' });
    const file = await app.ok('ledger.exportProblems', { groupBy: 'unit', scope: 'all' });
    const sheet = read(file);
    const distinct = new Set(data.groups.flatMap((g) => g.problems.map((p) => p.code)));
    const codes = linesOf(sheet)
      .filter((l) => l.kind === 'row')
      .map((l) => sheet.value(l.row, 1));
    expect(new Set(codes)).toEqual(distinct);
    expect(file.rows).toBe(distinct.size);
    const total = totalOf(linesOf(sheet));
    expect(total.text.startsWith(`合计：共${distinct.size}个问题`)).toBe(true);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { LedgerImportPreview } from '../../electron/api-spec';
import { realLedgerGbkCsv, realLedgerXlsx } from '../helpers/real-ledger';
import { buildXlsx } from '../helpers/spreadsheets';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// An office's own ledger on day one imports whole: gaps are warnings and 资料待补 marks, the column map is shown
// and correctable, an ambiguous 累计完成投资 is asked about, chains are proposed per row, stage words come from
// one table and an unknown one is named.

let app: TempApp;
afterEach(() => app?.close());

const WAN = 10_000;
const base64 = (bytes: Buffer) => bytes.toString('base64');

async function preview(fileName: string, bytes: Buffer, extra: Record<string, unknown> = {}) {
  return app.ok('ledger.previewImport', { fileName, contentBase64: base64(bytes), ...extra });
}

async function applyCall(fileName: string, bytes: Buffer, shown: LedgerImportPreview, extra: Record<string, unknown>) {
  return app.call('ledger.applyImport', {
    fileName,
    contentBase64: base64(bytes),
    fingerprint: shown.fingerprint,
    ...extra,
  });
}

async function chainIdByName(name: string): Promise<number> {
  const chain = (await app.ok('reference.list', {})).chains.find((c) => c.name === name);
  if (!chain) throw new Error(name);
  return chain.id;
}

const row = (shown: LedgerImportPreview, name: string) => {
  const found = shown.creates.find((r) => r.name === name);
  if (!found) throw new Error(`preview has no row ${name}`);
  return found;
};

describe('真实台账整表导入', () => {
  it.each([
    ['台账.xlsx', realLedgerXlsx],
    ['台账.csv', async () => realLedgerGbkCsv()],
  ])(
    '%s：缺日期只警告，列对应可见，累计完成投资须确认，产业链逐行推断，全部导入且金额落在对的栏目',
    async (fileName, build) => {
      app = await createTempApp({ today: '2026-11-28' });
      const bytes = await build();
      const shown = await preview(fileName, bytes);

      // the one row with no chain to propose waits for the clerk's choice
      expect(shown.errors).toEqual([
        expect.objectContaining({
          name: '城区智慧停车场',
          needsChain: true,
          message: '未注明产业链，也无法从项目名称和建设单位推断：请为该行选择产业链，或选择“其余项目归入”的产业链',
        }),
      ]);
      expect(shown.creates).toHaveLength(5);
      const columns = new Map(shown.columns.map((c) => [c.header, c]));
      expect(columns.get('年度计划')?.field).toBe('annualPlan');
      expect(columns.get('阶段')?.field).toBe('stage');
      expect(columns.get('序号')?.field).toBe('serial');
      const bare = columns.get('累计完成投资');
      expect(bare).toMatchObject({ field: 'yearCompleted', chosen: false });
      expect(bare?.candidates).toEqual(expect.arrayContaining(['yearCompleted', 'sinceStart']));
      expect(bare?.question).toBe(
        '“累计完成投资”没有写明是本年累计还是自开工累计，已按“本年完成投资（1—N月）”读取（表中有年度计划列，月报台账的累计通常指本年），请确认',
      );
      expect(shown.hasChainColumn).toBe(false);

      const warnings = shown.warnings.map((w) => [w.name, w.message]);
      expect(warnings).toEqual(
        expect.arrayContaining([
          ['智能终端扩产项目', '续建项目缺实际开工日期，导入后标为“资料待补”，请补填'],
          ['绿色建材产业园二期', '续建项目缺实际开工日期，导入后标为“资料待补”，请补填'],
          ['精密铸件生产线', '竣工项目缺实际竣工日期，导入后标为“资料待补”，请补填'],
          ['无人机整机组装基地', '新开工项目缺计划开工日期、实际开工日期，导入后标为“资料待补”，请补填'],
        ]),
      );
      expect(row(shown, '智能终端扩产项目')).toMatchObject({
        stage: 'continuing',
        money: { totalYuan: 52_000 * WAN, annualPlanYuan: 12_000 * WAN, yearCompletedYuan: 8_300.5 * WAN },
        chain: { name: '电子信息', source: 'proposed', reason: '建设单位含龙头企业“湘君电子”' },
      });
      expect(row(shown, '精密铸件生产线')).toMatchObject({ stage: 'completed', chain: { name: '智能铸造' } });
      expect(row(shown, '皮革废料资源化利用').chain.name).toBe('皮革深加工');
      expect(row(shown, '绿色建材产业园二期').chain.name).toBe('绿色建材');
      expect(row(shown, '无人机整机组装基地').chain.name).toBe('无人机');

      // nothing guessed is applied unasked: the ambiguous column must be confirmed first
      const unconfirmed = await applyCall(fileName, bytes, shown, {});
      expect(unconfirmed.ok).toBe(false);
      if (!unconfirmed.ok) {
        expect(unconfirmed.error.message).toBe('请先确认“累计完成投资”一列的含义（在列对应中选定），再导入');
      }
      expect((await app.ok('projects.list', {})).length).toBe(0);

      const parking = await chainIdByName('数字创意');
      const choices = {
        columnMap: { 累计完成投资: 'yearCompleted' },
        rowChains: { [`${shown.errors[0].sheet}!7`]: parking },
      };
      const confirmed = await preview(fileName, bytes, choices);
      expect(confirmed.errors).toEqual([]);
      expect(confirmed.errors).toEqual([]);
      expect(confirmed.columns.find((c) => c.header === '累计完成投资')).toMatchObject({
        question: null,
        chosen: true,
      });
      expect(row(confirmed, '城区智慧停车场').chain).toMatchObject({ name: '数字创意', source: 'chosen' });
      const applied = await applyCall(fileName, bytes, confirmed, choices);
      expect(applied.ok).toBe(true);

      // each project as its page shows it, every field: the list rows carry only what the lists show
      const listed = await app.ok('projects.list', {});
      const full = await Promise.all(listed.map((p) => app.ok('projects.get', { id: p.id })));
      const library = new Map(full.map((p) => [p.name, p]));
      expect(library.size).toBe(6);
      expect(library.get('智能终端扩产项目')).toMatchObject({
        stage: 'continuing',
        yearCompletedYuan: 8_300.5 * WAN,
        investedBeforeYearYuan: 0,
        reportedMonths: 10,
        chainName: '电子信息',
        missingFields: ['actualStartDate'],
        light: 'yellow',
      });
      const terminal = library.get('智能终端扩产项目');
      expect(terminal?.lights.map((l) => l.reason)).toContain('资料待补：实际开工日期');
      // the 新开工 row whose ledger shows money spent is not called late to start
      expect(
        library
          .get('无人机整机组装基地')
          ?.lights.map((l) => l.reason)
          .join('，'),
      ).not.toMatch(/未开工/);
      expect(library.get('城区智慧停车场')?.chainName).toBe('数字创意');
      const dashboard = await app.ok('overview.dashboard', {});
      expect(dashboard.missingDataCount).toBe(4);
    },
  );

  it('改选为“自开工累计”：同一列的数记入截至上年底累计，不进本年', async () => {
    app = await createTempApp({ today: '2026-11-28' });
    const bytes = await realLedgerXlsx();
    const choices = { columnMap: { 累计完成投资: 'sinceStart' }, defaultChainId: await chainIdByName('数字创意') };
    const shown = await preview('台账.xlsx', bytes, choices);
    expect(row(shown, '智能终端扩产项目').money).toMatchObject({ yearCompletedYuan: 0, sinceStartYuan: 8_300.5 * WAN });
    const applied = await applyCall('台账.xlsx', bytes, shown, choices);
    expect(applied.ok).toBe(true);
    const [found] = await app.ok('projects.list', { search: '智能终端扩产项目' });
    const terminal = await app.ok('projects.get', { id: found.id });
    expect(terminal).toMatchObject({ yearCompletedYuan: 0, investedBeforeYearYuan: 8_300.5 * WAN });
  });

  it('列对应可改、可不导入某列；两列选作同一栏目被拒绝', async () => {
    app = await createTempApp({ today: '2026-11-28' });
    const bytes = await realLedgerXlsx();
    const ignored = await preview('台账.xlsx', bytes, { columnMap: { 形象进度: null, 累计完成投资: 'yearCompleted' } });
    expect(ignored.columns.find((c) => c.header === '形象进度')).toMatchObject({ field: null, chosen: true });
    // the clerk's choice wins over the header's words: 总投资 is then left out, and the map shows it
    const moved = await preview('台账.xlsx', bytes, {
      columnMap: { 年度计划: 'total', 累计完成投资: 'yearCompleted' },
    });
    expect(moved.columns.find((c) => c.header === '总投资')).toMatchObject({ field: null, chosen: false });
    expect(moved.creates[0].money.totalYuan).toBe(12_000 * WAN);
    const result = await app.call('ledger.previewImport', {
      fileName: '台账.xlsx',
      contentBase64: base64(bytes),
      columnMap: { 年度计划: 'total', 总投资: 'total' },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('“总投资”和“年度计划”两列不能都读作“总投资”，请只选一列');
  });

  it('没有年度计划列时，单写“累计完成投资”按自开工累计读取，同样要确认', async () => {
    app = await createTempApp({ today: '2026-11-28' });
    const bytes = await buildXlsx([
      {
        name: '续建项目',
        rows: [
          ['项目名称', '建设单位', '总投资', '累计完成投资', '产业链'],
          ['老厂技改', '湘高电器有限公司', 3000, 1800, '电力电工电气'],
        ],
      },
    ]);
    const shown = await preview('a.xlsx', bytes);
    expect(shown.columns.find((c) => c.header === '累计完成投资')).toMatchObject({
      field: 'sinceStart',
      question:
        '“累计完成投资”没有写明是本年累计还是自开工累计，已按“自开工累计完成投资”读取（表中没有年度计划列），请确认',
    });
    expect(shown.creates[0].money.sinceStartYuan).toBe(1800 * WAN);
  });
});

describe('阶段写法与其他读法', () => {
  it('在建中读作续建、已投产读作竣工；不认识的写法在警告里点名，不悄悄猜', async () => {
    app = await createTempApp({ today: '2026-11-28' });
    const bytes = await buildXlsx([
      {
        name: 'Sheet1',
        rows: [
          ['序号', '项目名称', '建设单位', '阶段', '产业链', '实际开工', '实际竣工'],
          ['一、续建项目'],
          [1, '甲', '甲公司', '在建中', '化工', '2025-01-01', null],
          [2, '乙', '乙公司', '停缓建', '化工', '2025-01-01', null],
          ['二、其他项目'],
          [3, '丙', '丙公司', '已投产', '化工', '2024-01-01', '2026-05-01'],
          [4, '丁', '丁公司', '停缓建', '化工', null, null],
        ],
      },
    ]);
    const shown = await preview('a.xlsx', bytes);
    expect(shown.creates.map((r) => [r.name, r.stage])).toEqual([
      ['甲', 'continuing'],
      ['乙', 'continuing'],
      ['丙', 'completed'],
    ]);
    expect(shown.warnings.map((w) => [w.name, w.message])).toEqual([
      ['乙', '阶段“停缓建”不在可识别的写法中，按所在分节读作“续建”（可识别的写法见使用说明“阶段写法”）'],
    ]);
    expect(shown.errors.map((e) => [e.name, e.message])).toEqual([
      ['丁', '无法确定阶段：请加“阶段”列，或按“一、新开工项目”这样的分节排列'],
    ]);
  });

  it('超过两位小数的金额按两位小数记，并在警告里说明；尚未开始的月份的完成数整行不导入', async () => {
    app = await createTempApp({ today: '2026-06-15' });
    const bytes = await buildXlsx([
      {
        name: '续建项目',
        rows: [
          ['项目名称', '建设单位', '总投资（万元）', '1-5月完成投资', '产业链', '实际开工'],
          ['甲', '甲公司', 1234.5678, 100, '化工', '2025-01-01'],
        ],
      },
      {
        name: '新开工项目',
        rows: [
          ['项目名称', '建设单位', '总投资（万元）', '1-12月完成投资', '产业链', '计划开工', '实际开工'],
          ['乙', '乙公司', 500, 100, '化工', '2026-03-01', '2026-03-02'],
        ],
      },
    ]);
    const shown = await preview('a.xlsx', bytes);
    expect(shown.creates.map((r) => [r.name, r.money.totalYuan])).toEqual([['甲', 12_345_700]]);
    expect(shown.warnings.map((w) => w.message)).toEqual(['“总投资（万元）”1234.5678按两位小数计为1,234.57万元']);
    expect(shown.errors.map((e) => e.message)).toEqual([
      '“1—12月”完成投资：2026年12月尚未开始，不能填报该月完成投资（今天是2026-06-15）',
    ]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { setSetting } from '../../db/queries/settings';
import type { ApiResult, MethodInput } from '../../electron/api-spec';
import { dispatch } from '../../electron/contract';
import { rowCount } from '../helpers/stored-rows';
import { signedIn } from '../helpers/signed-in';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// 要素保障 (issue #17): a project's 用地, 资金 by year and source, and 用能, saved as one sheet with a version
// and lines in 变更记录; the shortfall lists across projects on crafted figures worked out by hand; and a
// shortfall raised as a problem, which the list then names beside its row.

const WAN = 10_000;
let app: TempApp;
let chainId: number;
let unitId: number;

beforeEach(async () => {
  app = await createTempApp({ today: '2026-11-28', operator: '张三' });
  const reference = await app.ok('reference.saveUnit', { name: '市自然资源局' });
  unitId = reference.units.find((u) => u.name === '市自然资源局')!.id;
  const chain = (await app.ok('reference.list', {})).chains[0];
  chainId = chain.id;
  await app.ok('reference.saveChain', {
    id: chain.id,
    version: chain.version,
    code: chain.code,
    name: chain.name,
    chainLead: '李链长',
  });
});
afterEach(() => app.close());

function refusal(result: ApiResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

const project = (name: string, stage: 'continuing' | 'preliminary' | 'completed' = 'preliminary') =>
  app.ok('projects.create', {
    name,
    chainId,
    owner: `${name}公司`,
    stage,
    leadUnitId: unitId,
    ...(stage !== 'preliminary' ? { actualStartDate: '2025-03-01' } : {}),
    ...(stage === 'completed' ? { actualCompletionDate: '2026-06-30' } : {}),
  });

type Save = MethodInput<'factors.save'>;
const sheet = (projectId: number, over: Partial<Save> = {}): Save => ({
  projectId,
  year: 2026,
  land: { demandHundredths: null, suppliedHundredths: null, status: 'unapplied' },
  energy: { neededHundredths: null, grantedHundredths: null },
  funds: [],
  ...over,
});

describe('项目的要素保障', () => {
  it('保存用地、用能和本年资金：读回一致，版本从0到1再到2，另一年资金为零；变更记录以中文记新旧值', async () => {
    const p = await project('城南标准厂房');
    const empty = await app.ok('factors.get', { projectId: p.id });
    expect(empty).toMatchObject({ year: 2026, version: 0, fundYears: [], land: { status: 'unapplied' } });
    expect(empty.funds.map((f) => f.source)).toEqual(['central', 'special_bond', 'bank_loan', 'self_raised', 'other']);

    const saved = await app.ok(
      'factors.save',
      sheet(p.id, {
        version: 0,
        land: { demandHundredths: 3000, suppliedHundredths: 1750, status: 'applying' },
        energy: { neededHundredths: 200_000, grantedHundredths: 80_000 },
        funds: [
          { source: 'bank_loan', plannedYuan: 1000 * WAN, inPlaceYuan: 400 * WAN },
          { source: 'special_bond', plannedYuan: 500 * WAN, inPlaceYuan: 0 },
        ],
      }),
    );
    expect(saved).toMatchObject({
      version: 1,
      land: { demandHundredths: 3000, suppliedHundredths: 1750, status: 'applying' },
      energy: { neededHundredths: 200_000, grantedHundredths: 80_000 },
      fundTotals: { plannedYuan: 1500 * WAN, inPlaceYuan: 400 * WAN },
      fundYears: [2026],
    });
    expect(saved.funds.find((f) => f.source === 'bank_loan')).toEqual({
      source: 'bank_loan',
      plannedYuan: 10_000_000,
      inPlaceYuan: 4_000_000,
    });
    expect(await app.ok('factors.get', { projectId: p.id, year: 2026 })).toEqual(saved);
    const lastYear = await app.ok('factors.get', { projectId: p.id, year: 2025 });
    expect(lastYear).toMatchObject({ version: 1, fundTotals: { plannedYuan: 0, inPlaceYuan: 0 } });
    expect(lastYear.land.demandHundredths).toBe(3000);

    const again = await app.ok(
      'factors.save',
      sheet(p.id, {
        version: 1,
        land: { demandHundredths: 3000, suppliedHundredths: 3000, status: 'supplied' },
        energy: saved.energy,
        funds: [{ source: 'bank_loan', plannedYuan: 1000 * WAN, inPlaceYuan: 400 * WAN }],
      }),
    );
    expect(again.version).toBe(2);
    expect(await rowCount(app, 'project_funds')).toBe(1);

    const lines = (await app.ok('projects.history', { id: p.id })).filter((e) => e.field?.startsWith('factor:'));
    expect(lines.map((e) => [e.fieldLabel, e.oldValue, e.newValue, e.operator])).toEqual(
      expect.arrayContaining([
        ['用地·需求亩数', null, '30.00亩', '张三'],
        ['用地·报批状态', '未报批', '报批中', '张三'],
        ['用能·需求指标', null, '2,000.00吨标准煤', '张三'],
        ['2026年资金·银行贷款·到位', null, '400.00万元', '张三'],
        ['用地·已供亩数', '17.50亩', '30.00亩', '张三'],
        ['用地·报批状态', '报批中', '已供地', '张三'],
        ['2026年资金·地方政府专项债券·计划', '500.00万元', null, '张三'],
      ]),
    );
    expect(lines).toHaveLength(8 + 3);

    // a save that changes nothing leaves the version and the history as they were
    const audit = await rowCount(app, 'audit_entries');
    const same = await app.ok(
      'factors.save',
      sheet(p.id, { version: 2, land: again.land, energy: again.energy, funds: again.funds }),
    );
    expect(same.version).toBe(2);
    expect(await rowCount(app, 'audit_entries')).toBe(audit);
  });

  it('另一位办事员已改过：拒绝并说明谁改的，一字不写', async () => {
    const p = await project('高铁新城配套路网');
    const read = await app.ok('factors.get', { projectId: p.id });
    await setSetting(app.ctx.store, 'operatorName', '李四');
    await app.ok(
      'factors.save',
      sheet(p.id, {
        version: read.version,
        land: { demandHundredths: 1000, suppliedHundredths: 0, status: 'applying' },
      }),
    );
    await setSetting(app.ctx.store, 'operatorName', '张三');
    const audit = await rowCount(app, 'audit_entries');
    const error = refusal(
      await app.call(
        'factors.save',
        sheet(p.id, {
          version: read.version,
          land: { demandHundredths: 2000, suppliedHundredths: 0, status: 'unapplied' },
        }),
      ),
    );
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/^已被 李四 于 .+ 修改，请刷新后再改$/);
    expect(error.conflict).toMatchObject({ by: '李四', version: 1 });
    expect((await app.ok('factors.get', { projectId: p.id })).land).toEqual({
      demandHundredths: 1000,
      suppliedHundredths: 0,
      status: 'applying',
    });
    expect(await rowCount(app, 'audit_entries')).toBe(audit);
  });

  it('不合理的输入：说明原因，不写任何数据', async () => {
    const p = await project('生物医药产业园');
    const cases: [unknown, string][] = [
      [
        sheet(p.id, { land: { demandHundredths: -100, suppliedHundredths: null, status: 'unapplied' } }),
        '需求亩数不能为负数',
      ],
      [
        sheet(p.id, { land: { demandHundredths: 12.5, suppliedHundredths: null, status: 'unapplied' } }),
        '需求亩数最多保留两位小数',
      ],
      [
        sheet(p.id, { land: { demandHundredths: 100, suppliedHundredths: null, status: 'done' as never } }),
        '请选择报批状态',
      ],
      [sheet(p.id, { energy: { neededHundredths: 10, grantedHundredths: -1 } }), '已批用能指标不能为负数'],
      [
        sheet(p.id, { funds: [{ source: 'bank_loan', plannedYuan: 150, inPlaceYuan: 0 }] }),
        '计划资金最多保留两位小数（万元）',
      ],
      [sheet(p.id, { funds: [{ source: 'lottery' as never, plannedYuan: 100, inPlaceYuan: 0 }] }), '资金来源不正确'],
      [
        sheet(p.id, {
          funds: [
            { source: 'bank_loan', plannedYuan: 100, inPlaceYuan: 0 },
            { source: 'bank_loan', plannedYuan: 200, inPlaceYuan: 0 },
          ],
        }),
        '资金来源“银行贷款”重复',
      ],
      [sheet(p.id, { year: 1999 }), '计划年度应在2000—2100年之间'],
      [sheet(999_999), '找不到该项目，可能已被删除'],
    ];
    for (const [input, message] of cases) {
      const error = refusal(await app.call('factors.save', input));
      expect(error.message, JSON.stringify(input)).toBe(message);
    }
    expect(await rowCount(app, 'project_factors')).toBe(0);
    expect(await rowCount(app, 'project_funds')).toBe(0);
  });

  it('领导账户只能查看，不能保存', async () => {
    const p = await project('智能制造产业园');
    const leader = await signedIn(app.ctx.store, { login: 'leader', displayName: '王市长', role: 'leader' });
    expect((await dispatch(app.ctx, 'factors.get', { projectId: p.id }, leader)).ok).toBe(true);
    expect((await dispatch(app.ctx, 'factors.shortfalls', { kind: 'land' }, leader)).ok).toBe(true);
    const saved = await dispatch(app.ctx, 'factors.save', sheet(p.id), leader);
    expect(refusal(saved)).toMatchObject({ code: 'forbidden', message: '领导/链长账户不能进行此操作' });
  });
});

describe('要素保障缺口', () => {
  async function office() {
    const a = await project('甲项目', 'continuing');
    const b = await project('乙项目');
    const c = await project('丙项目');
    const done = await project('已竣工项目', 'completed');
    // 甲: 30.00亩 needed, 17.50 supplied → 12.50 short; energy 2,000 / 800 → 1,200 short
    //     funds 2026: 专项债 500/200 (−300), 银行贷款 1,000/1,200 (over, covers nothing)
    await app.ok(
      'factors.save',
      sheet(a.id, {
        land: { demandHundredths: 3000, suppliedHundredths: 1750, status: 'approved' },
        energy: { neededHundredths: 200_000, grantedHundredths: 80_000 },
        funds: [
          { source: 'special_bond', plannedYuan: 500 * WAN, inPlaceYuan: 200 * WAN },
          { source: 'bank_loan', plannedYuan: 1000 * WAN, inPlaceYuan: 1200 * WAN },
        ],
      }),
    );
    // 乙: 45.50亩 needed, none supplied → 45.50 short; 2026 中央预算内 80.50/0 (−80.50); 2025 企业自筹 100/0
    await app.ok(
      'factors.save',
      sheet(b.id, {
        land: { demandHundredths: 4550, suppliedHundredths: null, status: 'unapplied' },
        funds: [{ source: 'central', plannedYuan: 805_000, inPlaceYuan: 0 }],
      }),
    );
    await app.ok('factors.save', {
      ...sheet(b.id, { year: 2025, funds: [{ source: 'self_raised', plannedYuan: 100 * WAN, inPlaceYuan: 0 }] }),
      land: { demandHundredths: 4550, suppliedHundredths: null, status: 'unapplied' },
    });
    // 丙: all it needs
    await app.ok(
      'factors.save',
      sheet(c.id, {
        land: { demandHundredths: 1000, suppliedHundredths: 1000, status: 'supplied' },
        energy: { neededHundredths: 500, grantedHundredths: 500 },
        funds: [{ source: 'other', plannedYuan: 10 * WAN, inPlaceYuan: 10 * WAN }],
      }),
    );
    // completed: short on paper, but finished
    await app.ok(
      'factors.save',
      sheet(done.id, { land: { demandHundredths: 9000, suppliedHundredths: 0, status: 'applying' } }),
    );
    return { a, b, c };
  }

  it('缺地项目、资金未到位项目、用能缺口：缺口、牵头单位、链长、阶段和合计与手算一致', async () => {
    const { a, b } = await office();
    const land = await app.ok('factors.shortfalls', { kind: 'land' });
    expect(land).toMatchObject({ kind: 'land', year: 2026, unit: '亩' });
    expect(land.rows.map((r) => [r.name, r.need, r.have, r.gap, r.landStatus])).toEqual([
      ['乙项目', 4550, 0, 4550, 'unapplied'],
      ['甲项目', 3000, 1750, 1250, 'approved'],
    ]);
    expect(land.rows[1]).toMatchObject({
      projectId: a.id,
      code: a.code,
      stage: 'continuing',
      leadUnitName: '市自然资源局',
      chainLead: '李链长',
    });
    expect(land.total).toEqual({ count: 2, need: 7550, have: 1750, gap: 5800 });

    const funds = await app.ok('factors.shortfalls', { kind: 'funds' });
    expect(funds.rows.map((r) => [r.name, r.need, r.have, r.gap])).toEqual([
      ['甲项目', 1500 * WAN, 1400 * WAN, 300 * WAN],
      ['乙项目', 805_000, 0, 805_000],
    ]);
    expect(funds.total).toEqual({ count: 2, need: 15_805_000, have: 14_000_000, gap: 3_805_000 });
    expect(funds.bySource.filter((s) => s.gapYuan)).toEqual([
      { source: 'central', gapYuan: 805_000 },
      { source: 'special_bond', gapYuan: 300 * WAN },
    ]);
    const lastYear = await app.ok('factors.shortfalls', { kind: 'funds', year: 2025 });
    expect(lastYear.rows.map((r) => [r.projectId, r.gap])).toEqual([[b.id, 100 * WAN]]);

    const energy = await app.ok('factors.shortfalls', { kind: 'energy' });
    expect(energy.rows.map((r) => [r.name, r.gap])).toEqual([['甲项目', 120_000]]);
    expect(energy.total.gap).toBe(120_000);
  });

  it('缺口转为问题：按预填的文字、类别、来源登记到项目，列表随即注明已转问题；销号后不再注明', async () => {
    const { a } = await office();
    const row = (await app.ok('factors.shortfalls', { kind: 'land' })).rows.find((r) => r.projectId === a.id)!;
    expect(row.problem).toEqual({
      description: '用地缺口12.50亩（需求30.00亩，已供17.50亩，已批复）',
      category: 'land',
      source: '要素保障·用地',
    });
    expect(row.raised).toEqual([]);
    const problem = await app.ok('problems.create', {
      projectId: row.projectId,
      description: row.problem.description,
      category: row.problem.category,
      source: row.problem.source,
      leadUnitId: row.leadUnitId,
    });
    expect(problem).toMatchObject({
      projectId: a.id,
      category: 'land',
      source: '要素保障·用地',
      leadUnitName: '市自然资源局',
      description: '用地缺口12.50亩（需求30.00亩，已供17.50亩，已批复）',
    });
    const after = (await app.ok('factors.shortfalls', { kind: 'land' })).rows.find((r) => r.projectId === a.id)!;
    expect(after.raised).toEqual([{ id: problem.id, code: problem.code }]);
    // the funds list does not take the land problem for its own
    const funds = (await app.ok('factors.shortfalls', { kind: 'funds' })).rows.find((r) => r.projectId === a.id)!;
    expect(funds.raised).toEqual([]);

    await app.ok('problems.act', { id: problem.id, action: 'assign', deadline: '2026-12-31', leadUnitId: unitId });
    await app.ok('problems.act', { id: problem.id, action: 'requestClose', text: '已完成供地' });
    await app.ok('problems.act', { id: problem.id, action: 'close' });
    const closed = (await app.ok('factors.shortfalls', { kind: 'land' })).rows.find((r) => r.projectId === a.id)!;
    expect(closed.raised).toEqual([]);
  });

  it('导出Excel：标题、表头、逐行与合计和清单相同，亩数两位小数', async () => {
    await office();
    const file = await app.ok('factors.export', { kind: 'land' });
    expect(file.fileName).toMatch(/重点项目缺地项目\.xlsx$/);
    expect(file.rows).toBe(2);
    const wb = XLSX.read(Buffer.from(file.base64, 'base64'), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, defval: null });
    expect(String(rows[0][0])).toMatch(/重点项目要素保障·缺地项目$/);
    expect(rows[2]).toEqual([
      '序号',
      '项目编号',
      '项目名称',
      '阶段',
      '牵头单位',
      '链长',
      '需求（亩）',
      '已供（亩）',
      '缺口（亩）',
      '报批状态',
      '已转问题',
    ]);
    expect(rows[3]).toEqual([
      1,
      expect.any(String),
      '乙项目',
      '前期',
      '市自然资源局',
      '李链长',
      45.5,
      0,
      45.5,
      '未报批',
      null,
    ]);
    expect(rows[4].slice(6, 10)).toEqual([30, 17.5, 12.5, '已批复']);
    expect(rows[5].slice(0, 1).concat(rows[5].slice(6, 9))).toEqual(['合计（2个项目）', 75.5, 17.5, 58]);

    const funds = await app.ok('factors.export', { kind: 'funds', year: 2026 });
    const fundRows = XLSX.utils.sheet_to_json<unknown[]>(
      XLSX.read(Buffer.from(funds.base64, 'base64'), { type: 'buffer' }).Sheets['资金未到位项目'],
      { header: 1, defval: null },
    );
    expect(fundRows[3].slice(6, 10)).toEqual([1500, 1400, 300, '地方政府专项债券 300.00']);
  });
});

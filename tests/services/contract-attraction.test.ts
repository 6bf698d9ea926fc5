import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, MethodInput } from '../../electron/api-spec';
import { rowCount } from '../helpers/stored-rows';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// 招商 (issue #16): the dates 签约 → 注册 → 开工 → 投产 with 合同投资 and 到位资金 on a project, and
// `stats.attraction` on crafted projects against figures worked out by hand in the comments.

const WAN = 10_000;
let app: TempApp;
let dz: { id: number; chainLead: string };
let jx: { id: number; chainLead: string };

beforeEach(async () => {
  app = await createTempApp({ today: '2026-11-28' });
  const chains = (await app.ok('reference.list', {})).chains;
  const lead = async (code: string, chainLead: string) => {
    const chain = chains.find((c) => c.code === code)!;
    await app.ok('reference.saveChain', { id: chain.id, version: chain.version, code, name: chain.name, chainLead });
    return { id: chain.id, chainLead };
  };
  dz = await lead('DZ', '李链长');
  jx = await lead('DQ', '王链长');
});
afterEach(() => app.close());

function refusal(result: ApiResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

type Create = MethodInput<'projects.create'>;

function invited(name: string, chainId: number, fields: Partial<Create>) {
  return app.ok('projects.create', {
    name,
    chainId,
    owner: `${name}有限公司`,
    stage: fields.actualStartDate ? 'continuing' : 'preliminary',
    isInvestmentPromotion: true,
    ...fields,
  });
}

describe('项目的招商信息', () => {
  it('保存签约、注册、投产日期，合同投资和到位资金（整数元），约定开工期限；修改记入变更记录，版本加一', async () => {
    const created = await invited('甲', dz.id, {
      signingDate: '2026-01-10',
      registrationDate: '2026-02-01',
      actualStartDate: '2026-05-01',
      productionDate: '2026-10-01',
      startWithinMonths: 9,
      contractInvestmentYuan: 1000 * WAN,
      fundsInPlaceYuan: 600 * WAN,
    });
    expect(created).toMatchObject({
      registrationDate: '2026-02-01',
      productionDate: '2026-10-01',
      startWithinMonths: 9,
      contractInvestmentYuan: 10_000_000,
      fundsInPlaceYuan: 6_000_000,
    });
    const updated = await app.ok('projects.update', {
      id: created.id,
      version: created.version,
      fundsInPlaceYuan: 750 * WAN,
      startWithinMonths: null,
    });
    expect(updated.version).toBe(created.version + 1);
    const history = await app.ok('projects.history', { id: created.id });
    expect(
      history.filter((h) => h.action === 'update').map((h) => [h.fieldLabel, h.oldValue, h.newValue, h.operator]),
    ).toEqual(
      expect.arrayContaining([
        ['到位资金', '600.00万元', '750.00万元', '测试填报人'],
        ['约定开工期限（月）', '9个月', null, '测试填报人'],
      ]),
    );
  });

  it('到位资金可以超过合同投资（增资）', async () => {
    const created = await invited('增资', dz.id, {
      signingDate: '2026-01-10',
      contractInvestmentYuan: 100 * WAN,
      fundsInPlaceYuan: 120 * WAN,
    });
    expect(created.fundsInPlaceYuan).toBe(1_200_000);
  });

  it.each([
    [
      '注册早于签约',
      { signingDate: '2026-03-01', registrationDate: '2026-02-01' },
      'registrationDate',
      '注册日期不能早于签约日期',
    ],
    ['有注册无签约', { registrationDate: '2026-02-01' }, 'signingDate', '已填注册日期，请先填写签约日期'],
    [
      '开工早于注册',
      { signingDate: '2026-01-01', registrationDate: '2026-03-01', actualStartDate: '2026-02-01' },
      'actualStartDate',
      '实际开工日期不能早于注册日期',
    ],
    [
      '投产早于开工',
      { signingDate: '2026-01-01', actualStartDate: '2026-03-01', productionDate: '2026-02-01' },
      'productionDate',
      '投产日期不能早于实际开工日期',
    ],
    [
      '有投产无开工',
      { signingDate: '2026-01-01', productionDate: '2026-02-01' },
      'actualStartDate',
      '已填投产日期，请先填写实际开工日期',
    ],
    [
      '注册在今天之后',
      { signingDate: '2026-11-01', registrationDate: '2026-12-01' },
      'registrationDate',
      '注册日期不能晚于今天',
    ],
    [
      '期限为0个月',
      { signingDate: '2026-01-01', startWithinMonths: 0 },
      'startWithinMonths',
      '约定开工期限应在1—120个月之间',
    ],
    ['到位资金为负', { signingDate: '2026-01-01', fundsInPlaceYuan: -100 }, 'fundsInPlaceYuan', '到位资金不能为负数'],
    [
      '合同投资不足0.01万元',
      { contractInvestmentYuan: 150 },
      'contractInvestmentYuan',
      '合同投资最多保留两位小数（万元）',
    ],
  ] as const)('%s：拒绝并给出中文提示，不写入任何数据', async (_case, fields, field, message) => {
    const before = [await rowCount(app, 'projects'), await rowCount(app, 'audit_log')];
    const error = refusal(
      await app.call('projects.create', {
        name: '乙',
        chainId: dz.id,
        owner: '乙公司',
        stage: 'actualStartDate' in fields ? 'continuing' : 'preliminary',
        isInvestmentPromotion: true,
        ...fields,
      }),
    );
    expect(error).toMatchObject({ code: 'invalid_input', field, message });
    expect([await rowCount(app, 'projects'), await rowCount(app, 'audit_log')]).toEqual(before);
  });
});

describe('stats.attraction', () => {
  beforeEach(async () => {
    // today 2026-11-28, the office's agreed time 6 months unless a project says its own
    await invited('A', dz.id, {
      signingDate: '2026-01-10', // due 2026-07-10, started 05-01: kept
      registrationDate: '2026-02-01',
      actualStartDate: '2026-05-01',
      productionDate: '2026-10-01',
      contractInvestmentYuan: 1000 * WAN,
      fundsInPlaceYuan: 600 * WAN,
    });
    await invited('B', dz.id, {
      signingDate: '2026-02-15', // due 2026-08-15, started 09-01: late
      registrationDate: '2026-03-01',
      actualStartDate: '2026-09-01',
      contractInvestmentYuan: 500 * WAN,
      fundsInPlaceYuan: 100 * WAN,
    });
    await invited('C', dz.id, {
      signingDate: '2026-03-01', // its own 12 months: due 2027-03-01, not yet
      startWithinMonths: 12,
      contractInvestmentYuan: 800 * WAN,
    });
    await invited('D', jx.id, {
      signingDate: '2026-04-30', // due 2026-10-30, not started: broken
      chainLeadOverride: '张专班',
      contractInvestmentYuan: 200 * WAN,
      fundsInPlaceYuan: 50 * WAN,
    });
    await invited('G', jx.id, {
      signingDate: '2026-11-20', // signed last week and already started: not yet due either way
      actualStartDate: '2026-11-25',
      contractInvestmentYuan: 300 * WAN,
      fundsInPlaceYuan: 30 * WAN,
    });
    await invited('E', jx.id, {
      signingDate: '2025-12-20', // the year before: due 2026-06-20, started 03-01: kept
      actualStartDate: '2026-03-01',
      contractInvestmentYuan: 400 * WAN,
      fundsInPlaceYuan: 400 * WAN,
    });
    // signed, but not a 招商引资 project: never counted
    await invited('F', dz.id, { isInvestmentPromotion: false, signingDate: '2026-05-01' });
  });

  it('按签约年度成批：签约→注册→开工→投产，合同投资、到位资金、到位率和履约率（分子/分母）', async () => {
    const stats = await app.ok('stats.attraction', {});
    expect(stats).toMatchObject({ year: 2026, today: '2026-11-28', defaultStartMonths: 6 });
    // A B C D G signed in 2026; A B registered; A B G started; A producing; due A B D, of which A kept
    expect(stats.total).toEqual({
      signed: 5,
      registered: 2,
      started: 3,
      producing: 1,
      contractInvestmentYuan: 28_000_000,
      fundsInPlaceYuan: 7_800_000,
      fundsRate: { numerator: 7_800_000, denominator: 28_000_000, rate: 780 / 2800 },
      performanceRate: { numerator: 1, denominator: 3, rate: 1 / 3 },
      notYetDue: 2,
    });
    const dzRow = stats.byChain.find((c) => c.chainId === dz.id)!;
    expect(dzRow).toMatchObject({
      chainName: '电子信息',
      signed: 3,
      registered: 2,
      started: 2,
      producing: 1,
      contractInvestmentYuan: 23_000_000,
      fundsInPlaceYuan: 7_000_000,
      performanceRate: { numerator: 1, denominator: 2, rate: 0.5 },
      notYetDue: 1,
    });
    const jxRow = stats.byChain.find((c) => c.chainId === jx.id)!;
    expect(jxRow).toMatchObject({
      signed: 2,
      started: 1,
      contractInvestmentYuan: 5_000_000,
      fundsInPlaceYuan: 800_000,
      performanceRate: { numerator: 0, denominator: 1, rate: 0 },
      notYetDue: 1,
    });
    // every chain in use is listed, those without a signing too
    expect(stats.byChain.filter((c) => c.signed === 0).length).toBeGreaterThan(0);
    expect(stats.byChain.reduce((sum, c) => sum + c.signed, 0)).toBe(5);

    const leads = Object.fromEntries(stats.byLead.map((l) => [l.chainLead, [l.signed, l.started, l.performanceRate]]));
    expect(leads).toEqual({
      [dz.chainLead]: [3, 2, { numerator: 1, denominator: 2, rate: 0.5 }],
      张专班: [1, 0, { numerator: 0, denominator: 1, rate: 0 }],
      [jx.chainLead]: [1, 1, { numerator: 0, denominator: 0, rate: null }],
    });
    expect(stats.byLead[0].chainLead).toBe(dz.chainLead);
  });

  it('上一年签约的项目归上一年', async () => {
    const stats = await app.ok('stats.attraction', { year: 2025 });
    expect(stats.total).toMatchObject({
      signed: 1,
      started: 1,
      fundsRate: { numerator: 4_000_000, denominator: 4_000_000, rate: 1 },
      performanceRate: { numerator: 1, denominator: 1, rate: 1 },
    });
    expect(stats.byLead.map((l) => l.chainLead)).toEqual([jx.chainLead]);
  });

  it('设置中的约定开工期限改为3个月：未单独约定的项目按新期限计算，并记入变更记录', async () => {
    await app.ok('settings.update', { attractionStartMonths: 3 });
    expect((await app.ok('settings.get', {})).attractionStartMonths).toBe(3);
    // A due 04-10 started 05-01: late now; B due 05-15: late; D due 07-30: broken; C keeps its own 12; G not due
    const stats = await app.ok('stats.attraction', {});
    expect(stats.defaultStartMonths).toBe(3);
    expect(stats.total.performanceRate).toEqual({ numerator: 0, denominator: 3, rate: 0 });
    expect(stats.total.notYetDue).toBe(2);
    const line = (await app.ok('audit.list', { kind: 'settings' })).entries.find(
      (r) => r.field === 'attractionStartMonths',
    );
    expect(line).toMatchObject({ oldValue: '6', newValue: '3', operator: '测试填报人' });
  });

  it('约定开工期限不在1—120个月之间时拒绝', async () => {
    const error = refusal(await app.call('settings.update', { attractionStartMonths: 0 }));
    expect(error).toMatchObject({ code: 'invalid_input', message: '招商约定开工期限应在1—120个月之间' });
    expect((await app.ok('settings.get', {})).attractionStartMonths).toBe(6);
  });
});

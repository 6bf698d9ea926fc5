import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectListRow } from '../../db/model/project-list';
import type { ApiResult } from '../../electron/api-spec';
import { matchesSearch } from '../../renderer/pages/library/library-filters';
import { rowCount } from '../helpers/stored-rows';
import { createTempApp, type TempApp } from '../helpers/temp-app';

let app: TempApp;
let chainId: number;
let unitId: number;

beforeEach(async () => {
  app = await createTempApp();
  const reference = await app.ok('reference.list', {});
  chainId = reference.chains.find((c) => c.code === 'DZ')!.id;
  unitId = (await app.ok('reference.saveUnit', { name: '市发展和改革局' })).units[0].id;
});
afterEach(() => app.close());

async function counts() {
  return {
    projects: await rowCount(app, 'projects'),
    audit: await rowCount(app, 'audit_log'),
    months: await rowCount(app, 'monthly_investments'),
  };
}

function refusal(result: ApiResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

const minimal = () => ({
  name: '华芯制造年产1亿颗芯片封测项目',
  stage: 'reserve' as const,
  chainId,
  owner: '湖南华芯制造有限公司',
});

describe('projects.create', () => {
  it('只填必填项即可建项，编号按产业链和年度自动生成', async () => {
    const first = await app.ok('projects.create', minimal());
    const second = await app.ok('projects.create', { ...minimal(), name: '第二个项目' });
    expect(first.code).toBe('DZ-2026-001');
    expect(second.code).toBe('DZ-2026-002');
    expect(first.chainName).toBe('电子信息');
    expect(first.stageChanges).toMatchObject([{ fromStage: null, toStage: 'reserve', operator: '测试填报人' }]);
  });

  it('全部字段按原样保存，金额为整数元', async () => {
    const created = await app.ok('projects.create', {
      ...minimal(),
      code: 'DZ-2026-100',
      stage: 'new_start',
      category: 'industry',
      isInvestmentPromotion: true,
      leadUnitId: unitId,
      responsibleUnitIds: [unitId],
      plannedStartDate: '2026-03-01',
      plannedCompletionDate: '2027-12-31',
      actualStartDate: '2026-03-10',
      totalInvestmentYuan: 1_234_567_800,
      annualPlanYuan: 300_000_000,
      contactPhone: '0731-56001234',
      inStatistics: true,
    });
    const fetched = await app.ok('projects.get', { id: created.id });
    expect(fetched).toMatchObject({
      code: 'DZ-2026-100',
      stage: 'new_start',
      totalInvestmentYuan: 1_234_567_800,
      annualPlanYuan: 300_000_000,
      leadUnitName: '市发展和改革局',
      responsibleUnitNames: ['市发展和改革局'],
      isInvestmentPromotion: true,
      inStatistics: true,
    });
  });

  it.each([
    ['缺项目名称', { name: '' }, 'name', '请填写项目名称'],
    ['未知阶段', { stage: 'dreaming' }, 'stage', '请选择阶段'],
    ['负数金额', { totalInvestmentYuan: -1 }, 'totalInvestmentYuan', '总投资不能为负数'],
    ['小数金额', { totalInvestmentYuan: 1.5 }, 'totalInvestmentYuan', '总投资最多保留两位小数（万元）'],
    ['字母金额', { annualPlanYuan: '12a' }, 'annualPlanYuan', '本年计划投资应为数字金额'],
    ['10MB的名称', { name: 'x'.repeat(10 * 1024 * 1024) }, 'name', '项目名称不能超过100个字'],
    [
      '计划竣工早于计划开工',
      { plannedStartDate: '2026-05-01', plannedCompletionDate: '2026-04-30' },
      'plannedCompletionDate',
      '计划竣工日期不能早于计划开工日期',
    ],
    [
      '不存在的日期',
      { plannedStartDate: '2026-02-30' },
      'plannedStartDate',
      '计划开工日期不是有效日期（格式：2026-03-01）',
    ],
    ['实际开工在今天之后', { actualStartDate: '2026-11-29' }, 'actualStartDate', '实际开工日期不能晚于今天'],
    ['不存在的产业链', { chainId: 999 }, 'chainId', '所选产业链不存在，请重新选择'],
    ['新开工无计划开工日期', { stage: 'new_start' }, 'plannedStartDate', '列入新开工须填写计划开工日期'],
  ])('%s：拒绝并给出中文提示，不写入任何数据', async (_case, patch, field, message) => {
    const before = await counts();
    const error = refusal(await app.call('projects.create', { ...minimal(), ...patch }));
    expect(error.code).toBe('invalid_input');
    expect(error.field).toBe(field);
    expect(error.message).toBe(message);
    expect(error.fieldErrors?.[field]).toBe(message);
    expect(await counts()).toEqual(before);
  });

  it('两个项目不能共用一个项目编号', async () => {
    await app.ok('projects.create', { ...minimal(), code: 'DZ-2026-007' });
    const before = await counts();
    const error = refusal(await app.call('projects.create', { ...minimal(), code: 'DZ-2026-007', name: '另一个' }));
    expect(error).toMatchObject({ field: 'code', message: '项目编号“DZ-2026-007”已被其他项目使用' });
    expect(await counts()).toEqual(before);
  });

  it('未知字段和非对象输入被拒绝', async () => {
    expect(refusal(await app.call('projects.create', { ...minimal(), hacked: 1 })).code).toBe('invalid_input');
    expect(refusal(await app.call('projects.create', 'DROP TABLE projects')).code).toBe('invalid_input');
    expect(refusal(await app.call('projects.create', null)).code).toBe('invalid_input');
  });

  it('未填写填报人姓名前不能修改数据', async () => {
    const fresh = await createTempApp({ operator: null });
    try {
      expect((await fresh.ok('app.status', {})).needsSetup).toBe(true);
      const error = refusal(await fresh.call('projects.create', minimal()));
      expect(error.code).toBe('no_operator');
    } finally {
      await fresh.close();
    }
  });
});

describe('projects.update 与变更记录', () => {
  it('只记录改动的字段：谁、何时、原值→新值（用万元和名称表述）', async () => {
    const created = await app.ok('projects.create', { ...minimal(), totalInvestmentYuan: 100_000_000 });
    await app.ok('projects.update', { id: created.id, totalInvestmentYuan: 123_456_700, leadUnitId: unitId });
    const history = await app.ok('projects.history', { id: created.id });
    const changes = history.filter((h) => h.action === 'update');
    expect(changes.map((c) => [c.fieldLabel, c.oldValue, c.newValue, c.operator])).toEqual(
      expect.arrayContaining([
        ['总投资', '10,000.00万元', '12,345.67万元', '测试填报人'],
        ['牵头单位', null, '市发展和改革局', '测试填报人'],
      ]),
    );
    expect(changes).toHaveLength(2);
    expect(history.at(-1)).toMatchObject({ action: 'create', newValue: `${created.code} ${created.name}` });
  });

  it('阶段不能在编辑中直接修改', async () => {
    const created = await app.ok('projects.create', minimal());
    const error = refusal(await app.call('projects.update', { id: created.id, stage: 'preliminary' }));
    expect(error).toMatchObject({ code: 'use_change_stage', field: 'stage' });
  });

  it('改成违规数据时拒绝，原数据不变', async () => {
    const created = await app.ok('projects.create', { ...minimal(), plannedStartDate: '2026-05-01' });
    const before = await counts();
    const error = refusal(await app.call('projects.update', { id: created.id, plannedCompletionDate: '2026-01-01' }));
    expect(error.message).toBe('计划竣工日期不能早于计划开工日期');
    expect(await counts()).toEqual(before);
    expect((await app.ok('projects.get', { id: created.id })).plannedCompletionDate).toBeNull();
  });

  it('改用他人已用的项目编号被拒绝', async () => {
    const a = await app.ok('projects.create', minimal());
    const b = await app.ok('projects.create', { ...minimal(), name: '乙' });
    const error = refusal(await app.call('projects.update', { id: b.id, code: a.code }));
    expect(error.field).toBe('code');
  });
});

describe('月度完成投资', () => {
  it('本年累计、自开工累计和1—N月由月度数字推出', async () => {
    const created = await app.ok('projects.create', {
      ...minimal(),
      stage: 'continuing',
      actualStartDate: '2025-04-01',
      totalInvestmentYuan: 200_000_000,
      investedBeforeYearYuan: 50_000_000,
    });
    await app.ok('projects.setMonthlyInvestment', {
      projectId: created.id,
      year: 2026,
      month: 1,
      amountYuan: 1_000_000,
    });
    const detail = await app.ok('projects.setMonthlyInvestment', {
      projectId: created.id,
      year: 2026,
      month: 3,
      amountYuan: 2_500_000,
    });
    expect(detail).toMatchObject({
      yearCompletedYuan: 3_500_000,
      sinceStartCompletedYuan: 53_500_000,
      reportedMonths: 3,
    });
    const [row] = await app.ok('projects.list', { search: created.code });
    expect(row.yearCompletedYuan).toBe(3_500_000);
  });

  it('第13个月被拒绝', async () => {
    const created = await app.ok('projects.create', {
      ...minimal(),
      stage: 'continuing',
      actualStartDate: '2025-04-01',
    });
    const error = refusal(
      await app.call('projects.setMonthlyInvestment', {
        projectId: created.id,
        year: 2026,
        month: 13,
        amountYuan: 100,
      }),
    );
    expect(error.message).toBe('月份应为1—12');
    expect((await counts()).months).toBe(0);
  });
});

describe('projects.changeStage', () => {
  it('逐级推进，记录日期、填报人和原因', async () => {
    const created = await app.ok('projects.create', minimal());
    await app.ok('projects.changeStage', { id: created.id, toStage: 'preliminary' });
    const moved = await app.ok('projects.changeStage', {
      id: created.id,
      toStage: 'new_start',
      plannedStartDate: '2026-12-15',
    });
    expect(moved.stage).toBe('new_start');
    expect(moved.plannedStartDate).toBe('2026-12-15');
    expect(moved.stageChanges.map((c) => [c.fromStage, c.toStage])).toEqual([
      ['preliminary', 'new_start'],
      ['reserve', 'preliminary'],
      [null, 'reserve'],
    ]);
  });

  it('跳级和无原因退回被拒绝，不写入', async () => {
    const created = await app.ok('projects.create', { ...minimal(), stage: 'preliminary' });
    const before = await counts();
    expect(refusal(await app.call('projects.changeStage', { id: created.id, toStage: 'continuing' })).message).toBe(
      '阶段只能逐级变更：前期不能直接变更为续建',
    );
    expect(refusal(await app.call('projects.changeStage', { id: created.id, toStage: 'reserve' })).message).toBe(
      '退回储备须填写原因',
    );
    expect(await counts()).toEqual(before);
  });

  it('已开工的新开工项目不能退回前期；竣工退回续建时清除实际竣工日期', async () => {
    const started = await app.ok('projects.create', {
      ...minimal(),
      stage: 'new_start',
      plannedStartDate: '2026-03-01',
      actualStartDate: '2026-03-05',
    });
    const error = refusal(
      await app.call('projects.changeStage', { id: started.id, toStage: 'preliminary', reason: '年内不开工' }),
    );
    expect(error.message).toBe('该项目已填实际开工日期，不能退回前期；如开工日期填错，请先在编辑中清除');
    const done = await app.ok('projects.create', {
      ...minimal(),
      name: '已竣工项目',
      stage: 'completed',
      actualStartDate: '2025-03-05',
      actualCompletionDate: '2026-10-01',
    });
    const reopened = await app.ok('projects.changeStage', {
      id: done.id,
      toStage: 'continuing',
      reason: '竣工验收未通过',
    });
    expect(reopened).toMatchObject({ stage: 'continuing', actualCompletionDate: null, actualStartDate: '2025-03-05' });
    const history = await app.ok('projects.history', { id: done.id });
    expect(history.find((h) => h.field === 'actualCompletionDate')).toMatchObject({
      oldValue: '2026-10-01',
      newValue: null,
    });
  });
});

describe('projects.list', () => {
  it('first：只取按项目编号排在最前的几行（数字按大小），与全部列表中的这几行相同', async () => {
    for (const code of ['DZ-2026-10', 'DZ-2026-9', 'DZ-2026-100', 'DZ-2026-2']) {
      await app.ok('projects.create', { ...minimal(), code, name: `项目${code}` });
    }
    const first = await app.ok('projects.list', { first: 3 });
    expect(first.map((r) => r.code)).toEqual(['DZ-2026-2', 'DZ-2026-9', 'DZ-2026-10']);
    const all = await app.ok('projects.list', {});
    for (const row of first) expect(row).toEqual(all.find((r) => r.id === row.id));
    expect(await app.ok('projects.list', { first: 1000 })).toHaveLength(4);
    expect(refusal(await app.call('projects.list', { first: 0 })).message).toContain('先取的行数应为1—1000');
    expect(refusal(await app.call('projects.list', { first: 2.5 })).message).toContain('先取的行数应为1—1000');
    expect(refusal(await app.call('projects.list', { first: 2, search: '项目' })).message).toContain(
      '搜索时返回全部结果，不能只取前几行',
    );
  });

  it('列表行的产业链、链长、园区、牵头和责任单位按名称显示，责任单位按填报的先后', async () => {
    const reference = await app.ok('reference.list', {});
    const park = reference.parks[0];
    const later = (await app.ok('reference.saveUnit', { name: '市工业和信息化局' })).units.find(
      (u) => u.name === '市工业和信息化局',
    )!.id;
    await app.ok('projects.create', {
      ...minimal(),
      parkId: park.id,
      leadUnitId: later,
      responsibleUnitIds: [later, unitId],
      chainLeadOverride: '张三',
    });
    await app.ok('projects.create', { ...minimal(), name: '第二个项目', responsibleUnitIds: [unitId, later] });
    const shown = (rows: ProjectListRow[]) =>
      rows.map((r) => [r.name, r.chainName, r.chainLead, r.parkName, r.leadUnitName, r.responsibleUnitNames]);
    const expected = [
      [minimal().name, '电子信息', '张三', park.name, '市工业和信息化局', ['市工业和信息化局', '市发展和改革局']],
      [
        '第二个项目',
        '电子信息',
        reference.chains.find((c) => c.id === chainId)!.chainLead,
        null,
        null,
        ['市发展和改革局', '市工业和信息化局'],
      ],
    ];
    expect(shown(await app.ok('projects.list', {}))).toEqual(expected);
    expect(shown(await app.ok('projects.list', { search: '华芯' }))).toEqual(expected);
    expect(shown(await app.ok('projects.list', { search: '项目' }))).toEqual(expected);
  });

  it('关键字筛选；关键字中的 % 和 _ 按字面匹配，不当作通配符', async () => {
    await app.ok('projects.create', minimal());
    await app.ok('projects.create', { ...minimal(), name: '100%国产化改造项目', stage: 'preliminary' });
    await app.ok('projects.create', { ...minimal(), name: '二期_A区厂房', stage: 'preliminary' });
    expect(await app.ok('projects.list', {})).toHaveLength(3);
    expect((await app.ok('projects.list', { search: '%' })).map((r) => r.name)).toEqual(['100%国产化改造项目']);
    expect((await app.ok('projects.list', { search: '_' })).map((r) => r.name)).toEqual(['二期_A区厂房']);
    expect((await app.ok('projects.list', { search: '期_A' })).map((r) => r.name)).toEqual(['二期_A区厂房']);
    expect(await app.ok('projects.list', { search: '二期%' })).toEqual([]);
    const [row] = await app.ok('projects.list', { search: '封测' });
    expect(row).toMatchObject({ stage: 'reserve', chainName: '电子信息', totalInvestmentYuan: 0 });
  });

  it('服务端的关键字与项目库搜索框找出同样的项目（每个词都须出现，% 和 _ 按字面）', async () => {
    const parkId = (await app.ok('reference.list', {})).parks[0].id;
    await app.ok('projects.create', minimal());
    await app.ok('projects.create', { ...minimal(), name: '100%国产化改造项目', stage: 'preliminary', parkId });
    await app.ok('projects.create', { ...minimal(), name: '二期_A区厂房', responsibleUnitIds: [unitId] });
    await app.ok('projects.create', { ...minimal(), name: '二期A区仓库', leadUnitId: unitId, location: '湘乡经开区' });
    const all = await app.ok('projects.list', {});
    const searches = [
      '%',
      '_',
      '二期%',
      '二期 厂房',
      '二期 仓库',
      '发展和改革 二期',
      'dz-2026-00',
      '  华芯  封测 ',
      '电子',
    ];
    for (const search of [...searches, (await app.ok('reference.list', {})).parks[0].name]) {
      const server = (await app.ok('projects.list', { search })).map((r) => r.code);
      const client = all.filter((r) => matchesSearch(r, search)).map((r) => r.code);
      expect(server, search).toEqual(client);
    }
    const names = async (search: string) => (await app.ok('projects.list', { search })).map((r) => r.name);
    expect(await names('二期 厂房')).toEqual(['二期_A区厂房']);
    expect(await names('发展和改革 二期')).toEqual(['二期_A区厂房', '二期A区仓库']);
    expect(await names('dz-2026-00')).toHaveLength(4);
  });

  it('不再接受项目库自己在页面上做的筛选条件', async () => {
    expect(refusal(await app.call('projects.list', { stage: 'preliminary' }))).toMatchObject({ code: 'invalid_input' });
  });
});

describe('其他', () => {
  it('未知的方法返回中文错误', async () => {
    expect(refusal(await app.call('projects.drop', {}))).toMatchObject({ code: 'unknown_method' });
  });

  it('编号大得没有记录能有的项目：拒绝并说明；变更记录从这样的位置往前翻即从最新一条起', async () => {
    const created = await app.ok('projects.create', minimal());
    for (const id of [2 ** 31, Number.MAX_SAFE_INTEGER]) {
      expect(refusal(await app.call('projects.get', { id }))).toMatchObject({
        code: 'invalid_input',
        message: expect.stringContaining('项目不正确'),
      });
      const page = await app.ok('audit.list', { before: id });
      expect(page.entries[0]).toMatchObject({ entityId: created.id, action: 'create' });
      expect(page.entries).toEqual((await app.ok('audit.list', {})).entries);
    }
  });
});

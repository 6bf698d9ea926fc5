import { afterEach, describe, expect, it } from 'vitest';
import type { LedgerImportPreview } from '../../electron/api-spec';
import { buildXlsx, type TestCell } from '../helpers/spreadsheets';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// The preview works out every row in memory from one read of the library; the apply writes the rows through
// the database inside its transaction. Here are the rows where the two could part: what only the library
// knows (retired entries, codes taken or freed, the next free code) and rows that come back to a project an
// earlier row of the same file changed. Each preview must be exactly what the apply then does.

let app: TempApp;
afterEach(() => app?.close());

const WAN = 10_000;
const FILE = '台账.xlsx';

async function previewOf(rows: TestCell[][]): Promise<{ bytes: Buffer; shown: LedgerImportPreview }> {
  const bytes = await buildXlsx([{ name: '台账', rows }]);
  const shown = await app.ok('ledger.previewImport', { fileName: FILE, contentBase64: bytes.toString('base64') });
  return { bytes, shown };
}

/** Applies what was shown, skipping refused rows; the apply's own account of the rows must be the preview's. */
async function applyAsShown(bytes: Buffer, shown: LedgerImportPreview) {
  const { backupFile, ...applied } = await app.ok('ledger.applyImport', {
    fileName: FILE,
    contentBase64: bytes.toString('base64'),
    fingerprint: shown.fingerprint,
    skipErrors: true,
  });
  expect(backupFile).toBeTruthy();
  expect(applied).toEqual(shown);
}

async function chainByName(name: string) {
  return (await app.ok('reference.list', {})).chains.find((c) => c.name === name)!;
}

async function projectsByName() {
  const listed = await app.ok('projects.list', {});
  const rows = await Promise.all(listed.map((r) => app.ok('projects.get', { id: r.id })));
  return new Map(rows.map((r) => [r.name, r]));
}

describe('导入预览与确认导入逐行一致', () => {
  it('停用的单位、产业链、园区：新项目不能选用，已在用的项目照常更新；新单位只建一次', async () => {
    app = await createTempApp();
    const chain = await chainByName('电子信息');
    const chemistry = await chainByName('化工');
    let reference = await app.ok('reference.saveUnit', { name: '市老干部局' });
    const oldUnit = reference.units.find((u) => u.name === '市老干部局')!;
    reference = await app.ok('reference.savePark', { name: '老城片区' });
    const oldPark = reference.parks.find((p) => p.name === '老城片区')!;
    const kept = await app.ok('projects.create', {
      name: '老年活动中心',
      owner: '湘乡市老干部活动中心',
      chainId: chemistry.id,
      stage: 'reserve',
      leadUnitId: oldUnit.id,
      parkId: oldPark.id,
      totalInvestmentYuan: 500 * WAN,
    });
    await app.ok('reference.setRetired', { kind: 'unit', id: oldUnit.id, retired: true });
    await app.ok('reference.setRetired', { kind: 'park', id: oldPark.id, retired: true });
    await app.ok('reference.setRetired', { kind: 'chain', id: chemistry.id, retired: true });

    const { bytes, shown } = await previewOf([
      ['项目编号', '项目名称', '建设单位', '总投资（万元）', '阶段', '产业链', '牵头单位', '园区', '备注'],
      [kept.code, '老年活动中心', '湘乡市老干部活动中心', 600, '储备', '化工', '市老干部局', '老城片区', '扩建'],
      [null, '新建老年大学', '湘乡市老年大学', 300, '储备', '电子信息', '市老干部局', null, null],
      [null, '化工新材料项目', '甲化工公司', 900, '储备', '化工', null, null, null],
      [null, '老城片区改造', '乙建设公司', 800, '储备', '电子信息', null, '老城片区', null],
      [null, '电子元件厂', '丙电子公司', 700, '储备', '电子信息', '市新设局', null, null],
      [null, '电子元件厂二期', '丙电子公司', 700, '储备', '电子信息', '市新设局', null, null],
    ]);
    expect(shown.errors.map((e) => [e.row, e.message])).toEqual([
      [3, '所选单位已停用，请选择其他单位'],
      [4, '所选产业链已停用，请选择其他产业链'],
      [5, '所选园区/片区已停用，请选择其他园区/片区'],
    ]);
    expect(shown.updates.map((r) => [r.name, r.changes])).toEqual([
      [
        '老年活动中心',
        [
          { label: '总投资', before: '500.00万元', after: '600.00万元' },
          { label: '备注', before: null, after: '扩建' },
        ],
      ],
    ]);
    expect(shown.creates.map((r) => [r.name, r.code])).toEqual([
      ['电子元件厂', `${chain.code}-2026-001`],
      ['电子元件厂二期', `${chain.code}-2026-002`],
    ]);
    expect(shown.newUnits).toEqual(['市新设局']);

    await applyAsShown(bytes, shown);
    const projects = await projectsByName();
    expect([...projects.keys()].sort()).toEqual(['电子元件厂', '电子元件厂二期', '老年活动中心'].sort());
    expect(projects.get('老年活动中心')).toMatchObject({ leadUnitId: oldUnit.id, parkId: oldPark.id });
    const units = (await app.ok('reference.list', {})).units.filter((u) => u.name === '市新设局');
    expect(units).toHaveLength(1);
    expect(projects.get('电子元件厂二期')!.leadUnitId).toBe(units[0].id);
  });

  it('同一项目在表中出现两次（按编号、按名称和建设单位）：第二行在第一行的结果上比较，月度完成数也是', async () => {
    app = await createTempApp();
    const chain = await chainByName('电子信息');
    const project = await app.ok('projects.create', {
      name: '芯片封装测试基地',
      owner: '湖南芯测科技有限公司',
      chainId: chain.id,
      stage: 'continuing',
      actualStartDate: '2025-03-01',
      totalInvestmentYuan: 100_000 * WAN,
    });
    await app.ok('projects.setMonthlyInvestment', {
      projectId: project.id,
      year: 2026,
      month: 9,
      amountYuan: 1_000 * WAN,
    });

    const { bytes, shown } = await previewOf([
      ['项目编号', '项目名称', '建设单位', '总投资（万元）', '1-10月完成投资', '2026年计划投资', '阶段'],
      [project.code, '芯片封装测试基地', '湖南芯测科技有限公司', 120_000, 1_500, 8_000, '续建'],
      [null, '芯片封装测试基地', '湖南芯测科技有限公司', 130_000, 1_800, null, '续建'],
    ]);
    expect(shown.errors).toEqual([]);
    expect(shown.updates.map((r) => r.changes)).toEqual([
      [
        { label: '总投资', before: '100,000.00万元', after: '120,000.00万元' },
        { label: '本年计划投资', before: '0.00万元', after: '8,000.00万元' },
        { label: '2026年10月完成投资', before: null, after: '500.00万元' },
      ],
      [
        { label: '总投资', before: '120,000.00万元', after: '130,000.00万元' },
        { label: '2026年10月完成投资', before: '500.00万元', after: '800.00万元' },
      ],
    ]);
    expect(shown.updates[1].money.yearCompletedYuan).toBe(1_800 * WAN);

    await applyAsShown(bytes, shown);
    const stored = await app.ok('projects.get', { id: project.id });
    expect(stored.totalInvestmentYuan).toBe(130_000 * WAN);
    expect(stored.yearCompletedYuan).toBe(1_800 * WAN);
  });

  it('表中改用办里自己的编号后，腾出的编号由后面的新项目接着用', async () => {
    app = await createTempApp();
    const chain = await chainByName('电子信息');
    const create = (name: string) =>
      app.ok('projects.create', { name, owner: '丁电子公司', chainId: chain.id, stage: 'reserve' });
    const first = await create('电子产业园一期');
    const second = await create('电子产业园二期');
    expect([first.code, second.code]).toEqual([`${chain.code}-2026-001`, `${chain.code}-2026-002`]);

    const { bytes, shown } = await previewOf([
      ['项目编号', '项目名称', '建设单位', '阶段', '产业链', '1-10月完成投资'],
      // refused after its code was worked out: the code stays free
      [null, '电子产业园零期', '丁电子公司', '储备', '电子信息', 100],
      ['BAN-7', '电子产业园二期', '丁电子公司', '储备', '电子信息', null],
      [null, '电子产业园三期', '丁电子公司', '储备', '电子信息', null],
    ]);
    expect(shown.errors.map((e) => [e.row, e.message])).toEqual([[2, '储备项目尚未开工，不应有本年完成投资']]);
    expect(shown.updates.map((r) => r.changes)).toEqual([
      [{ label: '项目编号', before: `${chain.code}-2026-002`, after: 'BAN-7' }],
    ]);
    expect(shown.creates.map((r) => r.code)).toEqual([`${chain.code}-2026-002`]);

    await applyAsShown(bytes, shown);
    const projects = await projectsByName();
    expect(projects.get('电子产业园二期')!.code).toBe('BAN-7');
    expect(projects.get('电子产业园三期')!.code).toBe(`${chain.code}-2026-002`);
    expect(projects.has('电子产业园零期')).toBe(false);
  });

  it('编号只差大小写时不能改成别的项目已用的编号；阶段和日期规则照样拒绝', async () => {
    app = await createTempApp();
    const chain = await chainByName('电子信息');
    const lower = await app.ok('projects.create', {
      code: 'xm-1',
      name: '小写编号项目',
      owner: '戊公司',
      chainId: chain.id,
      stage: 'reserve',
    });
    await app.ok('projects.create', {
      code: 'XM-1',
      name: '大写编号项目',
      owner: '己公司',
      chainId: chain.id,
      stage: 'reserve',
    });

    const { bytes, shown } = await previewOf([
      ['项目编号', '项目名称', '建设单位', '阶段', '产业链', '1-10月完成投资', '实际开工时间'],
      ['XM-1', '小写编号项目', '戊公司', '储备', '电子信息', null, null],
      [null, '储备却有完成额', '庚公司', '储备', '电子信息', 100, null],
      [null, '明年才开工', '辛公司', '续建', '电子信息', null, '2026-12-15'],
      [null, '正常项目', '壬公司', '储备', '电子信息', null, null],
    ]);
    expect(shown.errors.map((e) => [e.row, e.message])).toEqual([
      [2, '项目编号“XM-1”已被其他项目使用'],
      [3, '储备项目尚未开工，不应有本年完成投资'],
      [4, '实际开工日期不能晚于今天'],
    ]);
    expect(shown.creates.map((r) => [r.name, r.code])).toEqual([['正常项目', `${chain.code}-2026-001`]]);

    await applyAsShown(bytes, shown);
    expect((await app.ok('projects.get', { id: lower.id })).code).toBe('xm-1');
    expect([...(await projectsByName()).keys()].sort()).toEqual(['大写编号项目', '小写编号项目', '正常项目'].sort());
  });
});

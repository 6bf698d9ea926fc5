import { describe, expect, it } from 'vitest';
import {
  factorChanges,
  factorFieldLabel,
  formatHundredths,
  fundShortfall,
  parseHundredths,
  shortfalls,
  type FactorProject,
  type StoredFactors,
  type StoredFunds,
} from '../../db/model/factors';
import { auditFieldLabel } from '../../db/model/project';

const WAN = 10_000;

function project(projectId: number, code: string, stage: FactorProject['stage'] = 'continuing'): FactorProject {
  return {
    projectId,
    code,
    name: `项目${code}`,
    stage,
    chainName: '电子信息',
    chainLead: '李链长',
    leadUnitId: 7,
    leadUnitName: '市发改局',
  };
}

function factors(projectId: number, land: [number | null, number | null], energy: [number | null, number | null]) {
  return {
    projectId,
    land: { demandHundredths: land[0], suppliedHundredths: land[1], status: 'applying' as const },
    energy: { neededHundredths: energy[0], grantedHundredths: energy[1] },
  } satisfies StoredFactors;
}

const PROJECTS = [project(1, 'A-001'), project(2, 'A-002'), project(3, 'A-003'), project(4, 'A-004', 'completed')];

describe('亩数、吨标准煤：两位小数的整数百分位', () => {
  it('读入“1,234.5”“30”“0.07”，写出两位小数；负数、三位小数、文字说明原因', () => {
    expect(parseHundredths('1,234.5', '需求亩数')).toEqual({ ok: true, value: 123_450 });
    expect(parseHundredths('30', '需求亩数')).toEqual({ ok: true, value: 3000 });
    expect(parseHundredths('0.07', '需求亩数')).toEqual({ ok: true, value: 7 });
    expect(parseHundredths('', '需求亩数')).toEqual({ ok: true, value: null });
    expect(parseHundredths('-3', '需求亩数')).toEqual({ ok: false, message: '需求亩数不能为负数' });
    expect(parseHundredths('1.234', '需求亩数')).toEqual({ ok: false, message: '需求亩数最多保留两位小数' });
    expect(parseHundredths('三十', '需求亩数')).toEqual({ ok: false, message: '需求亩数应为数字' });
    expect(formatHundredths(123_450)).toBe('1,234.50');
    expect(formatHundredths(7)).toBe('0.07');
    expect(formatHundredths(null)).toBe('');
    // 0.1 + 0.2 in floating point is 0.30000000000000004; in hundredths it is 30
    expect(formatHundredths(10 + 20)).toBe('0.30');
  });
});

describe('缺口规则', () => {
  it('缺地项目：需求 > 已供；已供未填按0；竣工项目不列；缺口大的在前，合计为逐项之和', () => {
    const result = shortfalls({
      kind: 'land',
      year: 2026,
      projects: PROJECTS,
      factors: [
        factors(1, [3000, 1750], [null, null]), // 30.00 − 17.50 = 12.50
        factors(2, [4550, null], [null, null]), // 45.50 − 0 = 45.50
        factors(3, [2000, 2500], [null, null]), // more supplied than asked: no gap
        factors(4, [9000, 0], [null, null]), // 竣工: left out
      ],
      funds: [],
      raised: [{ projectId: 1, id: 9, code: 'WT-2026-009', source: '要素保障·用地' }],
    });
    expect(result.unit).toBe('亩');
    expect(result.rows.map((r) => [r.code, r.need, r.have, r.gap])).toEqual([
      ['A-002', 4550, 0, 4550],
      ['A-001', 3000, 1750, 1250],
    ]);
    expect(result.total).toEqual({ count: 2, need: 7550, have: 1750, gap: 5800 });
    const a1 = result.rows[1];
    expect(a1.problem).toEqual({
      description: '用地缺口12.50亩（需求30.00亩，已供17.50亩，报批中）',
      category: 'land',
      source: '要素保障·用地',
    });
    expect(a1.raised).toEqual([{ id: 9, code: 'WT-2026-009' }]);
    expect(result.rows[0].raised).toEqual([]);
    expect(a1).toMatchObject({ leadUnitName: '市发改局', chainLead: '李链长', stage: 'continuing' });
  });

  it('用能缺口：需求 > 已批，说明文字带单位吨标准煤', () => {
    const result = shortfalls({
      kind: 'energy',
      year: 2026,
      projects: PROJECTS,
      factors: [factors(1, [null, null], [200_000, 80_000]), factors(2, [null, null], [null, 5])],
      funds: [],
      raised: [],
    });
    expect(result.rows.map((r) => [r.code, r.gap])).toEqual([['A-001', 120_000]]);
    expect(result.rows[0].problem.description).toBe(
      '用能指标缺口1,200.00吨标准煤（需求2,000.00吨标准煤，已批800.00吨标准煤）',
    );
    expect(result.rows[0].problem.category).toBe('utilities');
    expect(result.total).toEqual({ count: 1, need: 200_000, have: 80_000, gap: 120_000 });
  });

  it('资金未到位：按来源比较计划与到位，一个来源多到位不抵另一个来源的缺口；按来源合计', () => {
    const funds: StoredFunds[] = [
      // 专项债 500 计划 / 200 到位 (缺300)，银行贷款 1000 / 0 (缺1000)，企业自筹 300 / 400 (多100，不抵)
      { projectId: 1, source: 'special_bond', plannedYuan: 500 * WAN, inPlaceYuan: 200 * WAN },
      { projectId: 1, source: 'bank_loan', plannedYuan: 1000 * WAN, inPlaceYuan: 0 },
      { projectId: 1, source: 'self_raised', plannedYuan: 300 * WAN, inPlaceYuan: 400 * WAN },
      // 中央预算内 80.5 / 60 (缺20.5)
      { projectId: 2, source: 'central', plannedYuan: 805_000, inPlaceYuan: 60 * WAN },
      // all in place
      { projectId: 3, source: 'other', plannedYuan: 10 * WAN, inPlaceYuan: 10 * WAN },
    ];
    const result = shortfalls({ kind: 'funds', year: 2026, projects: PROJECTS, factors: [], funds, raised: [] });
    expect(result.unit).toBe('万元');
    expect(result.rows.map((r) => [r.code, r.need, r.have, r.gap])).toEqual([
      ['A-001', 1800 * WAN, 600 * WAN, 1300 * WAN],
      ['A-002', 805_000, 60 * WAN, 205_000],
    ]);
    expect(result.rows[0].sources.map((s) => [s.source, s.gapYuan])).toEqual([
      ['special_bond', 300 * WAN],
      ['bank_loan', 1000 * WAN],
    ]);
    expect(result.rows[0].problem).toEqual({
      description:
        '2026年资金未到位1,300.00万元：地方政府专项债券缺口300.00万元（计划500.00万元，到位200.00万元）；' +
        '银行贷款缺口1,000.00万元（计划1,000.00万元，到位0.00万元）',
      category: 'funds',
      source: '要素保障·2026年资金',
    });
    expect(result.total).toEqual({ count: 2, need: 18_805_000, have: 6_600_000, gap: 13_205_000 });
    expect(result.bySource).toEqual([
      { source: 'central', gapYuan: 205_000 },
      { source: 'special_bond', gapYuan: 300 * WAN },
      { source: 'bank_loan', gapYuan: 1000 * WAN },
      { source: 'self_raised', gapYuan: 0 },
      { source: 'other', gapYuan: 0 },
    ]);
    expect(fundShortfall([])).toBeNull();
  });

  it('另一年度的资金问题不算作本年的已转问题', () => {
    const result = shortfalls({
      kind: 'funds',
      year: 2026,
      projects: PROJECTS,
      factors: [],
      funds: [{ projectId: 1, source: 'central', plannedYuan: 100, inPlaceYuan: 0 }],
      raised: [{ projectId: 1, id: 3, code: 'WT-2025-003', source: '要素保障·2025年资金' }],
    });
    expect(result.rows[0].raised).toEqual([]);
  });
});

describe('变更记录', () => {
  it('只记改了的数，旧值新值带单位；字段名为中文', () => {
    const before = {
      land: { demandHundredths: 3000, suppliedHundredths: null, status: 'unapplied' as const },
      energy: { neededHundredths: null, grantedHundredths: null },
      funds: [{ source: 'bank_loan' as const, plannedYuan: 100 * WAN, inPlaceYuan: 0 }],
    };
    const after = {
      land: { demandHundredths: 3000, suppliedHundredths: 1750, status: 'applying' as const },
      energy: { neededHundredths: null, grantedHundredths: null },
      funds: [{ source: 'bank_loan' as const, plannedYuan: 100 * WAN, inPlaceYuan: 40 * WAN }],
    };
    const changes = factorChanges(before, after, 2026);
    expect(changes).toEqual([
      { field: 'factor:land.supplied', oldValue: null, newValue: '17.50亩' },
      { field: 'factor:land.status', oldValue: '未报批', newValue: '报批中' },
      { field: 'factor:funds:2026:bank_loan.inPlace', oldValue: null, newValue: '40.00万元' },
    ]);
    expect(changes.map((c) => auditFieldLabel(c.field))).toEqual([
      '用地·已供亩数',
      '用地·报批状态',
      '2026年资金·银行贷款·到位',
    ]);
    expect(factorFieldLabel('factor:energy.granted')).toBe('用能·已批指标');
    expect(factorFieldLabel('factor:funds:2026:nonsense.planned')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { nextDocNumber } from '../../db/model/bulletin-doc-number';
import { honourLists } from '../../db/model/bulletin';
import { composeSummary } from '../../db/model/bulletin-summary';
import { fraction } from '../../db/model/stat-fraction';
import type { GroupFigures } from '../../db/model/stat-figures';
import type { StatsRow } from '../../db/model/stat-ranking';

// The bulletin's paragraph on crafted figures, against sentences written out by hand.

function figures(over: Partial<GroupFigures>): GroupFigures {
  return {
    projectCount: 10,
    totalInvestmentYuan: 5_000_000_000,
    annualPlanYuan: 1_450_000_000,
    completedYuan: 1_234_567_890,
    investmentRate: fraction(1_234_567_890, 1_450_000_000),
    gapPoints: 85.142613 - 91.666667,
    startRate: fraction(15, 20),
    onTimeCompletionRate: fraction(4, 6),
    statisticsRate: fraction(29, 30),
    red: 3,
    yellow: 5,
    ...over,
  };
}

describe('月度通报摘要', () => {
  it('1—11月：金额以亿元两位，比率一位小数，低于序时进度用“低于”，红黄灯在末尾', () => {
    expect(composeSummary(11, figures({}))).toBe(
      '1—11月，全市重点项目完成投资12.35亿元，占年度计划的85.1%，低于序时进度6.5个百分点；' +
        '列入新开工计划的项目20个，已开工15个，开工率75.0%；应竣工项目6个，按期竣工4个，按期竣工率66.7%；' +
        '应纳统项目30个，已纳统29个，纳统率96.7%；亮红灯项目3个、黄灯项目5个。',
    );
  });

  it('快于序时进度用“高于”；四舍五入后为0.0的差说“持平”', () => {
    const ahead = composeSummary(3, figures({ gapPoints: 2.25 }));
    expect(ahead).toContain('高于序时进度2.3个百分点；');
    expect(composeSummary(3, figures({ gapPoints: 0.04 }))).toContain('，与序时进度持平；');
    expect(composeSummary(3, figures({ gapPoints: -0.04 }))).toContain('，与序时进度持平；');
  });

  it('1月只写“1月”；没有可计的比率说明原因而不写0.0%；月份没有红黄灯记录时不提红黄灯', () => {
    const text = composeSummary(
      1,
      figures({
        completedYuan: 80_000_000,
        annualPlanYuan: 0,
        investmentRate: fraction(80_000_000, 0),
        gapPoints: null,
        startRate: fraction(0, 0),
        onTimeCompletionRate: fraction(0, 0),
        statisticsRate: fraction(0, 0),
        red: null,
        yellow: null,
      }),
    );
    expect(text).toBe(
      '1月，全市重点项目完成投资0.80亿元（未填报本年计划）；没有列入新开工计划的项目；截至1月底没有应竣工的项目；' +
        '没有应纳统的项目。',
    );
  });
});

describe('文号', () => {
  it('沿用上一份文号，号数加一；跨年时年份改为当年、从1号起；没有可数的号时留空', () => {
    expect(nextDocNumber('湘乡重点办〔2026〕11号', 2026)).toBe('湘乡重点办〔2026〕12号');
    expect(nextDocNumber('湘乡重点办〔2025〕12号', 2026)).toBe('湘乡重点办〔2026〕1号');
    expect(nextDocNumber('第五期', 2026)).toBe('');
    expect(nextDocNumber(null, 2026)).toBe('');
  });
});

describe('红榜、黑榜', () => {
  const row = (name: string, rank: number | null): StatsRow => ({
    group: { key: name, name },
    rank,
    figures: figures({}),
  });
  const rows = [row('甲', 1), row('乙', 2), row('丙', 3), row('丁', 4), row('戊', 5), row('未填写', null)];

  it('红榜取前N名，黑榜取后N名（按名次），未填写不上榜', () => {
    const lists = honourLists(rows, 2);
    expect(lists.top.map((r) => r.group.name)).toEqual(['甲', '乙']);
    expect(lists.bottom.map((r) => r.group.name)).toEqual(['丁', '戊']);
  });

  it('单位不足2N个时，黑榜只取红榜之外的', () => {
    const lists = honourLists(rows, 3);
    expect(lists.top.map((r) => r.group.name)).toEqual(['甲', '乙', '丙']);
    expect(lists.bottom.map((r) => r.group.name)).toEqual(['丁', '戊']);
  });
});

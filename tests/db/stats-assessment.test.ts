import { describe, expect, it } from 'vitest';
import { rankedByAssessment } from '../../db/model/stat-assessment';
import { fraction } from '../../db/model/stat-fraction';
import type { GroupFigures } from '../../db/model/stat-figures';

// The 考核 order (db/model/stat-assessment.ts) on hand-made figures: each key decides only when the ones
// before it tie, and groups equal on every figure still get places of their own, by name.

function figures(gapPoints: number | null, red: number, yellow: number, started: [number, number]): GroupFigures {
  return {
    projectCount: 1,
    totalInvestmentYuan: 0,
    annualPlanYuan: 0,
    completedYuan: 0,
    investmentRate: fraction(0, 0),
    gapPoints,
    startRate: fraction(...started),
    onTimeCompletionRate: fraction(0, 0),
    statisticsRate: fraction(0, 0),
    red,
    yellow,
  };
}

const group = (name: string, f: GroupFigures) => ({ group: { key: name, name }, figures: f });

describe('考核排序', () => {
  it('先比完成率与序时进度之差，再比红灯、黄灯、开工率；全同者按名称排，名次不并列', () => {
    const places = rankedByAssessment([
      group('丁', figures(null, 0, 0, [1, 1])),
      group('丙', figures(-5, 1, 0, [1, 1])),
      group('乙', figures(-5, 0, 2, [1, 1])),
      group('甲', figures(-5, 0, 1, [0, 1])),
      group('戊', figures(-5, 0, 1, [1, 2])),
      group('己', figures(-5, 0, 1, [1, 2])),
      group('庚', figures(3.5, 4, 4, [0, 0])),
    ]).map((p) => [p.rank, p.group.name]);
    expect(places).toEqual([
      [1, '庚'],
      [2, '己'],
      [3, '戊'],
      [4, '甲'],
      [5, '乙'],
      [6, '丙'],
      [7, '丁'],
    ]);
  });
});

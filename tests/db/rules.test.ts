import { describe, expect, it } from 'vitest';
import { formatChineseDate, isIsoDate } from '../../db/model/dates';
import { annualCompletionRate, deriveFigures } from '../../db/model/derived';
import { editCrossFieldIssues, editStageIssue } from '../../db/model/edit-rules';
import type { ProjectFields } from '../../db/model/project';
import { emptyProjectFields } from '../../db/model/project-schema';
import { futureDateIssues, stageRequirementIssue, transitionIssue } from '../../db/model/stage-rules';

const noDates = { plannedStartDate: null, actualStartDate: null, actualCompletionDate: null, signingDate: null };

describe('日期', () => {
  it('只认真实存在的 YYYY-MM-DD 日期', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026/03/01')).toBe(false);
    expect(isIsoDate('2026-3-1')).toBe(false);
  });

  it('中文日期写法', () => {
    expect(formatChineseDate('2026-03-01')).toBe('2026年3月1日');
  });
});

describe('阶段规则', () => {
  it('列入新开工须有本计划年度内的计划开工日期', () => {
    expect(stageRequirementIssue('new_start', noDates, 2026)?.message).toBe('列入新开工须填写计划开工日期');
    expect(stageRequirementIssue('new_start', { ...noDates, plannedStartDate: '2027-01-01' }, 2026)?.message).toBe(
      '列入新开工的计划开工日期须在2026年内',
    );
    expect(stageRequirementIssue('new_start', { ...noDates, plannedStartDate: '2026-12-31' }, 2026)).toBeNull();
  });

  it('续建须有实际开工日期，竣工须有实际竣工日期', () => {
    expect(stageRequirementIssue('continuing', noDates, 2026)?.field).toBe('actualStartDate');
    expect(stageRequirementIssue('completed', { ...noDates, actualStartDate: '2025-01-01' }, 2026)?.field).toBe(
      'actualCompletionDate',
    );
    expect(stageRequirementIssue('reserve', noDates, 2026)).toBeNull();
  });

  it('只能逐级前进，后退一级须写原因', () => {
    expect(transitionIssue('reserve', 'preliminary', '')).toBeNull();
    expect(transitionIssue('reserve', 'new_start', '')).toBe('阶段只能逐级变更：储备不能直接变更为新开工');
    expect(transitionIssue('new_start', 'preliminary', '')).toBe('退回前期须填写原因');
    expect(transitionIssue('new_start', 'preliminary', '年内不具备开工条件')).toBeNull();
    expect(transitionIssue('continuing', 'continuing', '')).toBe('项目已处于续建阶段');
  });

  it('实际日期不能晚于今天（今天当天可以）', () => {
    const fields = { ...noDates, actualStartDate: '2026-11-28', actualCompletionDate: '2026-11-29' };
    expect(futureDateIssues(fields, '2026-11-28')).toEqual([
      { field: 'actualCompletionDate', message: '实际竣工日期不能晚于今天' },
    ]);
  });

  const project = (fields: Partial<ProjectFields>): ProjectFields => ({
    ...emptyProjectFields(),
    name: '城东污水处理厂',
    chainId: 1,
    owner: '市城投公司',
    stage: 'new_start',
    ...fields,
  });

  it('编辑不能破坏原已满足的阶段要求；早于规则的旧记录仍可编辑', () => {
    const held = project({ plannedStartDate: '2026-03-01' });
    expect(editStageIssue({ ...held, plannedStartDate: null }, held, 2026)?.field).toBe('plannedStartDate');
    const older = project({ plannedStartDate: '2025-03-01' });
    expect(editStageIssue({ ...older, note: '改了备注' }, older, 2026)).toBeNull();
    expect(editStageIssue(older, undefined, 2026)?.message).toBe('列入新开工的计划开工日期须在2026年内');
  });

  it('资料待补的缺项原已存在时不挡编辑，新出现的缺项照样提示', () => {
    const gap = project({ stage: 'completed', actualCompletionDate: '2026-01-01' });
    expect(editCrossFieldIssues({ ...gap, note: '改了备注' }, gap)).toEqual([]);
    expect(editCrossFieldIssues(gap, undefined).map((i) => i.field)).toEqual(['actualStartDate']);
    const started = project({ stage: 'completed', actualStartDate: '2025-01-01', actualCompletionDate: '2026-01-01' });
    expect(editCrossFieldIssues({ ...started, actualStartDate: null }, started).map((i) => i.field)).toEqual([
      'actualStartDate',
    ]);
  });
});

describe('派生数字', () => {
  it('本年累计是月度之和，自开工累计加上上年底累计，1—N月取最晚填报月', () => {
    const figures = deriveFigures(50_000_000, [
      { month: 1, amountYuan: 1_000_000 },
      { month: 3, amountYuan: 2_500_000 },
    ]);
    expect(figures).toEqual({ yearCompletedYuan: 3_500_000, sinceStartCompletedYuan: 53_500_000, reportedMonths: 3 });
  });

  it('完成率无计划时为空', () => {
    expect(annualCompletionRate(5, 0)).toBeNull();
    expect(annualCompletionRate(30, 120)).toBe(0.25);
  });
});

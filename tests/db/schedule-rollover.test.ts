import { describe, expect, it } from 'vitest';
import { DEFAULT_MILESTONE_TEMPLATES, generateSchedule } from '../../db/model/milestones';
import { proposeRollover, unstartedDecisionIssue, type RolloverProject } from '../../db/model/rollover';

describe('倒排工期', () => {
  it('前期模板以计划开工日期为目标倒排：最后一个节点落在目标日，前面的依次减去后一步工期', () => {
    const { nodes, mustStartBy, warnings } = generateSchedule(
      DEFAULT_MILESTONE_TEMPLATES.preliminary,
      '2027-06-30',
      'backward',
      '2026-11-28',
    );
    expect(nodes.map((n) => [n.name, n.plannedDate])).toEqual([
      ['立项（审批/核准/备案）', '2026-12-22'],
      ['用地预审与选址意见', '2027-01-21'],
      ['环评批复', '2027-02-20'],
      ['节能审查', '2027-03-12'],
      ['土地摘牌（供地）', '2027-04-26'],
      ['工程规划许可', '2027-05-16'],
      ['施工图审查', '2027-06-15'],
      ['施工许可', '2027-06-30'],
    ]);
    // 立项 itself takes 20 days: work must begin 210 days (the template's total) before the target
    expect(mustStartBy).toBe('2026-12-02');
    expect(warnings).toEqual([]);
    expect(
      generateSchedule(DEFAULT_MILESTONE_TEMPLATES.preliminary, '2027-06-23', 'backward', '2026-11-28').warnings,
    ).toEqual(['按模板工期，首个节点须在2026-11-25开始办理，已晚3天，时间不足']);
  });

  it('时间不够时节点落到过去并标出，不被悄悄压缩', () => {
    const { nodes, warnings } = generateSchedule(
      DEFAULT_MILESTONE_TEMPLATES.continuing,
      '2026-12-31',
      'backward',
      '2026-11-28',
    );
    // 投产 on the target, 竣工验收 15 days before it, 设备安装 30 before that, 封顶 60 before that
    expect(nodes.map((n) => [n.name, n.plannedDate, n.inPast])).toEqual([
      ['主体完工（封顶）', '2026-09-17', true],
      ['设备安装', '2026-11-16', true],
      ['竣工验收', '2026-12-16', false],
      ['投产', '2026-12-31', false],
    ]);
    expect(warnings[0]).toBe('按模板工期排出的2个节点日期已早于今天（主体完工（封顶）、设备安装），请逐个核实调整');
  });

  it('新开工模板从计划开工日期起顺排，实际开工落在计划开工日', () => {
    const { nodes, warnings } = generateSchedule(
      DEFAULT_MILESTONE_TEMPLATES.new_start,
      '2026-12-15',
      'forward',
      '2026-11-28',
    );
    expect(nodes.map((n) => n.plannedDate)).toEqual(['2026-12-15', '2027-03-15', '2027-07-13']);
    expect(warnings).toEqual([]);
  });
});

describe('年度结转建议', () => {
  const p = (id: number, fields: Partial<RolloverProject>): RolloverProject => ({
    id,
    code: `XM-${id}`,
    name: `项目${id}`,
    stage: 'reserve',
    plannedStartDate: null,
    actualStartDate: null,
    actualCompletionDate: null,
    investedBeforeYearYuan: 0,
    annualPlanYuan: 0,
    yearCompletedYuan: 0,
    ...fields,
  });
  const projects = [
    p(1, {
      stage: 'new_start',
      plannedStartDate: '2026-03-01',
      actualStartDate: '2026-03-10',
      annualPlanYuan: 5_000_000,
      yearCompletedYuan: 4_000_000,
    }),
    p(2, { stage: 'new_start', plannedStartDate: '2026-09-01' }),
    p(3, {
      stage: 'continuing',
      actualStartDate: '2025-01-01',
      actualCompletionDate: '2026-10-01',
      investedBeforeYearYuan: 30_000_000,
      annualPlanYuan: 10_000_000,
      yearCompletedYuan: 9_990_000,
    }),
    p(4, {
      stage: 'continuing',
      actualStartDate: '2025-01-01',
      investedBeforeYearYuan: 10_000_000,
      annualPlanYuan: 8_000_000,
      yearCompletedYuan: 2_000_000,
    }),
    p(5, { stage: 'preliminary', plannedStartDate: '2027-04-01' }),
    p(6, { stage: 'preliminary', plannedStartDate: '2028-04-01' }),
    p(7, { stage: 'reserve' }),
    p(8, {
      stage: 'completed',
      actualStartDate: '2024-01-01',
      actualCompletionDate: '2025-06-01',
      investedBeforeYearYuan: 50_000_000,
    }),
  ];

  it('一个混合年度给出且只给出应有的变动', () => {
    const proposal = proposeRollover(projects, 2026);
    expect(proposal.toYear).toBe(2027);
    expect(proposal.moves.map((m) => [m.projectId, m.fromStage, m.toStage, m.selected])).toEqual([
      [1, 'new_start', 'continuing', true],
      [3, 'continuing', 'completed', true],
      [5, 'preliminary', 'new_start', true],
    ]);
  });

  it('计划开工日期在结转年度内仍未开工的新开工项目须逐个决定：退回前期或改定新年度的计划开工日期', () => {
    const proposal = proposeRollover([...projects, p(9, { stage: 'new_start', plannedStartDate: '2027-02-01' })], 2026);
    expect(proposal.unstarted.map((u) => [u.projectId, u.plannedStartDate])).toEqual([[2, '2026-09-01']]);
    expect(unstartedDecisionIssue(proposal, [])).toBe(
      '“项目2”在2026年未开工：请逐个选择退回前期，或改定2027年的计划开工日期',
    );
    expect(unstartedDecisionIssue(proposal, [{ projectId: 2, action: 'replan', plannedStartDate: '2026-12-01' }])).toBe(
      '“项目2”的新计划开工日期须在2027年内',
    );
    expect(unstartedDecisionIssue(proposal, [{ projectId: 9, action: 'preliminary' }])).toBe(
      '所处理的项目不在结转建议中，请重新预览',
    );
    expect(unstartedDecisionIssue(proposal, [{ projectId: 2, action: 'preliminary' }])).toBeNull();
    expect(
      unstartedDecisionIssue(proposal, [{ projectId: 2, action: 'replan', plannedStartDate: '2027-05-01' }]),
    ).toBeNull();
  });

  it('结转前后自开工累计完成投资分毫不差', () => {
    const { money } = proposeRollover(projects, 2026);
    expect(money.map((m) => m.projectId)).toEqual([1, 3, 4]);
    const before = projects.reduce((sum, x) => sum + x.investedBeforeYearYuan + x.yearCompletedYuan, 0);
    const rolled = new Map(money.map((m) => [m.projectId, m.newInvestedBeforeYearYuan]));
    const after = projects.reduce((sum, x) => sum + (rolled.get(x.id) ?? x.investedBeforeYearYuan), 0);
    expect(after).toBe(before);
    expect(money.find((m) => m.projectId === 3)?.newInvestedBeforeYearYuan).toBe(39_990_000);
  });
});

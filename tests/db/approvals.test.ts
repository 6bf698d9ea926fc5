import { describe, expect, it } from 'vitest';
import {
  approvalItemProblem,
  approvalProgress,
  DEFAULT_APPROVAL_TEMPLATES,
  withApprovalNodes,
  type ApprovalStatus,
} from '../../db/model/approvals';
import { computeLights, DEFAULT_LIGHT_THRESHOLDS, type LightInput } from '../../db/model/lights';
import { generateSchedule } from '../../db/model/milestones';

const base: LightInput = {
  stage: 'preliminary',
  plannedStartDate: null,
  actualStartDate: null,
  actualCompletionDate: null,
  annualPlanYuan: 0,
  investedBeforeYearYuan: 0,
  yearCompletedYuan: 0,
  inStatistics: false,
  enteredOn: '2025-01-10',
  openMilestones: [],
  reportedThisWeek: true,
  openProblems: [],
};
const at = (today: string) => ({ today, thresholds: DEFAULT_LIGHT_THRESHOLDS, timeProgress: 0 });

describe('前期手续灯：未办结手续过计划办结，同节点一样亮灯', () => {
  it.each([
    ['计划办结前8天不亮', '2026-11-20', 'green', []],
    ['前7天临期亮黄灯', '2026-11-21', 'yellow', ['环评批复 7天后到期']],
    ['当天到期', '2026-11-28', 'yellow', ['环评批复 今天到期']],
    ['过期一天亮红灯', '2026-11-29', 'red', ['环评批复 逾期1天']],
  ])('%s', (_name, today, light, reasons) => {
    const project = { ...base, openApprovals: [{ name: '环评批复', plannedDate: '2026-11-28' }] };
    const lit = computeLights(project, at(today));
    expect(lit).toMatchObject({ light, lightReasons: reasons });
    expect(lit.lights.every((l) => l.kind === 'approval')).toBe(true);
  });

  it('临期天数按节点的预警设置', () => {
    const project = { ...base, openApprovals: [{ name: '施工许可证', plannedDate: '2026-12-08' }] };
    const thresholds = { ...DEFAULT_LIGHT_THRESHOLDS, milestoneDueDays: 10 };
    expect(computeLights(project, { ...at('2026-11-28'), thresholds }).lightReasons).toEqual(['施工许可证 10天后到期']);
  });

  it('逾期手续多于3项时点名最久的3项，其余合为一行；竣工项目不亮', () => {
    const names = ['立项/备案', '环评批复', '节能审查', '施工图审查', '施工许可证'];
    const project = {
      ...base,
      openApprovals: names.map((name, i) => ({ name, plannedDate: `2026-11-0${i + 1}` })),
    };
    expect(computeLights(project, at('2026-11-28')).lightReasons).toEqual([
      '立项/备案 逾期27天',
      '环评批复 逾期26天',
      '节能审查 逾期25天',
      '另有2个手续逾期',
    ]);
    const completed = computeLights({ ...project, stage: 'completed' }, at('2026-11-28'));
    expect(completed.lights.filter((l) => l.kind === 'approval')).toEqual([]);
  });
});

describe('前期手续进度文字', () => {
  const items = (statuses: [string, ApprovalStatus][]) => statuses.map(([name, status]) => ({ name, status }));

  it('不需办理的不计入，缺的手续按清单顺序点名', () => {
    const list = items([
      ['立项/备案', 'done'],
      ['用地预审与选址意见书', 'done'],
      ['建设用地规划许可证', 'done'],
      ['建设工程规划许可证', 'done'],
      ['环评批复', 'done'],
      ['稳评', 'not_needed'],
      ['节能审查', 'not_needed'],
      ['施工图审查', 'in_progress'],
      ['施工许可证', 'not_started'],
    ]);
    expect(approvalProgress(list).text).toBe('已办结5/7，缺施工图审查、施工许可证');
  });

  it('缺3项全部点名；多于3项点名前两项并计数；全部办结不写缺；没有清单为空', () => {
    const open = (n: number) => items(['甲', '乙', '丙', '丁', '戊'].slice(0, n).map((name) => [name, 'not_started']));
    expect(approvalProgress([...items([['立项/备案', 'done']]), ...open(3)]).text).toBe('已办结1/4，缺甲、乙、丙');
    expect(approvalProgress(open(5)).text).toBe('已办结0/5，缺甲、乙等5项');
    expect(approvalProgress(items([['立项/备案', 'done']])).text).toBe('已办结1/1');
    expect(approvalProgress([]).text).toBe('');
    expect(approvalProgress(items([['稳评', 'not_needed']])).text).toBe('');
  });
});

describe('手续的办结日期与状态', () => {
  const item = (status: ApprovalStatus, actualDate: string | null) => ({
    name: '环评批复',
    plannedDate: null,
    actualDate,
    status,
  });
  it.each([
    ['已办结须有实际办结日期', item('done', null), '已办结的手续请填写实际办结日期'],
    [
      '有实际办结日期须为已办结',
      item('in_progress', '2026-11-01'),
      '填写了实际办结日期，状态应为“已办结”（现为“办理中”）',
    ],
    ['实际办结不能晚于今天', item('done', '2026-11-29'), '实际办结日期不能晚于今天'],
    ['已办结且有日期可以保存', item('done', '2026-11-28'), null],
    ['不需办理不填日期可以保存', item('not_needed', null), null],
  ])('%s', (_name, value, problem) => {
    expect(approvalItemProblem(value, '2026-11-28')).toBe(problem);
  });
});

describe('默认模板', () => {
  it('各类别都有八项通用手续，产业项目加水土保持和安全评价，基础设施加水土保持和稳评，社会民生加稳评', () => {
    const names = (c: keyof typeof DEFAULT_APPROVAL_TEMPLATES) => DEFAULT_APPROVAL_TEMPLATES[c].map((i) => i.name);
    expect(names('other')).toEqual([
      '立项/备案',
      '用地预审与选址意见书',
      '建设用地规划许可证',
      '建设工程规划许可证',
      '环评批复',
      '节能审查',
      '施工图审查',
      '施工许可证',
    ]);
    expect(names('industry').filter((n) => !names('other').includes(n))).toEqual(['水土保持', '安全评价']);
    expect(names('infrastructure').filter((n) => !names('other').includes(n))).toEqual(['水土保持', '稳评']);
    expect(names('livelihood').filter((n) => !names('other').includes(n))).toEqual(['稳评']);
  });
});

describe('倒排含前期手续', () => {
  const template = [
    { name: '环评批复', durationDays: 30 },
    { name: '土地摘牌（供地）', durationDays: 45 },
    { name: '施工许可', durationDays: 15 },
  ];
  const schedule = generateSchedule(template, '2027-06-30', 'backward', '2026-11-28');

  it('未办结手续成为节点：有计划办结的按其日期，没有的从计划开工倒排；同名模板节点和已办结的手续不再生成', () => {
    const checklist = [
      { name: '立项/备案', department: '发改局', plannedDate: null, status: 'done' as const, actualDate: '2026-10-01' },
      { name: '环评批复', department: '生态环境局', plannedDate: '2027-01-15', status: 'in_progress' as const },
      { name: '节能审查', department: '发改局', plannedDate: null, status: 'not_started' as const },
      { name: '施工许可证', department: '住建局', plannedDate: null, status: 'not_started' as const },
      { name: '稳评', department: '政法委', plannedDate: null, status: 'not_needed' as const },
    ];
    const days: Record<string, number> = { 节能审查: 20, 施工许可证: 15 };
    const result = withApprovalNodes(schedule, checklist, (n) => days[n] ?? 20, '2027-05-31', '2026-11-28');
    expect(result.nodes.map((n) => [n.name, n.plannedDate, n.approval?.department ?? null])).toEqual([
      ['环评批复', '2027-01-15', '生态环境局'],
      ['节能审查', '2027-05-16', '发改局'],
      ['施工许可证', '2027-05-31', '住建局'],
      ['土地摘牌（供地）', '2027-06-15', null],
      ['施工许可', '2027-06-30', null],
    ]);
  });

  it('模板节点“已早于今天”的提示只点名仍会生成的节点', () => {
    const tight = generateSchedule(template, '2026-12-10', 'backward', '2026-11-28');
    expect(tight.warnings[0]).toMatch(/^按模板工期排出的2个节点日期已早于今天（环评批复、土地摘牌（供地））/);
    const checklist = [{ name: '环评批复', department: '', plannedDate: null, status: 'done' as const }];
    const result = withApprovalNodes(tight, checklist, () => 20, '2026-12-10', '2026-11-28');
    expect(result.warnings[0]).toBe('按模板工期排出的1个节点日期已早于今天（土地摘牌（供地）），请逐个核实调整');
    expect(result.warnings.slice(1)).toEqual(tight.warnings.slice(1));
  });

  it('计划办结已过的手续照排并提示', () => {
    const checklist = [{ name: '环评批复', department: '', plannedDate: '2026-11-01', status: 'in_progress' as const }];
    const result = withApprovalNodes(schedule, checklist, () => 20, null, '2026-11-28');
    expect(result.nodes[0]).toMatchObject({ name: '环评批复', inPast: true });
    expect(result.warnings.at(-1)).toBe('1项前期手续的计划办结已早于今天（环评批复），请先办理或调整日期');
  });
});

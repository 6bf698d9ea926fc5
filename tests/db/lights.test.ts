import { describe, expect, it } from 'vitest';
import { computeLights, DEFAULT_LIGHT_THRESHOLDS, type LightContext, type LightInput } from '../../db/model/lights';
import { timeProgress } from '../../db/model/time-progress';

const base: LightInput = {
  stage: 'continuing',
  plannedStartDate: null,
  actualStartDate: '2025-03-01',
  actualCompletionDate: null,
  annualPlanYuan: 0,
  investedBeforeYearYuan: 0,
  yearCompletedYuan: 0,
  inStatistics: true,
  enteredOn: '2025-01-10',
  openMilestones: [],
  reportedThisWeek: true,
  openProblems: [],
};
const at = (today: string, timeProgressValue = 0): LightContext => ({
  today,
  thresholds: DEFAULT_LIGHT_THRESHOLDS,
  timeProgress: timeProgressValue,
});

describe('开工灯：新开工项目过计划开工日期未开工', () => {
  const project = { ...base, stage: 'new_start' as const, plannedStartDate: '2026-03-01', actualStartDate: null };
  it.each([
    ['计划开工当天', '2026-03-01', 'green', []],
    ['过1天', '2026-03-02', 'yellow', ['计划开工日期已过1天仍未开工']],
    ['过90天仍为黄灯', '2026-05-30', 'yellow', ['计划开工日期已过90天仍未开工']],
    ['过91天转红灯', '2026-05-31', 'red', ['计划开工日期已过91天仍未开工']],
  ])('%s', (_name, today, light, reasons) => {
    expect(computeLights(project, at(today))).toMatchObject({ light, lightReasons: reasons });
  });

  it('已开工或不在新开工阶段则不亮', () => {
    expect(
      computeLights({ ...project, actualStartDate: '2026-04-01', inStatistics: true }, at('2026-11-28')).light,
    ).toBe('green');
    expect(computeLights({ ...project, stage: 'preliminary' }, at('2026-11-28')).light).toBe('green');
  });
});

describe('节点灯：临期黄灯、逾期红灯', () => {
  const project = { ...base, openMilestones: [{ name: '环评批复', plannedDate: '2026-11-20' }] };
  it.each([
    ['到期前8天', '2026-11-12', 'green', []],
    ['到期前7天', '2026-11-13', 'yellow', ['环评批复 7天后到期']],
    ['到期当天', '2026-11-20', 'yellow', ['环评批复 今天到期']],
    ['逾期1天', '2026-11-21', 'red', ['环评批复 逾期1天']],
    ['逾期12天', '2026-12-02', 'red', ['环评批复 逾期12天']],
  ])('%s', (_name, today, light, reasons) => {
    expect(computeLights(project, at(today))).toMatchObject({ light, lightReasons: reasons });
  });

  it('竣工项目的节点不再亮灯', () => {
    expect(
      computeLights({ ...project, stage: 'completed', actualCompletionDate: '2026-10-01' }, at('2026-12-02')).light,
    ).toBe('green');
  });
});

describe('投资灯：完成率落后序时进度', () => {
  // 时序进度 10/12 ≈ 83.3%; a plan of 1,200万 makes each point 12万 easy to place
  const plan = 12_000_000;
  const project = (completedYuan: number) => ({
    ...base,
    actualStartDate: '2025-01-01',
    annualPlanYuan: plan,
    yearCompletedYuan: completedYuan,
  });
  const progress = 10 / 12;
  it.each([
    ['落后9个百分点', 8_920_000, 'green', []],
    ['落后10个百分点', 8_800_000, 'yellow', ['投资完成率落后序时进度10个百分点']],
    ['落后30个百分点', 6_400_000, 'yellow', ['投资完成率落后序时进度30个百分点']],
    ['落后31个百分点', 6_280_000, 'red', ['投资完成率落后序时进度31个百分点']],
  ])('%s', (_name, completed, light, reasons) => {
    expect(computeLights(project(completed), at('2026-11-28', progress))).toMatchObject({
      light,
      lightReasons: reasons,
    });
  });

  it('没有本年计划或尚未开工的不亮投资灯', () => {
    expect(computeLights({ ...project(0), annualPlanYuan: 0 }, at('2026-11-28', progress)).light).toBe('green');
    expect(
      computeLights(
        { ...project(0), stage: 'new_start', actualStartDate: null, plannedStartDate: '2026-12-01' },
        at('2026-11-28', progress),
      ).light,
    ).toBe('green');
  });
});

describe('纳统灯：开工满1个月未纳统黄灯，超过2个月红灯', () => {
  const project = { ...base, actualStartDate: '2026-08-15', inStatistics: false };
  it.each([
    ['开工后第30天', '2026-09-14', 'green', []],
    ['满1个月当天', '2026-09-15', 'yellow', ['开工已满1个月未纳统']],
    ['满2个月当天仍为黄灯', '2026-10-15', 'yellow', ['开工已满1个月未纳统']],
    ['超过2个月', '2026-10-16', 'red', ['开工已超2个月未纳统']],
  ])('%s', (_name, today, light, reasons) => {
    expect(computeLights(project, at(today))).toMatchObject({ light, lightReasons: reasons });
  });

  it('已纳统不亮', () => {
    expect(computeLights({ ...project, inStatistics: true }, at('2026-11-28')).light).toBe('green');
  });
});

describe('报送灯：过了每周截止日仍未报送本周进展', () => {
  const project = { ...base, reportedThisWeek: false };
  it.each([
    ['周五截止当天', '2026-11-27', 'green', []],
    ['周六', '2026-11-28', 'yellow', ['本周进展未报送（每周五截止）']],
    ['周日', '2026-11-29', 'yellow', ['本周进展未报送（每周五截止）']],
    ['下周一（新一周）', '2026-11-30', 'green', []],
  ])('%s', (_name, today, light, reasons) => {
    expect(computeLights(project, at(today))).toMatchObject({ light, lightReasons: reasons });
  });

  it('已报送或已竣工不亮；截止日可设置', () => {
    expect(computeLights({ ...project, reportedThisWeek: true }, at('2026-11-28')).light).toBe('green');
    expect(
      computeLights({ ...project, stage: 'completed', actualCompletionDate: '2026-10-01' }, at('2026-11-28')).light,
    ).toBe('green');
    const thursday = { ...at('2026-11-27'), thresholds: { ...DEFAULT_LIGHT_THRESHOLDS, reportDeadlineWeekday: 4 } };
    expect(computeLights(project, thursday).lightReasons).toEqual(['本周进展未报送（每周四截止）']);
  });
});

describe('问题灯：未销号问题临期黄灯，超期红灯', () => {
  const project = { ...base, openProblems: [{ code: 'WT-2026-0003', deadline: '2026-11-20' }] };
  it.each([
    ['到期前8天', '2026-11-12', 'green', []],
    ['到期前7天', '2026-11-13', 'yellow', ['问题WT-2026-0003 7天后到期']],
    ['到期当天', '2026-11-20', 'yellow', ['问题WT-2026-0003 今天到期']],
    ['超期1天', '2026-11-21', 'red', ['问题WT-2026-0003超期1天未办结']],
  ])('%s', (_name, today, light, reasons) => {
    expect(computeLights(project, at(today))).toMatchObject({ light, lightReasons: reasons });
  });
});

describe('综合', () => {
  it('项目取各灯中最重的一盏，每盏灯都带原因，红灯原因在前', () => {
    const result = computeLights(
      {
        ...base,
        stage: 'new_start',
        plannedStartDate: '2026-11-01',
        actualStartDate: null,
        openMilestones: [{ name: '施工许可', plannedDate: '2026-10-01' }],
      },
      at('2026-11-28'),
    );
    expect(result.light).toBe('red');
    expect(result.lightReasons).toEqual(['施工许可 逾期58天', '计划开工日期已过27天仍未开工']);
  });

  it('追上进度后红灯自行消失：灯只描述现在', () => {
    const late = { ...base, openMilestones: [{ name: '环评批复', plannedDate: '2026-10-01' }] };
    expect(computeLights(late, at('2026-11-28')).light).toBe('red');
    expect(computeLights({ ...late, openMilestones: [] }, at('2026-11-28')).light).toBe('green');
  });

  it('门槛取自设置', () => {
    const project = { ...base, stage: 'new_start' as const, plannedStartDate: '2026-11-01', actualStartDate: null };
    const strict = { ...at('2026-11-28'), thresholds: { ...DEFAULT_LIGHT_THRESHOLDS, startRedDays: 20 } };
    expect(computeLights(project, strict).light).toBe('red');
  });
});

describe('时序进度', () => {
  it('按已报月份：1—10月为10/12', () => {
    expect(timeProgress('reported_months', 2026, '2026-11-28', 10)).toBeCloseTo(10 / 12);
  });
  it('按已过天数：含当天，跨年取0或1', () => {
    expect(timeProgress('elapsed_days', 2026, '2026-01-01', 0)).toBeCloseTo(1 / 365);
    expect(timeProgress('elapsed_days', 2026, '2026-12-31', 0)).toBe(1);
    expect(timeProgress('elapsed_days', 2027, '2026-12-31', 0)).toBe(0);
    expect(timeProgress('elapsed_days', 2025, '2026-01-05', 0)).toBe(1);
  });
});

describe('门槛按未取整的数比较', () => {
  const project = (completedYuan: number, planYuan: number) => ({
    ...base,
    annualPlanYuan: planYuan,
    yearCompletedYuan: completedYuan,
  });
  it('落后30.01个百分点即为红灯，原因写明30.01', () => {
    // 时序进度 6/12 = 50%；计划 10,000万、完成 1,999万 → 完成率 19.99%，落后 30.01 点
    expect(computeLights(project(19_990_000, 100_000_000), at('2026-07-10', 6 / 12))).toMatchObject({
      light: 'red',
      lightReasons: ['投资完成率落后序时进度30.01个百分点'],
    });
  });
  it('恰好落后30个百分点仍为黄灯（0.5−0.2的浮点误差不算落后）', () => {
    expect(computeLights(project(20_000_000, 100_000_000), at('2026-07-10', 6 / 12))).toMatchObject({
      light: 'yellow',
      lightReasons: ['投资完成率落后序时进度30个百分点'],
    });
  });
  it('落后9.99个百分点不亮', () => {
    expect(computeLights(project(40_010_000, 100_000_000), at('2026-07-10', 6 / 12)).light).toBe('green');
  });
});

describe('资料待补：阶段需要的日期缺失时黄灯，不误判为未开工', () => {
  it('续建项目缺实际开工日期：黄灯“资料待补：实际开工日期”，不说未开工', () => {
    const result = computeLights({ ...base, actualStartDate: null }, at('2026-11-28'));
    expect(result).toMatchObject({
      light: 'yellow',
      lightReasons: ['资料待补：实际开工日期'],
      missingFields: ['actualStartDate'],
    });
  });
  it('新开工项目已有完成投资但缺实际开工日期：资料待补，不亮“计划开工日期已过N天仍未开工”', () => {
    const result = computeLights(
      {
        ...base,
        stage: 'new_start',
        plannedStartDate: '2026-03-01',
        actualStartDate: null,
        yearCompletedYuan: 500_000,
      },
      at('2026-11-28'),
    );
    expect(result.light).toBe('yellow');
    expect(result.lightReasons).toEqual(['资料待补：实际开工日期']);
  });
  it('新开工项目缺计划开工日期、竣工项目缺实际竣工日期，各列出所缺栏目', () => {
    expect(
      computeLights({ ...base, stage: 'new_start', actualStartDate: null }, at('2026-11-28')).lightReasons,
    ).toEqual(['资料待补：计划开工日期']);
    expect(
      computeLights({ ...base, stage: 'completed', actualStartDate: null }, at('2026-11-28')).lightReasons,
    ).toEqual(['资料待补：实际开工日期、实际竣工日期']);
  });
  it('补齐后标记自行消失', () => {
    expect(computeLights(base, at('2026-11-28'))).toMatchObject({ light: 'green', missingFields: [] });
  });
});

describe('本周新建的项目本周不算未报送', () => {
  const project = { ...base, reportedThisWeek: false };
  it('周三新建，周六仍不亮报送灯；下周照常', () => {
    expect(computeLights({ ...project, enteredOn: '2026-11-25' }, at('2026-11-28')).light).toBe('green');
    expect(computeLights({ ...project, enteredOn: '2026-11-23' }, at('2026-11-28')).light).toBe('green');
    expect(computeLights({ ...project, enteredOn: '2026-11-22' }, at('2026-11-28')).lightReasons).toEqual([
      '本周进展未报送（每周五截止）',
    ]);
    expect(computeLights({ ...project, enteredOn: '2026-11-25' }, at('2026-12-05')).lightReasons).toEqual([
      '本周进展未报送（每周五截止）',
    ]);
  });
});

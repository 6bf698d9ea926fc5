import { describe, expect, it } from 'vitest';
import { instructionDaysOverdue, instructionLights, instructionTitle } from '../../db/model/instructions';
import { computeLights, DEFAULT_LIGHT_THRESHOLDS, type LightInput } from '../../db/model/lights';

// 领导批示's overdue rule (issue #17 item 4): pure, with “today” given.

const zhang = { leaderName: '张三', issuedOn: '2026-11-03', deadline: '2026-11-20' };

describe('领导批示超期规则', () => {
  it.each([
    ['办理时限当天不算超期', '2026-11-20', []],
    ['超期1天为黄灯', '2026-11-21', [['yellow', '领导批示（张三 11月3日）超期1天未办结']]],
    ['超期7天仍为黄灯', '2026-11-27', [['yellow', '领导批示（张三 11月3日）超期7天未办结']]],
    ['超期8天转红灯', '2026-11-28', [['red', '领导批示（张三 11月3日）超期8天未办结']]],
  ])('%s', (_name, today, expected) => {
    expect(instructionLights([zhang], today, 7).map((l) => [l.level, l.reason])).toEqual(expected);
  });

  it('红灯天数为0时一超期即红灯；跨年的批示写明年份', () => {
    expect(instructionLights([zhang], '2026-11-21', 0)[0].level).toBe('red');
    const old = { leaderName: '李四', issuedOn: '2025-12-20', deadline: '2026-01-10' };
    expect(instructionLights([old], '2026-01-15', 7)[0].reason).toBe('领导批示（李四 2025年12月20日）超期5天未办结');
    expect(instructionTitle(old, '2025-12-31')).toBe('领导批示（李四 12月20日）');
  });

  it('超期天数：办结的、未定时限的、未到期的都为0', () => {
    expect(instructionDaysOverdue({ status: 'open', deadline: '2026-11-20' }, '2026-11-28')).toBe(8);
    expect(instructionDaysOverdue({ status: 'closed', deadline: '2026-11-20' }, '2026-11-28')).toBe(0);
    expect(instructionDaysOverdue({ status: 'open', deadline: null }, '2026-11-28')).toBe(0);
    expect(instructionDaysOverdue({ status: 'open', deadline: '2026-12-01' }, '2026-11-28')).toBe(0);
  });

  it('项目灯色取最严重的一项：超期批示使绿灯项目变黄、变红，原因列在预警里', () => {
    const project: LightInput = {
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
    const at = (today: string) => ({ today, thresholds: DEFAULT_LIGHT_THRESHOLDS, timeProgress: 0 });
    expect(computeLights(project, at('2026-11-25')).light).toBe('green');
    expect(computeLights({ ...project, overdueInstructions: [zhang] }, at('2026-11-25'))).toMatchObject({
      light: 'yellow',
      lights: [{ kind: 'instruction', level: 'yellow', reason: '领导批示（张三 11月3日）超期5天未办结' }],
    });
    expect(computeLights({ ...project, overdueInstructions: [zhang] }, at('2026-12-01')).light).toBe('red');
  });
});

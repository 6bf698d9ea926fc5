import { describe, expect, it } from 'vitest';
import { computeLights, countedLight, DEFAULT_LIGHT_THRESHOLDS, type LightInput } from '../../db/model/lights';
import {
  levelIdsAt,
  onListAt,
  resumeIssue,
  suspendIssue,
  suspensionText,
  transferIssue,
  type ListStay,
} from '../../db/model/list-membership';
import { countProjects } from '../../db/model/overview';

const stay = (levelId: number, joinedOn: string | null, leftOn: string | null, levelName = '省重点'): ListStay => ({
  id: 0,
  levelId,
  levelName,
  joinedOn,
  joinReason: '',
  leftOn,
  leaveReason: '',
});

describe('名单：某日是否在名单上', () => {
  it('2026-07-15 调出的项目：6月底在名单上，8月底不在；调出当天已不在', () => {
    const s = stay(1, '2025-03-01', '2026-07-15');
    expect(onListAt(s, '2026-06-30')).toBe(true);
    expect(onListAt(s, '2026-07-14')).toBe(true);
    expect(onListAt(s, '2026-07-15')).toBe(false);
    expect(onListAt(s, '2026-08-31')).toBe(false);
    expect(onListAt(s, '2025-02-28')).toBe(false);
  });

  it('调入日期未记录的（建档时已列入）在调出前的任何一天都算在名单上', () => {
    expect(onListAt(stay(1, null, null), '1999-01-01')).toBe(true);
    expect(onListAt(stay(1, null, '2026-07-15'), '2026-07-01')).toBe(true);
  });

  it('调出后又调入：两段都保留，各自按日期算', () => {
    const stays = [stay(1, null, '2026-03-01'), stay(1, '2026-09-01', null), stay(3, null, null, '市本级重点')];
    expect(levelIdsAt(stays, '2026-02-28')).toEqual([1, 3]);
    expect(levelIdsAt(stays, '2026-05-31')).toEqual([3]);
    expect(levelIdsAt(stays, '2026-09-30')).toEqual([1, 3]);
  });
});

describe('名单：调入调出的规则', () => {
  const today = '2026-11-28';
  it('已在名单上不能再调入；不在名单上不能调出', () => {
    const stays = [stay(1, '2026-01-10', null)];
    expect(transferIssue(stays, { levelId: 1, direction: 'in', date: '2026-05-01', reason: '增补' }, today)).toEqual({
      field: 'levelId',
      message: '该项目已在省重点名单上，不能重复调入',
    });
    expect(
      transferIssue(stays, { levelId: 2, direction: 'out', date: '2026-05-01', reason: '调整' }, today)?.message,
    ).toBe('该项目不在这个名单上，无需调出');
  });

  it('调出须晚于调入；重新调入不早于上次调出；不能晚于今天；原因必填', () => {
    const open = [stay(1, '2026-03-01', null)];
    expect(
      transferIssue(open, { levelId: 1, direction: 'out', date: '2026-03-01', reason: '调整' }, today)?.message,
    ).toBe('调出日期须晚于调入日期（2026-03-01）');
    expect(transferIssue(open, { levelId: 1, direction: 'out', date: '2026-07-15', reason: '调整' }, today)).toBeNull();
    const left = [stay(1, null, '2026-07-15')];
    expect(
      transferIssue(left, { levelId: 1, direction: 'in', date: '2026-07-01', reason: '再列入' }, today)?.message,
    ).toBe('调入日期不能早于上次调出日期（2026-07-15）');
    expect(
      transferIssue(left, { levelId: 1, direction: 'in', date: '2026-07-15', reason: '再列入' }, today),
    ).toBeNull();
    expect(transferIssue([], { levelId: 1, direction: 'in', date: '2026-11-29', reason: '增补' }, today)?.message).toBe(
      '调入日期不能晚于今天',
    );
    expect(transferIssue([], { levelId: 1, direction: 'in', date: '2026-11-01', reason: ' ' }, today)?.message).toBe(
      '请填写调入原因',
    );
  });
});

describe('停建/缓建', () => {
  const today = '2026-11-28';
  it('缓建、转为停建、复工：日期依次不倒退，不晚于今天', () => {
    expect(suspendIssue(null, [], { kind: 'deferred', date: '2026-09-01', reason: '资金未落实' }, today)).toBeNull();
    const deferred = { kind: 'deferred' as const, since: '2026-09-01', reason: '资金未落实' };
    expect(suspendIssue(deferred, [], { kind: 'deferred', date: '2026-10-01', reason: '又' }, today)?.message).toBe(
      '该项目已是缓建状态',
    );
    expect(suspendIssue(deferred, [], { kind: 'halted', date: '2026-08-01', reason: '停' }, today)?.message).toBe(
      '日期不能早于现在的缓建日期（2026-09-01）',
    );
    expect(
      suspendIssue(null, [{ resumedOn: '2026-06-01' }], { kind: 'halted', date: '2026-05-01', reason: '停' }, today)
        ?.message,
    ).toBe('停建日期不能早于上次复工日期（2026-06-01）');
    expect(resumeIssue(null, '2026-10-01', today)?.message).toBe('该项目没有停建或缓建，无需复工');
    expect(resumeIssue(deferred, '2026-08-31', today)?.message).toBe('复工日期不能早于缓建日期（2026-09-01）');
    expect(resumeIssue(deferred, '2026-11-29', today)?.message).toBe('复工日期不能晚于今天');
    expect(resumeIssue(deferred, '2026-11-28', today)).toBeNull();
    expect(suspensionText(deferred)).toBe('缓建（2026-09-01起：资金未落实）');
  });

  it('缓建的项目不亮灯：逾期未开工本是红灯，现在没有灯，只标缓建；计数时不进任何一种灯', () => {
    const late: LightInput = {
      stage: 'new_start',
      plannedStartDate: '2026-03-01',
      actualStartDate: null,
      actualCompletionDate: null,
      annualPlanYuan: 0,
      investedBeforeYearYuan: 0,
      yearCompletedYuan: 0,
      inStatistics: false,
      enteredOn: null,
      openMilestones: [{ name: '施工许可', plannedDate: '2026-04-01' }],
      reportedThisWeek: false,
      openProblems: [],
    };
    const ctx = { today, thresholds: DEFAULT_LIGHT_THRESHOLDS, timeProgress: 0.9 };
    expect(computeLights(late, ctx).light).toBe('red');
    const deferred = { kind: 'deferred' as const, since: '2026-09-01', reason: '资金未落实' };
    const paused = computeLights({ ...late, suspension: deferred }, ctx);
    expect(paused).toMatchObject({ lights: [], lightReasons: [], suspended: deferred });
    expect(countedLight(paused)).toBeNull();

    const year = { planYear: 2026, wasNewStart: new Set<number>() };
    const row = (id: number, lit: ReturnType<typeof computeLights>) => ({
      id,
      stage: 'new_start' as const,
      plannedStartDate: '2026-03-01',
      actualStartDate: null,
      actualCompletionDate: null,
      totalInvestmentYuan: 100_000_000,
      ...lit,
    });
    const counts = countProjects([row(1, computeLights(late, ctx)), row(2, paused)], year);
    expect(counts.projectCount).toBe(2);
    expect(counts.byLight).toEqual({ red: 1, yellow: 0, green: 0 });
    expect(counts.suspended).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import {
  actionsFrom,
  PROBLEM_ACTIONS,
  PROBLEM_CATEGORY_LABELS,
  PROBLEM_STATUSES,
  problemAges,
  problemCode,
  suggestCategory,
  transition,
  type ProblemAction,
  type ProblemStatus,
} from '../../db/model/problems';

const ALLOWED: [ProblemStatus, ProblemAction, ProblemStatus][] = [
  ['pending', 'assign', 'in_progress'],
  ['in_progress', 'requestClose', 'closing_requested'],
  ['closing_requested', 'close', 'closed'],
  ['closing_requested', 'return', 'returned'],
  ['closed', 'return', 'returned'],
  ['returned', 'resume', 'in_progress'],
];

describe('督办流程：登记 → 交办 → 催办 → 反馈 → 审结（销号或退回）', () => {
  it.each(ALLOWED)('%s 可以 %s，变为 %s', (from, action, to) => {
    expect(transition(from, action)).toEqual({ ok: true, to });
  });

  const refused = PROBLEM_STATUSES.flatMap((status) =>
    PROBLEM_ACTIONS.filter((action) => !ALLOWED.some(([f, a]) => f === status && a === action)).map(
      (action) => [status, action] as const,
    ),
  );
  it.each(refused)('%s 不能 %s', (status, action) => {
    const result = transition(status, action);
    expect(result.ok).toBe(false);
  });

  it('已销号的问题不能直接回到办理中，须先退回', () => {
    expect(transition('closed', 'resume')).toEqual({
      ok: false,
      message: '问题处于“已销号”，不能重新办理；可以：退回',
    });
    expect(actionsFrom('closed')).toEqual(['return']);
  });

  it('编号按登记年度分别从0001起', () => {
    expect(problemCode(2026, 1)).toBe('WT-2026-0001');
    expect(problemCode(2027, 12)).toBe('WT-2027-0012');
  });

  it('超期天数只对未销号的问题计算，办理天数到销号为止', () => {
    const open = { raisedOn: '2026-11-01', deadline: '2026-11-20', status: 'in_progress' as const, resolvedOn: null };
    expect(problemAges(open, '2026-11-20')).toEqual({ daysOpen: 19, daysOverdue: 0 });
    expect(problemAges(open, '2026-11-21')).toEqual({ daysOpen: 20, daysOverdue: 1 });
    expect(problemAges({ ...open, status: 'closed', resolvedOn: '2026-11-25' }, '2026-11-28')).toEqual({
      daysOpen: 24,
      daysOverdue: 0,
    });
  });
});

describe('转为问题时按文字建议类别', () => {
  it.each([
    ['用地指标尚未落实，影响摘牌', '用地'],
    ['项目资金未完全到位，银行贷款审批中', '资金'],
    ['环评批复尚未取得', '审批手续'],
    ['施工许可手续未办结', '审批手续'],
    ['施工用电尚未接通', '水电路'],
    ['进场道路未硬化，供气管网未接入', '水电路'],
    ['征地拆迁尚有3户未签协议', '征地拆迁'],
    ['部分住户搬迁补偿未谈妥', '征地拆迁'],
    ['技术工人招工困难', '用工'],
    ['周边群众对施工噪音有意见', '其他'],
  ])('“%s”建议为%s', (text, label) => {
    expect(PROBLEM_CATEGORY_LABELS[suggestCategory(text)]).toBe(label);
  });
});

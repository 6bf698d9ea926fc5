import { paceSide, percentFigure, pointsFigure, yiText } from './bulletin-numbers';
import type { Fraction } from './stat-fraction';
import type { GroupFigures } from './stat-figures';

/** “1—11月”, or “1月” for January alone. */
export function throughMonthLabel(month: number): string {
  return month === 1 ? '1月' : `1—${month}月`;
}

function investmentClause(total: GroupFigures): string {
  const done = `全市重点项目完成投资${yiText(total.completedYuan)}亿元`;
  if (total.investmentRate.value === null || total.gapPoints === null) return `${done}（未填报本年计划）`;
  const rate = `占年度计划的${percentFigure(total.investmentRate.value)}%`;
  const side = paceSide(total.gapPoints);
  const pace =
    side === 'level'
      ? '与序时进度持平'
      : `${side === 'ahead' ? '高于' : '低于'}序时进度${pointsFigure(total.gapPoints)}个百分点`;
  return `${done}，${rate}，${pace}`;
}

function rateClause(rate: Fraction, words: { of: string; done: string; rate: string; none: string }): string {
  if (rate.value === null) return words.none;
  return `${words.of}${rate.denominator}个，${words.done}${rate.numerator}个，${words.rate}${percentFigure(rate.value)}%`;
}

/**
 * The bulletin's summary paragraph, composed from the office's figures at the end of month N: the words follow
 * the figures' signs and a rate with nothing to count says so instead of “0.0%”.
 */
export function composeSummary(month: number, total: GroupFigures): string {
  const clauses = [
    investmentClause(total),
    rateClause(total.startRate, {
      of: '列入新开工计划的项目',
      done: '已开工',
      rate: '开工率',
      none: '没有列入新开工计划的项目',
    }),
    rateClause(total.onTimeCompletionRate, {
      of: '应竣工项目',
      done: '按期竣工',
      rate: '按期竣工率',
      none: `截至${month}月底没有应竣工的项目`,
    }),
    rateClause(total.statisticsRate, {
      of: '应纳统项目',
      done: '已纳统',
      rate: '纳统率',
      none: '没有应纳统的项目',
    }),
  ];
  if (total.red !== null && total.yellow !== null) clauses.push(`亮红灯项目${total.red}个、黄灯项目${total.yellow}个`);
  return `${throughMonthLabel(month)}，${clauses.join('；')}。`;
}

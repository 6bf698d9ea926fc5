import { formatChineseDate } from './dates';
import type { Fraction } from './stat-fraction';
import type { GroupFigures } from './stat-figures';
import { STATS_BY_LABELS, type StatsBy } from './stat-grouping';
import type { StatsRanking, StatsRow } from './stat-ranking';
import { parseWeek, weekLabel } from './weeks';

// 统计排名's table, column by column: the screen and its xlsx are both drawn from this list, so the file holds
// exactly what the clerk saw.

export type StatCellKind = 'rank' | 'text' | 'integer' | 'wan' | 'percent' | 'points' | 'light';

export interface StatColumn {
  key: string;
  kind: StatCellKind;
  header(ranking: Pick<StatsRanking, 'by' | 'month'>): string;
  /** the cell of a row: a number in its kind (yuan, a fraction, points), a text, or null for “—” */
  value(row: Pick<StatsRow, 'group' | 'rank' | 'figures'>): number | string | null;
  /** a rate's parts, shown beside it as “12/15” */
  fraction?(figures: GroupFigures): Fraction;
}

const figure = (read: (f: GroupFigures) => number | null) => (row: Pick<StatsRow, 'figures'>) => read(row.figures);
const rate = (read: (f: GroupFigures) => Fraction): Pick<StatColumn, 'value' | 'fraction'> => ({
  value: figure((f) => read(f).value),
  fraction: read,
});

/** 1—N月, or 1月 alone. */
export function monthsText(month: number): string {
  return month === 1 ? '1月' : `1—${month}月`;
}

export const STAT_COLUMNS: readonly StatColumn[] = [
  { key: 'rank', kind: 'rank', header: () => '名次', value: (row) => row.rank },
  { key: 'group', kind: 'text', header: (r) => STATS_BY_LABELS[r.by as StatsBy], value: (row) => row.group.name },
  { key: 'count', kind: 'integer', header: () => '项目数', value: figure((f) => f.projectCount) },
  { key: 'total', kind: 'wan', header: () => '总投资（万元）', value: figure((f) => f.totalInvestmentYuan) },
  { key: 'plan', kind: 'wan', header: () => '本年计划（万元）', value: figure((f) => f.annualPlanYuan) },
  {
    key: 'done',
    kind: 'wan',
    header: (r) => `${monthsText(r.month)}完成（万元）`,
    value: figure((f) => f.completedYuan),
  },
  { key: 'rate', kind: 'percent', header: () => '投资完成率', ...rate((f) => f.investmentRate) },
  { key: 'gap', kind: 'points', header: () => '与序时进度差（个百分点）', value: figure((f) => f.gapPoints) },
  { key: 'start', kind: 'percent', header: () => '开工率', ...rate((f) => f.startRate) },
  { key: 'onTime', kind: 'percent', header: () => '按期竣工率', ...rate((f) => f.onTimeCompletionRate) },
  { key: 'statistics', kind: 'percent', header: () => '纳统率', ...rate((f) => f.statisticsRate) },
  { key: 'red', kind: 'light', header: () => '红灯', value: figure((f) => f.red) },
  { key: 'yellow', kind: 'light', header: () => '黄灯', value: figure((f) => f.yellow) },
];

/** +3.79 / -8.33 / 0.00: points ahead of or behind 序时进度, two decimals, always signed. */
export function signedPointsText(points: number | null): string {
  if (points === null) return '—';
  const text = Math.abs(points).toFixed(2);
  if (text === '0.00') return text;
  return `${points > 0 ? '+' : '-'}${text}`;
}

/** “12/15”; for money, in 万元. */
export function fractionText(f: Fraction, money = false): string {
  const part = (yuan: number) => (money ? (yuan / 10_000).toFixed(2) : String(yuan));
  return `${part(f.numerator)}/${part(f.denominator)}`;
}

/** A light count, or 无记录 when the month kept none. */
export function lightCountText(count: number | null): string {
  return count === null ? '无记录' : String(count);
}

/** Where the red and yellow counts come from, in words. */
export function lightsNote(ranking: Pick<StatsRanking, 'lightsFrom'>): string {
  const from = ranking.lightsFrom;
  if (from.kind === 'today') return `红黄灯：${formatChineseDate(from.date)}的灯`;
  if (from.kind === 'week') {
    const week = parseWeek(from.week);
    return `红黄灯：${week ? weekLabel(week) : from.week}周调度表`;
  }
  return '红黄灯：该月无周调度记录';
}

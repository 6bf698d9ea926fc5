import type { DispatchRow } from './dispatch';
import { STAGE_LABELS, STAGES, type Stage } from './stages';
import type { DispatchWeek } from './weeks';

export const PRINT_GROUPINGS = ['chainLead', 'chain', 'stage', 'park'] as const;
export type PrintGrouping = (typeof PRINT_GROUPINGS)[number];
export const PRINT_GROUPING_LABELS: Record<PrintGrouping, string> = {
  chainLead: '按链长',
  chain: '按产业链',
  stage: '按阶段',
  park: '按园区/片区',
};

export interface PrintTotals {
  count: number;
  totalInvestmentYuan: number;
  annualPlanYuan: number;
  yearCompletedYuan: number;
}

export interface PrintGroup {
  key: string;
  title: string;
  rows: (DispatchRow & { serial: number })[];
  subtotal: PrintTotals;
}

/** The printed 周调度表: its title, period, groups and totals. */
export interface DispatchPrint {
  title: string;
  week: DispatchWeek;
  /** 统计时段 11月23日—11月29日 */
  span: string;
  reportedMonths: number;
  groups: PrintGroup[];
  total: PrintTotals;
  operatorName: string;
  printedOn: string;
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 11 → 十一, 23 → 二十三 (enough for any list of groups). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

function totalsOf(rows: readonly DispatchRow[]): PrintTotals {
  return rows.reduce(
    (t, r) => ({
      count: t.count + 1,
      totalInvestmentYuan: t.totalInvestmentYuan + r.totalInvestmentYuan,
      annualPlanYuan: t.annualPlanYuan + r.annualPlanYuan,
      yearCompletedYuan: t.yearCompletedYuan + r.yearCompletedYuan,
    }),
    { count: 0, totalInvestmentYuan: 0, annualPlanYuan: 0, yearCompletedYuan: 0 },
  );
}

function joinUnique(values: readonly (string | null)[]): string {
  return [...new Set(values.filter((v): v is string => Boolean(v)))].join('、');
}

function chainGroupTitle(rows: readonly DispatchRow[], lead: string): string {
  const chains = joinUnique(rows.map((r) => `${r.chainName}产业链`));
  const units = joinUnique(rows.map((r) => r.leadUnitName));
  const parts = [`链长：${lead || '未设'}`, units ? `牵头单位：${units}` : ''].filter(Boolean);
  return `${chains}（${parts.join('；')}）`;
}

interface Keyed {
  key: string;
  order: number;
  title: (rows: DispatchRow[]) => string;
}

function keyOf(row: DispatchRow, grouping: PrintGrouping): Keyed {
  switch (grouping) {
    case 'chainLead':
      return { key: row.chainLead || '未设链长', order: 0, title: (rows) => chainGroupTitle(rows, row.chainLead) };
    case 'chain':
      return { key: String(row.chainId), order: 0, title: (rows) => chainGroupTitle(rows, row.chainLead) };
    case 'stage':
      return {
        key: row.stage,
        order: STAGES.indexOf(row.stage),
        title: (rows) => `${STAGE_LABELS[row.stage as Stage]}项目（${rows.length}个）`,
      };
    case 'park':
      return {
        key: row.parkName ?? '未定园区',
        order: 0,
        title: (rows) => `${row.parkName ?? '未定园区'}（${rows.length}个）`,
      };
  }
}

/** The printed list's groups in order, numbered 一、二、…, with 序号 running through the whole list. */
export function groupForPrint(
  rows: readonly DispatchRow[],
  grouping: PrintGrouping,
): { groups: PrintGroup[]; total: PrintTotals } {
  const groups = new Map<string, { keyed: Keyed; rows: DispatchRow[] }>();
  for (const row of rows) {
    const keyed = keyOf(row, grouping);
    const group = groups.get(keyed.key);
    if (group) group.rows.push(row);
    else groups.set(keyed.key, { keyed, rows: [row] });
  }
  const ordered = [...groups.values()].sort((a, b) => a.keyed.order - b.keyed.order);
  let serial = 0;
  const printed = ordered.map(({ keyed, rows: groupRows }, index) => ({
    key: keyed.key,
    title: `${chineseNumber(index + 1)}、${keyed.title(groupRows)}`,
    rows: groupRows.map((r) => ({ ...r, serial: ++serial })),
    subtotal: totalsOf(groupRows),
  }));
  return { groups: printed, total: totalsOf(rows) };
}

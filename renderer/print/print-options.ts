import { PRINT_GROUPINGS, type PrintGrouping } from '../../db/model/dispatch-print';
import { parseWeek } from '../../db/model/weeks';

export const PAPER_SIZES = ['A4', 'A3'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export const PRINT_SCOPES = ['all', 'redYellow'] as const;
export type PrintScope = (typeof PRINT_SCOPES)[number];
export const PRINT_SCOPE_LABELS: Record<PrintScope, string> = { all: '全部项目', redYellow: '只看红黄灯' };

/** 序号 and 项目名称 are always printed; these the clerk may leave out. */
export const DISPATCH_PRINT_COLUMNS = [
  'units',
  'stage',
  'totalInvestment',
  'annualPlan',
  'yearCompleted',
  'progress',
  'problems',
  'coordination',
  'nextPlan',
  'approvals',
  'light',
] as const;
export type DispatchPrintColumn = (typeof DISPATCH_PRINT_COLUMNS)[number];
export const DISPATCH_PRINT_COLUMN_LABELS: Record<DispatchPrintColumn, string> = {
  units: '责任单位',
  stage: '阶段',
  totalInvestment: '总投资',
  annualPlan: '本年计划',
  yearCompleted: '本年完成',
  progress: '本周进展',
  problems: '存在问题',
  coordination: '需协调事项',
  nextPlan: '下周计划',
  approvals: '前期手续',
  light: '预警',
};
export const MONEY_COLUMNS: readonly DispatchPrintColumn[] = ['totalInvestment', 'annualPlan', 'yearCompleted'];
// 前期手续 is for a meeting about projects not yet started: the clerk adds it when printing
const DEFAULT_COLUMNS = DISPATCH_PRINT_COLUMNS.filter((c) => c !== 'units' && c !== 'approvals');

export interface DispatchPrintOptions {
  week: string;
  paper: PaperSize;
  scope: PrintScope;
  /** one 链长, or '' for all */
  lead: string;
  group: PrintGrouping;
  /** the optional columns to print, in the table's order */
  cols: DispatchPrintColumn[];
}

export function defaultDispatchPrintOptions(week: string): DispatchPrintOptions {
  return { week, paper: 'A4', scope: 'all', lead: '', group: 'chainLead', cols: [...DEFAULT_COLUMNS] };
}

function oneOf<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return allowed.find((item) => item === value) ?? fallback;
}

/** Keeps the table's column order whatever order the list came in. */
export function orderedColumns(cols: readonly string[]): DispatchPrintColumn[] {
  return DISPATCH_PRINT_COLUMNS.filter((c) => cols.includes(c));
}

/** Reads the paper route's query; anything missing or unknown falls back to the usual list. */
export function readDispatchPrintOptions(search: string, fallbackWeek: string): DispatchPrintOptions {
  const query = new URLSearchParams(search);
  const defaults = defaultDispatchPrintOptions(fallbackWeek);
  const week = query.get('week');
  const cols = query.get('cols');
  return {
    // a week that does not exist goes to the API, which says so in its own words
    week: week || fallbackWeek,
    paper: oneOf(PAPER_SIZES, query.get('paper'), defaults.paper),
    scope: oneOf(PRINT_SCOPES, query.get('scope'), defaults.scope),
    lead: (query.get('lead') ?? '').trim(),
    group: oneOf(PRINT_GROUPINGS, query.get('group'), defaults.group),
    cols: cols === null ? defaults.cols : orderedColumns(cols.split(',')),
  };
}

/** The shell-less paper route the printer, the PDF and the browser's print open. */
export function dispatchPrintRoute(options: DispatchPrintOptions): string {
  const query = new URLSearchParams({
    week: options.week,
    group: options.group,
    scope: options.scope,
    lead: options.lead,
    paper: options.paper,
    cols: orderedColumns(options.cols).join(','),
  });
  return `/print/dispatch?${query.toString()}`;
}

/** 周调度表-2026年第48周.pdf, with the 链长 or 红黄灯 when the list is narrowed. */
export function dispatchPdfName(options: DispatchPrintOptions): string {
  const week = parseWeek(options.week);
  const parts = ['周调度表', week ? `${week.year}年第${week.week}周` : options.week];
  if (options.lead) parts.push(options.lead);
  if (options.scope === 'redYellow') parts.push('红黄灯');
  return `${parts.join('-')}.pdf`;
}

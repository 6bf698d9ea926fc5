import { PAPER_SIZES, type PaperSize } from './print-options';

export const PROBLEM_PRINT_GROUPS = ['unit', 'chainLead'] as const;
export type ProblemPrintGroup = (typeof PROBLEM_PRINT_GROUPS)[number];
export const PROBLEM_PRINT_GROUP_LABELS: Record<ProblemPrintGroup, string> = { unit: '按单位', chainLead: '按链长' };

export const PROBLEM_PRINT_SCOPES = ['open', 'all'] as const;
export type ProblemPrintScope = (typeof PROBLEM_PRINT_SCOPES)[number];
export const PROBLEM_PRINT_SCOPE_LABELS: Record<ProblemPrintScope, string> = { open: '未销号', all: '全部' };

export interface ProblemListPrintOptions {
  group: ProblemPrintGroup;
  scope: ProblemPrintScope;
  paper: PaperSize;
}

export const DEFAULT_PROBLEM_LIST_OPTIONS: ProblemListPrintOptions = { group: 'unit', scope: 'open', paper: 'A4' };

export function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.find((item) => item === value) ?? fallback;
}

/** Reads the paper route's query; anything missing or unknown falls back to the usual list. */
export function readProblemListOptions(search: string): ProblemListPrintOptions {
  const query = new URLSearchParams(search);
  const d = DEFAULT_PROBLEM_LIST_OPTIONS;
  return {
    group: oneOf(PROBLEM_PRINT_GROUPS, query.get('group'), d.group),
    scope: oneOf(PROBLEM_PRINT_SCOPES, query.get('scope'), d.scope),
    paper: oneOf(PAPER_SIZES, query.get('paper'), d.paper),
  };
}

/** The shell-less paper route: /print/problems?group=unit&scope=open&paper=A4 */
export function problemListRoute(options: ProblemListPrintOptions): string {
  const query = new URLSearchParams({ group: options.group, scope: options.scope, paper: options.paper });
  return `/print/problems?${query.toString()}`;
}

/** 问题清单-按单位-未销号-2026年11月26日.pdf */
export function problemListPdfName(options: ProblemListPrintOptions, dateText: string): string {
  const parts = ['问题清单', PROBLEM_PRINT_GROUP_LABELS[options.group], PROBLEM_PRINT_SCOPE_LABELS[options.scope]];
  if (dateText) parts.push(dateText);
  return `${parts.join('-')}.pdf`;
}

import { PAPER_SIZES } from '../../print/print-options';
import {
  DEFAULT_PROBLEM_LIST_OPTIONS,
  oneOf,
  PROBLEM_PRINT_GROUPS,
  PROBLEM_PRINT_SCOPES,
  type ProblemListPrintOptions,
} from '../../print/problem-print-options';

export const PROBLEM_PRINT_KINDS = ['slips', 'list'] as const;
export type ProblemPrintKind = (typeof PROBLEM_PRINT_KINDS)[number];

export interface ProblemPrintChoice {
  kind: ProblemPrintKind;
  list: ProblemListPrintOptions;
}

// The office prints the same way each time: what was chosen last (not which problems) is kept on this computer.
const KEY = 'zdxm.problems.print';

export function loadProblemPrintChoice(): ProblemPrintChoice {
  const d = DEFAULT_PROBLEM_LIST_OPTIONS;
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, unknown>;
    const list = (saved.list ?? {}) as Record<string, unknown>;
    return {
      kind: oneOf(PROBLEM_PRINT_KINDS, saved.kind, 'slips'),
      list: {
        group: oneOf(PROBLEM_PRINT_GROUPS, list.group, d.group),
        scope: oneOf(PROBLEM_PRINT_SCOPES, list.scope, d.scope),
        paper: oneOf(PAPER_SIZES, list.paper, d.paper),
      },
    };
  } catch {
    return { kind: 'slips', list: d };
  }
}

export function saveProblemPrintChoice(choice: ProblemPrintChoice): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(choice));
  } catch {
    // storage full or disabled: the choices simply are not remembered
  }
}

/** 打印交办单 from the list: the print tab opens on 交办单 whatever was printed last. */
export function preferSlips(): void {
  saveProblemPrintChoice({ ...loadProblemPrintChoice(), kind: 'slips' });
}

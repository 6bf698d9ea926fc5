import {
  defaultDispatchPrintOptions,
  orderedColumns,
  PAPER_SIZES,
  PRINT_SCOPES,
  type DispatchPrintOptions,
} from '../../print/print-options';
import { PRINT_GROUPINGS } from '../../../db/model/dispatch-print';

// Offices print the same way every week: the choices (not the week) are kept on this computer.
const KEY = 'zdxm.dispatch.print';

type Saved = Omit<DispatchPrintOptions, 'week'>;

export function loadPrintOptions(week: string): DispatchPrintOptions {
  const defaults = defaultDispatchPrintOptions(week);
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Record<keyof Saved, unknown>>;
    const pick = <T extends string>(allowed: readonly T[], value: unknown, fallback: T): T =>
      allowed.find((item) => item === value) ?? fallback;
    return {
      week,
      paper: pick(PAPER_SIZES, saved.paper, defaults.paper),
      scope: pick(PRINT_SCOPES, saved.scope, defaults.scope),
      group: pick(PRINT_GROUPINGS, saved.group, defaults.group),
      lead: typeof saved.lead === 'string' ? saved.lead : '',
      cols: Array.isArray(saved.cols) ? orderedColumns(saved.cols.map(String)) : defaults.cols,
    };
  } catch {
    return defaults;
  }
}

export function savePrintOptions(options: DispatchPrintOptions): void {
  const { week: _week, ...saved } = options;
  try {
    localStorage.setItem(KEY, JSON.stringify(saved));
  } catch {
    // storage full or disabled: the choices simply are not remembered
  }
}

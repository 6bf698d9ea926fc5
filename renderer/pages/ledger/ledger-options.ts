import type { MethodInput } from '../../../electron/api-spec';
import { STAGES, type Stage } from '../../../db/model/stages';

export type TotalUnit = 'wan' | 'yi';

export const TOTAL_UNIT_LABELS: Record<TotalUnit, string> = { wan: '万元', yi: '亿元' };

/** 打印版: the columns leaders read, legible on A3 paper; the full ledger is always in the file. */
export type LedgerSheets = 'printAndFull' | 'fullOnly';

export const LEDGER_SHEETS_LABELS: Record<LedgerSheets, string> = {
  printAndFull: '打印版＋完整台账',
  fullOnly: '只要完整台账',
};

export interface LedgerOptions {
  year: number;
  /** in STAGES order; at least one before the file can be made */
  stages: Stage[];
  /** empty means every 产业链 */
  chainIds: number[];
  /** only the projects on this list (省重点…), the file titled for it; null: every project */
  level: number | null;
  totalUnit: TotalUnit;
  sheets: LedgerSheets;
}

export function defaultLedgerOptions(planYear: number): LedgerOptions {
  return { year: planYear, stages: [...STAGES], chainIds: [], level: null, totalUnit: 'wan', sheets: 'printAndFull' };
}

/** The plan year and the two before it: offices re-send last year's ledger, rarely older ones. */
export function ledgerYears(planYear: number): number[] {
  return [planYear, planYear - 1, planYear - 2];
}

export function orderedStages(stages: readonly string[]): Stage[] {
  return STAGES.filter((stage) => stages.includes(stage));
}

export function ledgerExportInput(options: LedgerOptions): MethodInput<'ledger.export'> {
  const input: MethodInput<'ledger.export'> = {
    year: options.year,
    stages: orderedStages(options.stages),
    totalUnit: options.totalUnit,
    sheets: options.sheets,
  };
  // no chain named: the whole ledger, including projects not yet assigned to a chain
  if (options.chainIds.length > 0) input.chainIds = options.chainIds;
  if (options.level !== null) input.level = options.level;
  return input;
}

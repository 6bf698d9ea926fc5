import type { Stage } from './stages';

// 资料待补: what a project's stage says it must have but its record lacks. A ledger records projects as they are,
// so an import takes such a row and marks it instead of refusing it; the mark goes once the clerk fills the gap.
// A gap is never read as lateness: a 续建 project without 实际开工日期 is not “未开工”.

export type MissingField = 'plannedStartDate' | 'actualStartDate' | 'actualCompletionDate';

export const MISSING_FIELD_LABELS: Record<MissingField, string> = {
  plannedStartDate: '计划开工日期',
  actualStartDate: '实际开工日期',
  actualCompletionDate: '实际竣工日期',
};

export interface MissingDataInput {
  stage: Stage;
  plannedStartDate: string | null;
  actualStartDate: string | null;
  actualCompletionDate: string | null;
  investedBeforeYearYuan: number;
  yearCompletedYuan: number;
}

/** Money spent on it says the project has started, whatever its 实际开工日期 cell says. */
export function showsWorkDone(p: Pick<MissingDataInput, 'investedBeforeYearYuan' | 'yearCompletedYuan'>): boolean {
  return p.investedBeforeYearYuan > 0 || p.yearCompletedYuan > 0;
}

export function missingFieldsOf(p: MissingDataInput): MissingField[] {
  const missing: MissingField[] = [];
  if (p.stage === 'new_start' && !p.plannedStartDate) missing.push('plannedStartDate');
  const started = p.stage === 'continuing' || p.stage === 'completed' || (p.stage === 'new_start' && showsWorkDone(p));
  if (started && !p.actualStartDate) missing.push('actualStartDate');
  if (p.stage === 'completed' && !p.actualCompletionDate) missing.push('actualCompletionDate');
  return missing;
}

export function missingDataText(missing: readonly MissingField[]): string {
  return `资料待补：${missing.map((f) => MISSING_FIELD_LABELS[f]).join('、')}`;
}

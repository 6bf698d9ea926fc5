import type { LightThresholds } from '../../../db/model/lights';
import { THRESHOLD_FIELDS, type ThresholdKey } from '../../components/threshold-fields';

/** The thresholds while the clerk edits them: a cleared box is null. */
export type ThresholdDraft = Record<ThresholdKey, number | null> & { reportDeadlineWeekday: number };

function fieldError(key: ThresholdKey, value: number | null): string | null {
  const { label, max, unit } = THRESHOLD_FIELDS[key];
  if (value === null) return `请填写${label}`;
  if (value < 0) return `${label}不能为负数`;
  if (!Number.isInteger(value)) return `${label}应为整数`;
  if (value > max) return `${label}不能超过${max}${unit}`;
  return null;
}

/** The pairs whose red line may not sit below the yellow one. */
const PAIRS: { yellow: ThresholdKey; red: ThresholdKey; message: string }[] = [
  { yellow: 'investmentYellowPoints', red: 'investmentRedPoints', message: '投资红灯百分点不能小于黄灯百分点' },
  { yellow: 'statisticsYellowMonths', red: 'statisticsRedMonths', message: '纳统红灯月数不能小于黄灯月数' },
];

/** Chinese messages by field; a yellow/red pair out of order is reported on the red field. */
export function thresholdErrors(draft: ThresholdDraft): Partial<Record<ThresholdKey, string>> {
  const errors: Partial<Record<ThresholdKey, string>> = {};
  for (const key of Object.keys(THRESHOLD_FIELDS) as ThresholdKey[]) {
    const error = fieldError(key, draft[key]);
    if (error) errors[key] = error;
  }
  for (const { yellow, red, message } of PAIRS) {
    const y = draft[yellow];
    const r = draft[red];
    if (!errors[yellow] && !errors[red] && y !== null && r !== null && r < y) errors[red] = message;
  }
  return errors;
}

/** Call only when thresholdErrors is empty. */
export function toThresholds(draft: ThresholdDraft): LightThresholds {
  return {
    startRedDays: draft.startRedDays ?? 0,
    milestoneDueDays: draft.milestoneDueDays ?? 0,
    investmentYellowPoints: draft.investmentYellowPoints ?? 0,
    investmentRedPoints: draft.investmentRedPoints ?? 0,
    statisticsYellowMonths: draft.statisticsYellowMonths ?? 0,
    statisticsRedMonths: draft.statisticsRedMonths ?? 0,
    problemDueDays: draft.problemDueDays ?? 0,
    instructionRedDays: draft.instructionRedDays ?? 0,
    reportDeadlineWeekday: draft.reportDeadlineWeekday,
  };
}

export function sameThresholds(a: ThresholdDraft, b: LightThresholds): boolean {
  return (
    a.reportDeadlineWeekday === b.reportDeadlineWeekday &&
    (Object.keys(THRESHOLD_FIELDS) as ThresholdKey[]).every((key) => a[key] === b[key])
  );
}

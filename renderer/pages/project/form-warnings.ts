import type { FormRule } from 'antd';
import { fromFormValues, type ProjectFormValues } from './form-values';

type PlannedDateField = 'plannedStartDate' | 'plannedCompletionDate';

const LABELS: Record<PlannedDateField, string> = {
  plannedStartDate: '计划开工日期',
  plannedCompletionDate: '计划竣工日期',
};

/**
 * A planned date outside 建设起止年限 is most likely a typo in one of them, but the ledger's years are sometimes
 * loose on purpose: the clerk is asked to check, and saving still works.
 */
export function yearRangeWarning(values: ProjectFormValues, field: PlannedDateField): string | undefined {
  const { candidate } = fromFormValues(values);
  const date = candidate[field];
  const start = candidate.startYear;
  const end = candidate.endYear;
  if (typeof date !== 'string' || !date) return undefined;
  const year = Number(date.slice(0, 4));
  const early = typeof start === 'number' && year < start;
  const late = typeof end === 'number' && year > end;
  if (!early && !late) return undefined;
  return `${LABELS[field]}不在建设起止年限（${start ?? ''}—${end ?? ''}）内，请核对`;
}

/** The warning as a form rule: shown under the field in amber, never blocking 保存. */
export const yearRangeRule =
  (field: PlannedDateField): FormRule =>
  (form) => ({
    warningOnly: true,
    validator: async () => {
      const warning = yearRangeWarning(form.getFieldsValue(true) as ProjectFormValues, field);
      if (warning) throw new Error(warning);
    },
  });

import { z } from 'zod';
import { PROJECT_FIELD_KEYS, type ProjectFields } from '../../../db/model/project';
import { editCrossFieldIssues, editStageIssue } from '../../../db/model/edit-rules';
import { projectFieldShape } from '../../../db/model/project-schema';
import { futureDateIssues } from '../../../db/model/stage-rules';
import { fromFormValues, type ProjectFormValues } from './form-values';

export type FieldIssues = Partial<Record<keyof ProjectFields, string>>;

export interface CheckContext {
  planYear: number;
  today: string;
  /** the project as stored, when editing */
  before?: ProjectFields;
}

export interface FormCheck {
  /** the checked, trimmed record; null while any field has an issue */
  fields: ProjectFields | null;
  issues: FieldIssues;
}

const recordSchema = z.object(projectFieldShape);

/**
 * The server's rules, run in the form for instant messages: each field's own format, the rules between
 * fields, dates that cannot be in the future and what the stage needs. The server still decides on save.
 */
export function checkProjectForm(values: ProjectFormValues, context: CheckContext): FormCheck {
  const { candidate, issues } = fromFormValues(values);
  for (const field of PROJECT_FIELD_KEYS) {
    if (issues[field]) continue;
    const result = projectFieldShape[field].safeParse(candidate[field]);
    if (!result.success) issues[field] = result.error.issues[0]?.message ?? '内容不正确';
  }
  const record = candidate as unknown as ProjectFields;
  const add = (field: keyof ProjectFields, message: string) => {
    issues[field] ??= message;
  };
  for (const issue of editCrossFieldIssues(record, context.before)) add(issue.field, issue.message);
  for (const issue of futureDateIssues(record, context.today)) add(issue.field, issue.message);
  if (record.stage) {
    const requirement = editStageIssue(record, context.before, context.planYear);
    if (requirement) add(requirement.field, requirement.message);
  }
  if (Object.keys(issues).length) return { fields: null, issues };
  return { fields: recordSchema.parse(candidate) as ProjectFields, issues };
}

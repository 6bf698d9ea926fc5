import type { ProjectFields } from './project';
import { crossFieldIssues } from './project-schema';
import { stageRequirementIssue } from './stage-rules';

// What an edit of a stored project must keep. The form and the server both ask these, so the clerk's
// instant message and the server's answer on save are the same rule.

/**
 * The rules between fields, except a gap (资料待补) the stored record already had: an imported ledger row that
 * lacks a date can still have something else edited.
 */
export function editCrossFieldIssues(after: ProjectFields, before: ProjectFields | undefined) {
  const heldGap = (field: keyof ProjectFields) =>
    before !== undefined && crossFieldIssues(before).some((i) => i.gap && i.field === field);
  return crossFieldIssues(after).filter((issue) => !(issue.gap && heldGap(issue.field)));
}

/**
 * What the stage needs, as far as an edit must keep it: a stage rule is enforced on entry, and an edit may not
 * break one that held, but an old record that predates a rule (or a new plan year) stays editable.
 */
export function editStageIssue(
  after: ProjectFields,
  before: ProjectFields | undefined,
  planYear: number,
): ReturnType<typeof stageRequirementIssue> {
  const requirement = stageRequirementIssue(after.stage, after, planYear);
  if (!requirement || !before) return requirement;
  return stageRequirementIssue(before.stage, before, planYear) ? null : requirement;
}

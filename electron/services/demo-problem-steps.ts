import type { DemoProblem, DemoProblemStep } from '../../db/demo/demo-problems';
import { yearOf } from '../../db/model/dates';
import { PROBLEM_ACTION_LABELS, PROBLEM_STATUS_LABELS, problemCode, transition } from '../../db/model/problems';
import {
  insertNote,
  insertProblem,
  nextProblemSequence,
  writeProblemHistory,
  type ProblemValues,
} from '../../db/queries/problems';
import type { WriteMeta } from '../../db/queries/projects-write';
import { findIdByName } from '../../db/queries/reference';
import type { Store } from '../../db/store/store';

/** What a 督办 step changes, as the problems handler's 办理 does it. */
function afterStep(values: ProblemValues, step: DemoProblemStep, unitId: number | null): ProblemValues {
  const moved = transition(values.status, step.action);
  if (!moved.ok) throw new Error(`示例问题的办理步骤不合督办规则：${moved.message}`);
  const next = { ...values, status: moved.to };
  if (step.action === 'assign') {
    if (unitId === null || !step.deadline) throw new Error('示例问题交办须有单位和办结时限');
    next.leadUnitId = unitId;
    next.responsibleUnitIds = [unitId];
    next.deadline = step.deadline;
    next.assignedOn = step.on;
  }
  if (step.action === 'requestClose') {
    if (!step.text) throw new Error('示例问题申请销号须写明办理结果');
    next.resolution = step.text;
  }
  if (step.action === 'return' && !step.text) throw new Error('示例问题退回须写明原因');
  if (step.action === 'close') next.resolvedOn = step.on;
  if (step.action === 'return') next.resolvedOn = null;
  return next;
}

/**
 * A demo problem, registered at its dispatch meeting and taken through its steps by the workflow's own
 * transitions; each step is a dated note and a line in the project's history, as when a clerk takes it.
 */
export async function raiseDemoProblem(
  store: Store,
  project: { id: number; responsibleUnitIds: readonly number[] },
  problem: DemoProblem,
  meta: WriteMeta,
): Promise<void> {
  const unitId =
    problem.unitName === null
      ? (project.responsibleUnitIds[0] ?? null)
      : ((await findIdByName(store, 'unit', problem.unitName)) ?? null);
  const source = `第${Number(problem.sourceWeek.slice(6))}周调度会`;
  let values: ProblemValues = {
    projectId: project.id,
    sourceWeek: problem.sourceWeek,
    source,
    description: problem.description,
    category: problem.category,
    leadUnitId: null,
    responsibleUnitIds: [],
    responsiblePerson: '',
    raisedOn: problem.raisedOn,
    assignedOn: null,
    deadline: null,
    status: 'pending',
    resolution: '',
    resolvedOn: null,
  };
  const notes = [{ notedOn: problem.raisedOn, text: `登记：${source}` }];
  const history: [string, string][] = [];
  for (const step of problem.steps) {
    const before = values.status;
    values = afterStep(values, step, unitId);
    const label = PROBLEM_ACTION_LABELS[step.action];
    notes.push({ notedOn: step.on, text: step.text ? `${label}：${step.text}` : label });
    history.push([PROBLEM_STATUS_LABELS[before], PROBLEM_STATUS_LABELS[values.status]]);
  }

  const year = yearOf(problem.raisedOn);
  const code = problemCode(year, await nextProblemSequence(store, year));
  // stored as it ends; the history tells each step from 登记 on
  const id = await insertProblem(store, code, values, meta);
  for (const { notedOn, text } of notes) {
    await insertNote(store, id, { notedOn, kind: 'transition', text }, meta.operator, meta.now);
  }
  for (const [oldValue, newValue] of history)
    await writeProblemHistory(store, { projectId: project.id, code }, oldValue, newValue, meta);
}

import { yearOf } from './dates';
import type { ProjectFields } from './project';
import { STAGE_LABELS, stageIndex, type Stage } from './stages';

type DatedFields = Pick<ProjectFields, 'plannedStartDate' | 'actualStartDate' | 'actualCompletionDate' | 'signingDate'>;

/** What a project must have to be (or enter) a stage; null when it may. */
export function stageRequirementIssue(
  stage: Stage,
  fields: DatedFields,
  planYear: number,
): { field: keyof DatedFields; message: string } | null {
  if (stage === 'new_start') {
    if (!fields.plannedStartDate) {
      return { field: 'plannedStartDate', message: '列入新开工须填写计划开工日期' };
    }
    if (yearOf(fields.plannedStartDate) !== planYear) {
      return {
        field: 'plannedStartDate',
        message: `列入新开工的计划开工日期须在${planYear}年内`,
      };
    }
  }
  if (stage === 'continuing' && !fields.actualStartDate) {
    return { field: 'actualStartDate', message: '转入续建须填写实际开工日期' };
  }
  if (stage === 'completed' && !fields.actualCompletionDate) {
    return { field: 'actualCompletionDate', message: '转入竣工须填写实际竣工日期' };
  }
  return null;
}

/** One step forward freely, one step back only with a reason. */
export function transitionIssue(from: Stage, to: Stage, reason: string): string | null {
  const step = stageIndex(to) - stageIndex(from);
  if (step === 0) return `项目已处于${STAGE_LABELS[to]}阶段`;
  if (Math.abs(step) > 1) {
    return `阶段只能逐级变更：${STAGE_LABELS[from]}不能直接变更为${STAGE_LABELS[to]}`;
  }
  if (step < 0 && !reason.trim()) return `退回${STAGE_LABELS[to]}须填写原因`;
  return null;
}

type HappenedFields = DatedFields & Partial<Pick<ProjectFields, 'registrationDate' | 'productionDate'>>;

/** Things that cannot have happened yet. */
export function futureDateIssues(
  fields: HappenedFields,
  today: string,
): { field: keyof HappenedFields; message: string }[] {
  const labels = {
    actualStartDate: '实际开工日期',
    actualCompletionDate: '实际竣工日期',
    signingDate: '签约日期',
    registrationDate: '注册日期',
    productionDate: '投产日期',
  } as const;
  const issues: { field: keyof HappenedFields; message: string }[] = [];
  for (const field of Object.keys(labels) as (keyof typeof labels)[]) {
    const value = fields[field];
    if (value && value > today) issues.push({ field, message: `${labels[field]}不能晚于今天` });
  }
  return issues;
}

/** Going back undoes what the later stage stands for: a started project cannot be unstarted by a stage move. */
export function backwardMoveIssue(from: Stage, to: Stage, fields: Pick<DatedFields, 'actualStartDate'>): string | null {
  if (from === 'new_start' && to === 'preliminary' && fields.actualStartDate) {
    return '该项目已填实际开工日期，不能退回前期；如开工日期填错，请先在编辑中清除';
  }
  return null;
}

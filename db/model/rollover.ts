import { yearOf } from './dates';
import type { Stage } from './stages';

export interface RolloverProject {
  id: number;
  code: string;
  name: string;
  stage: Stage;
  plannedStartDate: string | null;
  actualStartDate: string | null;
  actualCompletionDate: string | null;
  investedBeforeYearYuan: number;
  annualPlanYuan: number;
  /** the closing year's 本年累计完成投资 */
  yearCompletedYuan: number;
}

export interface StageMove {
  projectId: number;
  code: string;
  name: string;
  fromStage: Stage;
  toStage: Stage;
  reason: string;
  /** proposed ticked; the clerk may untick any */
  selected: boolean;
}

export interface MoneyRoll {
  projectId: number;
  code: string;
  name: string;
  investedBeforeYearYuan: number;
  yearCompletedYuan: number;
  annualPlanYuan: number;
  /** 截至上年底累计 after the rollover: it absorbs the closing year */
  newInvestedBeforeYearYuan: number;
}

/**
 * An unstarted 新开工 whose 计划开工日期 lies in the closing year (or is missing) cannot stay 新开工 with that date:
 * the clerk decides each one, back to 前期 or a new 计划开工日期 in the new year, before the rollover may run.
 */
export interface UnstartedNewStart {
  projectId: number;
  code: string;
  name: string;
  plannedStartDate: string | null;
}

export type UnstartedDecision =
  { projectId: number; action: 'preliminary' } | { projectId: number; action: 'replan'; plannedStartDate: string };

export interface RolloverProposal {
  fromYear: number;
  toYear: number;
  moves: StageMove[];
  unstarted: UnstartedNewStart[];
  /** every project with figures to carry: always applied, so no yuan is lost */
  money: MoneyRoll[];
}

function move(p: RolloverProject, toStage: Stage, reason: string, selected = true): StageMove {
  return { projectId: p.id, code: p.code, name: p.name, fromStage: p.stage, toStage, reason, selected };
}

/** The annual list rebuilt for the new plan year, as DOMAIN.md's 年度结转 describes it. */
export function proposeRollover(projects: readonly RolloverProject[], fromYear: number): RolloverProposal {
  const toYear = fromYear + 1;
  const moves: StageMove[] = [];
  const unstarted: UnstartedNewStart[] = [];
  for (const p of projects) {
    if (p.stage === 'new_start' && p.actualStartDate) {
      moves.push(move(p, 'continuing', `${fromYear}年已开工，转为续建`));
    } else if (p.stage === 'new_start') {
      if (!p.plannedStartDate || yearOf(p.plannedStartDate) <= fromYear) {
        unstarted.push({ projectId: p.id, code: p.code, name: p.name, plannedStartDate: p.plannedStartDate });
      }
    } else if (p.stage === 'continuing' && p.actualCompletionDate) {
      moves.push(move(p, 'completed', `已于${p.actualCompletionDate}竣工`));
    } else if (p.stage === 'preliminary' && p.plannedStartDate && yearOf(p.plannedStartDate) === toYear) {
      moves.push(move(p, 'new_start', `计划${toYear}年开工，列入新开工`));
    }
  }
  const money = projects
    .filter((p) => p.yearCompletedYuan > 0 || p.annualPlanYuan > 0)
    .map((p) => ({
      projectId: p.id,
      code: p.code,
      name: p.name,
      investedBeforeYearYuan: p.investedBeforeYearYuan,
      yearCompletedYuan: p.yearCompletedYuan,
      annualPlanYuan: p.annualPlanYuan,
      newInvestedBeforeYearYuan: p.investedBeforeYearYuan + p.yearCompletedYuan,
    }));
  return { fromYear, toYear, moves, unstarted, money };
}

/** Why the clerk's decisions cannot be applied yet, or null: every unstarted 新开工 decided, dates in the new year. */
export function unstartedDecisionIssue(
  proposal: Pick<RolloverProposal, 'toYear' | 'unstarted'>,
  decisions: readonly UnstartedDecision[],
): string | null {
  const byProject = new Map(decisions.map((d) => [d.projectId, d]));
  const listed = new Set(proposal.unstarted.map((u) => u.projectId));
  if (decisions.some((d) => !listed.has(d.projectId))) return '所处理的项目不在结转建议中，请重新预览';
  const undecided = proposal.unstarted.filter((u) => !byProject.has(u.projectId));
  if (undecided.length) {
    const names = undecided
      .slice(0, 3)
      .map((u) => `“${u.name}”`)
      .join('、');
    const more = undecided.length > 3 ? `等${undecided.length}个项目` : '';
    return `${names}${more}在${proposal.toYear - 1}年未开工：请逐个选择退回前期，或改定${proposal.toYear}年的计划开工日期`;
  }
  for (const d of decisions) {
    if (d.action === 'replan' && yearOf(d.plannedStartDate) !== proposal.toYear) {
      const name = proposal.unstarted.find((u) => u.projectId === d.projectId)?.name ?? '';
      return `“${name}”的新计划开工日期须在${proposal.toYear}年内`;
    }
  }
  return null;
}

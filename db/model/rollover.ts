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

export interface RolloverProposal {
  fromYear: number;
  toYear: number;
  moves: StageMove[];
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
  for (const p of projects) {
    if (p.stage === 'new_start' && p.actualStartDate) {
      moves.push(move(p, 'continuing', `${fromYear}年已开工，转为续建`));
    } else if (p.stage === 'new_start') {
      moves.push(move(p, 'preliminary', `${fromYear}年未开工，退回前期`, false));
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
  return { fromYear, toYear, moves, money };
}

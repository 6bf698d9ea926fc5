import type { MoneyRoll, RolloverProposal, StageMove, UnstartedNewStart } from '../../../db/model/rollover';
import type { Stage } from '../../../db/model/stages';

/**
 * The three kinds of stage move DOMAIN.md's 年度结转 proposes to tick, in the order the wizard lists them. An
 * unstarted 新开工 is not a tick: the clerk decides each one (see UnstartedPanel).
 */
export type MoveKind = 'toContinuing' | 'toCompleted' | 'toNewStart';

export const MOVE_KINDS: readonly MoveKind[] = ['toContinuing', 'toCompleted', 'toNewStart'];

export const MOVE_KIND_LABELS: Record<MoveKind, string> = {
  toContinuing: '转为续建',
  toCompleted: '转为竣工',
  toNewStart: '列入新开工',
};

const KIND_BY_TARGET: Partial<Record<Stage, MoveKind>> = {
  continuing: 'toContinuing',
  completed: 'toCompleted',
  new_start: 'toNewStart',
};

export function moveKind(move: Pick<StageMove, 'toStage'>): MoveKind {
  return KIND_BY_TARGET[move.toStage] ?? 'toContinuing';
}

/** The clerk's choice for an unstarted 新开工: back to 前期, or a new date (null until picked). */
export type UnstartedChoice = { action: 'preliminary' } | { action: 'replan'; plannedStartDate: string | null };

/** Why the rollover cannot go on yet, or null: each unstarted 新开工 needs a choice, a new date needs the date. */
export function unstartedBlocker(
  unstarted: readonly UnstartedNewStart[],
  choices: ReadonlyMap<number, UnstartedChoice>,
): string | null {
  const open = unstarted.filter((u) => {
    const choice = choices.get(u.projectId);
    return !choice || (choice.action === 'replan' && !choice.plannedStartDate);
  });
  return open.length ? `还有${open.length}个未开工的新开工项目未处理：请逐个选择退回前期或改定计划开工日期` : null;
}

/** Moves grouped by kind, each group in the proposal's own (code) order. */
export function sortedMoves(moves: readonly StageMove[]): StageMove[] {
  const rank = (m: StageMove) => MOVE_KINDS.indexOf(moveKind(m));
  return [...moves].sort((a, b) => rank(a) - rank(b));
}

export interface KindCount {
  kind: MoveKind;
  selected: number;
  total: number;
}

export function countByKind(moves: readonly StageMove[], selected: ReadonlySet<number>): KindCount[] {
  return MOVE_KINDS.map((kind) => {
    const ofKind = moves.filter((m) => moveKind(m) === kind);
    return { kind, total: ofKind.length, selected: ofKind.filter((m) => selected.has(m.projectId)).length };
  });
}

/** What the office proposes before the clerk touches anything: 退回前期 stays unticked until chosen. */
export function proposedSelection(proposal: RolloverProposal): Set<number> {
  return new Set(proposal.moves.filter((m) => m.selected).map((m) => m.projectId));
}

export interface MoneyTotals {
  investedBeforeYearYuan: number;
  yearCompletedYuan: number;
  annualPlanYuan: number;
  newInvestedBeforeYearYuan: number;
  /** 截至上年底累计 + 本年累计完成 before the rollover; must equal the new 截至上年底累计 */
  before: number;
  after: number;
}

/** Exact integer-yuan sums, so the conservation check compares what is really written. */
export function moneyTotals(money: readonly MoneyRoll[]): MoneyTotals {
  const totals = { investedBeforeYearYuan: 0, yearCompletedYuan: 0, annualPlanYuan: 0, newInvestedBeforeYearYuan: 0 };
  for (const roll of money) {
    totals.investedBeforeYearYuan += roll.investedBeforeYearYuan;
    totals.yearCompletedYuan += roll.yearCompletedYuan;
    totals.annualPlanYuan += roll.annualPlanYuan;
    totals.newInvestedBeforeYearYuan += roll.newInvestedBeforeYearYuan;
  }
  return {
    ...totals,
    before: totals.investedBeforeYearYuan + totals.yearCompletedYuan,
    after: totals.newInvestedBeforeYearYuan,
  };
}

/** The one sentence the clerk confirms. */
export function confirmSentence(moved: number, rolled: number, toYear: number, replanned = 0): string {
  const dates = replanned ? `改定${replanned}个项目的计划开工日期，` : '';
  return `将变更${moved}个项目的阶段，${dates}结转${rolled}个项目的投资数字，计划年度改为${toYear}年。执行前自动备份。`;
}

export interface ApplyFailure {
  message: string;
  /** the plan year changed elsewhere: only a fresh preview can help */
  stale: boolean;
}

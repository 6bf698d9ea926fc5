import type { DispatchSnapshot } from './dispatch';
import { LIGHT_LABELS } from './lights';
import { formatWan } from './money';
import { STAGE_LABELS } from './stages';

export interface WeekState extends DispatchSnapshot {
  /** this week's 本周进展, or null when the week has no entry */
  progress: string | null;
}

export interface Change {
  what: string;
  before: string;
  after: string;
}

function lightText(state: DispatchSnapshot): string {
  return state.lightReasons.length
    ? `${LIGHT_LABELS[state.light]}（${state.lightReasons.join('；')}）`
    : LIGHT_LABELS[state.light];
}

/** 较上周变化: what a leader would ask about — stage, light, progress, money. */
export function describeChanges(before: WeekState | null, after: WeekState): Change[] {
  if (!before) {
    return [
      { what: '调度记录', before: '上周无调度记录', after: after.progress === null ? '本周未报送' : '本周已报送' },
    ];
  }
  const changes: Change[] = [];
  if (before.stage !== after.stage) {
    changes.push({ what: '阶段', before: STAGE_LABELS[before.stage], after: STAGE_LABELS[after.stage] });
  }
  if (before.light !== after.light || before.lightReasons.join() !== after.lightReasons.join()) {
    changes.push({ what: '预警', before: lightText(before), after: lightText(after) });
  }
  if (after.progress === null) {
    changes.push({ what: '本周进展', before: before.progress ?? '', after: '本周未报送' });
  } else if ((before.progress ?? '') !== after.progress) {
    changes.push({ what: '本周进展', before: before.progress ?? '', after: after.progress });
  }
  if (before.yearCompletedYuan !== after.yearCompletedYuan) {
    changes.push({
      what: '本年完成投资',
      before: `${formatWan(before.yearCompletedYuan)}万元`,
      after: `${formatWan(after.yearCompletedYuan)}万元`,
    });
  }
  if (before.totalInvestmentYuan !== after.totalInvestmentYuan) {
    changes.push({
      what: '总投资',
      before: `${formatWan(before.totalInvestmentYuan)}万元`,
      after: `${formatWan(after.totalInvestmentYuan)}万元`,
    });
  }
  return changes;
}

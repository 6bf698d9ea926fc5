/**
 * The goals of issue #13, each with its figure, its limit and (where one applies) the bare baseline measured
 * in the same run. A goal that could not be measured is not met and says why.
 */
export interface Goal {
  name: string;
  /** the figure in `unit`, or null when it could not be measured */
  figure: number | null;
  unit: string;
  /** at most this (in `unit`) */
  limit?: number;
  baseline?: { label: string; value: number };
  /** at most this many times the baseline */
  maxRatio?: number;
  /** what the baseline is, in the limit's words (“≤ 2× SQLite”); a bare query unless said */
  ratioOf?: string;
  /** a goal that is not a number against a limit (e.g. every row round-trips) decides itself */
  met?: boolean;
  note?: string;
}

const goals: Goal[] = [];

export function addGoal(goal: Goal): void {
  goals.push(goal);
}

export function notMeasured(name: string, why: string): void {
  goals.push({ name, figure: null, unit: '', note: why });
}

/**
 * A bare query of a tenth of a millisecond makes “≤ 2× bare” a test of the call's fixed cost (checking its input,
 * finding its handler), not of how it reads the data: as in the growth rule, a baseline under 1 ms counts as 1 ms.
 */
const RATIO_FLOOR_MS = 1;

function ratioBase(goal: Goal): number {
  const value = goal.baseline?.value ?? 0;
  return goal.unit === 'ms' ? Math.max(value, RATIO_FLOOR_MS) : value;
}

export function verdict(goal: Goal): boolean {
  if (goal.figure === null) return false;
  if (goal.met !== undefined) return goal.met;
  const underLimit = goal.limit === undefined || goal.figure <= goal.limit;
  const underRatio = goal.maxRatio === undefined || !goal.baseline || goal.figure <= goal.maxRatio * ratioBase(goal);
  return underLimit && underRatio;
}

const fixed = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1));

function limitText(goal: Goal): string {
  const parts: string[] = [];
  if (goal.limit !== undefined) parts.push(`≤ ${fixed(goal.limit)} ${goal.unit}`.trim());
  if (goal.maxRatio !== undefined) {
    const floored = goal.unit === 'ms' && goal.baseline !== undefined && goal.baseline.value < RATIO_FLOOR_MS;
    parts.push(`≤ ${goal.maxRatio}× ${goal.ratioOf ?? 'bare'}${floored ? ' (1 ms floor)' : ''}`);
  }
  return parts.join(' and ') || '—';
}

function figureText(goal: Goal): string {
  if (goal.figure === null) return 'not measured';
  const ratio = goal.baseline && goal.baseline.value > 0 ? ` (×${(goal.figure / goal.baseline.value).toFixed(1)})` : '';
  return `${fixed(goal.figure)} ${goal.unit}${ratio}`.trim();
}

export interface GoalTable {
  title: string;
  goals: readonly Goal[];
  /** the last line says `<lastLine>: N/M` */
  lastLine: string;
  baselineHeader?: string;
}

/** A table of goals — figure, limit, baseline, verdict — ending with how many are met. */
export function printGoalTable({ title, goals: table, lastLine, baselineHeader = 'bare baseline' }: GoalTable): void {
  console.log(`\n${title}:`);
  console.log(
    `${'goal'.padEnd(58)} ${'figure'.padStart(18)}  ${'limit'.padEnd(24)} ${baselineHeader.padEnd(44)} verdict`,
  );
  for (const goal of table) {
    const baseline = goal.baseline ? `${goal.baseline.label} ${fixed(goal.baseline.value)} ${goal.unit}` : '—';
    const mark = verdict(goal) ? 'met' : 'NOT MET';
    console.log(
      `${goal.name.padEnd(58)} ${figureText(goal).padStart(18)}  ${limitText(goal).padEnd(24)} ${baseline.padEnd(44)} ${mark}` +
        (goal.note ? `  — ${goal.note}` : ''),
    );
  }
  console.log(`${lastLine}: ${table.filter(verdict).length}/${table.length}`);
}

/** The goal table, then one last line: goals met: N/M. */
export function printGoals(): void {
  printGoalTable({ title: 'Goals (issue #13)', goals, lastLine: 'goals met' });
}

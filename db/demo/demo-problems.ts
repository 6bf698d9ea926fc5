/**
 * The example office's 问题督办: the coordination asked for at recent dispatch meetings, raised as problems and
 * taken through the 督办 steps to every status (待交办, 办理中, 申请销号, 退回), and older problems already struck
 * off (已销号) with what the unit reported. Each problem is a list of the clerk's steps; the loader takes them
 * through the same transitions the app allows. Pure and deterministic.
 */
import { addDays, parseISO } from 'date-fns';
import { toIsoDate } from '../model/dates';
import type { ProblemAction, ProblemCategory, ProblemStatus } from '../model/problems';
import { parseWeek, shiftWeek, weekOf } from '../model/weeks';
import { demoDispatchEntries, demoMilestones, type DemoSubject } from './demo-activity';
import { createRandom, hashSeed, type Random } from './demo-random';
import { DEMO_TROUBLES, troublesFitting, type DemoTrouble } from './demo-troubles';

export interface DemoProblemStep {
  action: ProblemAction;
  on: string;
  /** 申请销号: the result; 退回: the reason */
  text?: string;
  /** 交办: 办结时限 */
  deadline?: string;
}

export interface DemoProblem {
  /** index of the project in the list given */
  projectIndex: number;
  description: string;
  category: ProblemCategory;
  /** null: the project's own first responsible unit */
  unitName: string | null;
  sourceWeek: string;
  raisedOn: string;
  steps: DemoProblemStep[];
}

/** How far the open problems have got, in turn, so that every status shows however few there are. */
const OPEN_OUTCOMES: readonly Exclude<ProblemStatus, 'closed'>[] = [
  'in_progress',
  'pending',
  'in_progress',
  'closing_requested',
  'returned',
  'in_progress',
];
const RETURN_REASONS = ['办理结果未附相关批复文件，请补充后重新报送', '问题尚未彻底解决，请继续跟进落实'] as const;
/** Share of projects under way with an older problem already struck off. */
const RESOLVED_SHARE = 0.12;

function stepsTo(
  outcome: ProblemStatus,
  trouble: DemoTrouble,
  raisedOn: string,
  today: string,
  random: Random,
): DemoProblemStep[] {
  let day = raisedOn;
  const later = (least: number, most: number): string => {
    const next = toIsoDate(addDays(parseISO(day), random.int(least, most)));
    day = next > today ? today : next;
    return day;
  };
  if (outcome === 'pending') return [];
  const assign: DemoProblemStep = {
    action: 'assign',
    on: later(0, 1),
    deadline: toIsoDate(addDays(parseISO(raisedOn), random.int(7, 28))),
  };
  if (outcome === 'in_progress') return [assign];
  const requestClose: DemoProblemStep = { action: 'requestClose', on: later(4, 8), text: trouble.result };
  if (outcome === 'closing_requested') return [assign, requestClose];
  if (outcome === 'returned') {
    return [assign, requestClose, { action: 'return', on: later(1, 2), text: random.pick(RETURN_REASONS) }];
  }
  return [assign, requestClose, { action: 'close', on: later(1, 3) }];
}

/** The coordination a project asked for: raised at the first meeting it came up, two weeks ago. */
function openProblemOf(project: DemoSubject, today: string): { trouble: DemoTrouble; week: string } | null {
  const raisedIn = demoDispatchEntries(project, today).find((entry) => entry.coordination);
  const trouble = raisedIn && DEMO_TROUBLES.find((t) => t.problem === raisedIn.problems);
  return raisedIn && trouble ? { trouble, week: raisedIn.week } : null;
}

/** An older trouble of a project under way, raised eight to twelve weeks ago and since solved. */
function resolvedProblemOf(project: DemoSubject, today: string): { trouble: DemoTrouble; week: string } | null {
  if (project.stage === 'completed') return null;
  const random = createRandom(hashSeed(`${project.name}|resolved`));
  if (random.next() >= RESOLVED_SHARE) return null;
  const week = shiftWeek(weekOf(today).key, -random.int(8, 12));
  const fitting = troublesFitting(project, demoMilestones(project, today), week.start);
  return fitting.length ? { trouble: random.pick(fitting), week: week.key } : null;
}

export function demoProblems(projects: readonly DemoSubject[], today: string): DemoProblem[] {
  const problems: DemoProblem[] = [];
  let opened = 0;
  projects.forEach((project, projectIndex) => {
    const raise = (found: { trouble: DemoTrouble; week: string }, outcome: ProblemStatus) => {
      const raisedOn = parseWeek(found.week)!.start;
      const random = createRandom(hashSeed(`${project.name}|${found.week}|problem`));
      problems.push({
        projectIndex,
        description: found.trouble.problem,
        category: found.trouble.category,
        unitName: found.trouble.unit,
        sourceWeek: found.week,
        raisedOn,
        steps: stepsTo(outcome, found.trouble, raisedOn, today, random),
      });
    };
    const resolved = resolvedProblemOf(project, today);
    if (resolved) raise(resolved, 'closed');
    const open = openProblemOf(project, today);
    if (open) raise(open, OPEN_OUTCOMES[opened++ % OPEN_OUTCOMES.length]);
  });
  // numbered in the order they were raised, as the office would have numbered them
  return problems.sort((a, b) => (a.raisedOn < b.raisedOn ? -1 : a.raisedOn > b.raisedOn ? 1 : 0));
}

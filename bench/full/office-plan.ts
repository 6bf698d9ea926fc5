import type { Stage } from '../../db/model/stages';
import { randomFrom, type Random } from './office-texts';

/** What the bench's office looks like: how many projects, weeks of history and problems, as of `today`. */
export interface OfficeShape {
  projects: number;
  weeks: number;
  problems: number;
  today: string;
}

export const FULL_OFFICE: OfficeShape = { projects: 5_000, weeks: 261, problems: 2_000, today: '2026-11-28' };

/** A growth office: the same shape, a short history so 20,000 projects stay quick. */
export const growthOffice = (projects: number): OfficeShape => ({
  projects,
  weeks: 4,
  problems: Math.round(projects * 0.4),
  today: FULL_OFFICE.today,
});

/**
 * One project's life in week indexes (0 = the first week of the history): entered into the library, started
 * (actual start) and completed. Infinity: not within the history.
 */
export interface ProjectPlan {
  index: number;
  entered: number;
  started: number;
  completed: number;
  /** reports monthly figures (纳统) once started */
  inStatistics: boolean;
  random: Random;
}

export function planProjects(shape: OfficeShape): ProjectPlan[] {
  const plans: ProjectPlan[] = [];
  const last = shape.weeks - 1;
  for (let index = 0; index < shape.projects; index++) {
    const random = randomFrom(index * 7919 + 17);
    // most of the office was in the library before the history starts; a few come in along the way
    const entered = random() < 0.92 ? 0 : Math.floor(random() * last);
    const roll = random();
    // before the history: a third already under way; the rest start along the way or are still preparing
    const started =
      entered === 0 && roll < 0.35
        ? -Math.floor(random() * 150) - 1
        : roll < 0.8
          ? entered + 10 + Math.floor(random() * Math.max(1, shape.weeks * 0.7))
          : Infinity;
    // about one in eight completes, mostly in the later years
    const completed =
      random() < 0.13 ? Math.max(started + 20, last - Math.floor(random() ** 2 * shape.weeks)) : Infinity;
    plans.push({
      index,
      entered,
      started: started > last ? Infinity : started,
      completed: completed > last ? Infinity : completed,
      inStatistics: random() < 0.45,
      random,
    });
  }
  return plans;
}

/** The stage in week `week`, given the calendar year of that week and of the start. */
export function stageAt(plan: ProjectPlan, week: number, year: number, startYear: number | null): Stage {
  if (week >= plan.completed) return 'completed';
  if (week >= plan.started) return startYear === year ? 'new_start' : 'continuing';
  const waiting = Number.isFinite(plan.started) ? plan.started - plan.entered : 200;
  return week - plan.entered < waiting / 2 ? 'reserve' : 'preliminary';
}

import { addDays, parseISO } from 'date-fns';
import { daysBetween, toIsoDate } from '../../db/model/dates';
import { isOpen, problemAges, type SupervisionItem } from '../../db/model/problems';
import { shiftWeek, weekOf } from '../../db/model/weeks';
import { snapshotLightsSince } from '../../db/queries/dispatch';
import { openMilestonesUntil } from '../../db/queries/milestones';
import { listStoredProblems } from '../../db/queries/problems';
import { listProjects } from '../../db/queries/projects-read';
import type { AppContext } from '../services/app-context';
import { withLights } from '../services/project-lights';
import { planYearOf } from '../services/session';

const LOOK_BACK_WEEKS = 52;

/** The unbroken run of red weeks ending now: this week (live) and then each earlier week's snapshot. */
function redRun(
  current: string,
  snapshots: readonly { week: string; light: string }[],
): { since: string; weeks: number } {
  const byWeek = new Map(snapshots.map((s) => [s.week, s.light]));
  let since = current;
  let weeks = 1;
  for (let back = 1; back <= LOOK_BACK_WEEKS; back++) {
    const week = shiftWeek(current, -back).key;
    if (byWeek.get(week) !== 'red') break;
    since = week;
    weeks += 1;
  }
  return { since, weeks };
}

export const supervisionHandlers = {
  /** 督办: the red projects with their open problems and late nodes, longest red first. */
  'supervision.overview': async (ctx: AppContext): Promise<SupervisionItem[]> => {
    const today = ctx.today();
    const planYear = planYearOf(ctx);
    const current = weekOf(today).key;
    const red = withLights(ctx.db, listProjects(ctx.db, planYear), planYear, today).filter((p) => p.light === 'red');
    const snapshots = snapshotLightsSince(ctx.db, shiftWeek(current, -LOOK_BACK_WEEKS).key);
    const problems = listStoredProblems(ctx.db).filter((p) => isOpen(p.status));
    const late = openMilestonesUntil(ctx.db, toIsoDate(addDays(parseISO(today), -1)));
    return red
      .map((project) => {
        const run = redRun(current, snapshots.get(project.id) ?? []);
        return {
          projectId: project.id,
          code: project.code,
          name: project.name,
          chainName: project.chainName,
          chainLead: project.chainLead,
          lightReasons: project.lightReasons,
          redSinceWeek: run.since,
          weeksRed: run.weeks,
          problems: problems.filter((p) => p.projectId === project.id).map((p) => ({ ...p, ...problemAges(p, today) })),
          lateMilestones: late
            .filter((m) => m.projectId === project.id)
            .map((m) => ({
              name: m.name,
              plannedDate: m.plannedDate ?? '',
              daysLate: daysBetween(m.plannedDate ?? today, today),
              unitName: m.unitName,
            })),
        };
      })
      .sort((a, b) => b.weeksRed - a.weeksRed || b.problems.length - a.problems.length);
  },
};

import { addDays, parseISO } from 'date-fns';
import { daysBetween, toIsoDate } from '../../db/model/dates';
import { computeLights } from '../../db/model/lights';
import { isOpen, problemAges, type SupervisionItem } from '../../db/model/problems';
import { shiftWeek, weekOf } from '../../db/model/weeks';
import { redSnapshotRuns } from '../../db/queries/dispatch';
import { lateMilestonesOf } from '../../db/queries/milestones';
import { listStoredProblems, type StoredProblemWithUnits } from '../../db/queries/problems';
import { listRowSources } from '../../db/queries/project-list';
import type { AppContext } from '../services/app-context';
import { lightInputsOf } from '../services/project-lights';
import { planYearOf } from '../services/session';

const LOOK_BACK_WEEKS = 52;

function groupByProject<T extends { projectId: number }>(rows: readonly T[]): Map<number, T[]> {
  const byProject = new Map<number, T[]>();
  for (const row of rows) {
    const list = byProject.get(row.projectId);
    if (list) list.push(row);
    else byProject.set(row.projectId, [row]);
  }
  return byProject;
}

export const supervisionHandlers = {
  /** 督办: the red projects with their open problems and late nodes, longest red first. */
  'supervision.overview': async (ctx: AppContext): Promise<SupervisionItem[]> => {
    const today = ctx.today();
    // the red run: this week (live), then each earlier week's snapshot, newest first
    const current = weekOf(today).key;
    const earlier = Array.from({ length: LOOK_BACK_WEEKS }, (_, i) => shiftWeek(current, -(i + 1)).key);
    const { red, runs, problems, late } = await ctx.store.snapshot(async () => {
      const planYear = await planYearOf(ctx);
      const inputs = await lightInputsOf(ctx.store, planYear, today);
      const red = (await listRowSources(ctx.store, planYear))
        .map((row) => ({ row, lights: computeLights(inputs.of(row), inputs.context) }))
        .filter((p) => p.lights.light === 'red');
      const ids = red.map((p) => p.row.id);
      const open = (await listStoredProblems(ctx.store)).filter((p) => isOpen(p.status));
      return {
        red,
        runs: await redSnapshotRuns(ctx.store, ids, earlier),
        problems: groupByProject<StoredProblemWithUnits>(open),
        late: groupByProject(await lateMilestonesOf(ctx.store, toIsoDate(addDays(parseISO(today), -1)), ids)),
      };
    });
    return red
      .map(({ row, lights }) => {
        const run = runs.get(row.id) ?? 0;
        return {
          projectId: row.id,
          code: row.code,
          name: row.name,
          chainName: row.chainName,
          chainLead: row.chainLead,
          lightReasons: lights.lightReasons,
          redSinceWeek: run ? earlier[run - 1] : current,
          weeksRed: run + 1,
          problems: (problems.get(row.id) ?? []).map((p) => ({ ...p, ...problemAges(p, today) })),
          lateMilestones: (late.get(row.id) ?? []).map((m) => ({
            name: m.name,
            plannedDate: m.plannedDate,
            daysLate: daysBetween(m.plannedDate, today),
            unitName: m.unitName,
          })),
        };
      })
      .sort((a, b) => b.weeksRed - a.weeksRed || b.problems.length - a.problems.length);
  },
};

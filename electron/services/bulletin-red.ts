import { computeLights } from '../../db/model/lights';
import type { BulletinRedProject } from '../../db/model/bulletin';
import type { LightsSource } from '../../db/model/stat-ranking';
import { projectLabelsOf, redRowsOfWeek } from '../../db/queries/bulletin-red';
import { forEachCountedProject } from '../../db/queries/counted-projects';
import type { Store } from '../../db/store/store';
import { lightInputsOf } from './project-lights';

/**
 * The month's red projects with their reasons, from the same lights the ranking counted (`lightsFrom` of its
 * answer): today's, computed as the 周调度表 computes them, or those the month's last 调度表 kept.
 */
async function redReasonsOf(
  store: Store,
  year: number,
  month: number,
  lightsFrom: LightsSource,
): Promise<{ projectId: number; reasons: string[] }[]> {
  if (lightsFrom.kind === 'none') return [];
  if (lightsFrom.kind === 'week') return redRowsOfWeek(store, lightsFrom.week);
  const inputs = await lightInputsOf(store, year, lightsFrom.date);
  const reds: { projectId: number; reasons: string[] }[] = [];
  await forEachCountedProject(
    store,
    year,
    (project) => {
      const lit = computeLights(inputs.of(project), inputs.context);
      if (lit.light === 'red') reds.push({ projectId: project.id, reasons: lit.lightReasons });
    },
    month,
  );
  return reds;
}

/** Red projects by 牵头单位, then code: the order the units are named in the meeting. */
export async function bulletinRedProjects(
  store: Store,
  year: number,
  month: number,
  lightsFrom: LightsSource,
): Promise<BulletinRedProject[]> {
  const reds = await redReasonsOf(store, year, month, lightsFrom);
  const labels = await projectLabelsOf(
    store,
    reds.map((r) => r.projectId),
  );
  return reds
    .flatMap(({ projectId, reasons }) => {
      const label = labels.get(projectId);
      return label ? [{ projectId, ...label, reasons }] : [];
    })
    .sort((a, b) => byCodePoint(a.leadUnitName, b.leadUnitName) || byCodePoint(a.code, b.code));
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

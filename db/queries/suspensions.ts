import type { CurrentSuspension, SuspensionKind, SuspensionSpell } from '../model/list-membership';
import type { Store } from '../store/store';
import { sql } from '../sql';
import { onlyProjects, type OnlyProjects } from './only-projects';

// 停建/缓建 spells (migration 0200): the open one (resumed_on NULL) is the project's status now.

/** The projects 停建/缓建 now (or only `only`'s): a short list, read once for a whole library's lights. */
export async function currentSuspensions(store: Store, only?: OnlyProjects): Promise<Map<number, CurrentSuspension>> {
  const rows = await store.all<CurrentSuspension & { projectId: number }>(sql`SELECT project_id AS "projectId", kind,
          suspended_on AS since, reason FROM project_suspensions
        WHERE resumed_on IS NULL ${onlyProjects(store.dialect, 'project_id', only)}`);
  return new Map(rows.map(({ projectId, ...s }) => [projectId, s]));
}

/** A project's spells, oldest first. */
export async function suspensionsOf(store: Store, projectId: number): Promise<SuspensionSpell[]> {
  return store.all<SuspensionSpell>(sql`SELECT id, kind, suspended_on AS since, reason, resumed_on AS "resumedOn",
          resume_note AS "resumeNote" FROM project_suspensions WHERE project_id = ${projectId}
        ORDER BY suspended_on, id`);
}

export async function suspend(
  store: Store,
  projectId: number,
  kind: SuspensionKind,
  date: string,
  reason: string,
): Promise<void> {
  await store.run(sql`INSERT INTO project_suspensions (project_id, kind, suspended_on, reason)
        VALUES (${projectId}, ${kind}, ${date}, ${reason})`);
}

/** Ends the open spell: 复工 on `date`, or the spell turned into another kind (the note says which). */
export async function endSuspension(store: Store, projectId: number, date: string, note: string): Promise<void> {
  await store.run(sql`UPDATE project_suspensions SET resumed_on = ${date}, resume_note = ${note}
        WHERE project_id = ${projectId} AND resumed_on IS NULL`);
}

import type { Store } from '../store/store';
import { sql } from '../sql';
import { onlyProjects } from './only-projects';

/** Every project's levels (or only `ids`'), by ascending id: a few thousand pairs, read once. */
export async function levelIdsByProject(store: Store, ids?: readonly number[]): Promise<Map<number, number[]>> {
  const pairs = await store.allRaw<[number, number]>(sql`SELECT project_id, level_id FROM level_memberships
        WHERE TRUE ${onlyProjects(store.dialect, 'project_id', ids)} ORDER BY project_id, level_id`);
  const byProject = new Map<number, number[]>();
  for (const [projectId, levelId] of pairs) {
    const levels = byProject.get(projectId);
    if (levels) levels.push(levelId);
    else byProject.set(projectId, [levelId]);
  }
  return byProject;
}

import { sql, sqlFragment, sqlJoin } from '../sql';
import type { Store } from '../store/store';

// What a 责任单位 user may touch: the projects their unit leads (牵头单位) or is one of the 责任单位 of, and the
// problems assigned to the unit or raised on those projects.

/** The condition on a project `p` that it is the unit's. */
const unitOwns = (unitId: number) =>
  sqlFragment`(p.lead_unit_id = ${unitId}
    OR EXISTS (SELECT 1 FROM project_units pu WHERE pu.project_id = p.id AND pu.unit_id = ${unitId}))`;

/** Of `projectIds`, those that are not the unit's (none when all are; an id with no project is not the unit's). */
export async function projectsOutsideUnit(
  store: Store,
  projectIds: readonly number[],
  unitId: number,
): Promise<number[]> {
  if (!projectIds.length) return [];
  const ids = [...new Set(projectIds)];
  const inside = await store.all<{ id: number }>(
    sql`SELECT p.id FROM projects p WHERE p.id IN (${sqlJoin(ids)}) AND ${unitOwns(unitId)} ORDER BY p.id`,
  );
  const owned = new Set(inside.map((row) => row.id));
  return ids.filter((id) => !owned.has(id));
}

/** The condition on a problem `q` of project `p` that it is the unit's: assigned to it, or on one of its projects. */
export const unitAnswers = (unitId: number) =>
  sqlFragment`(q.lead_unit_id = ${unitId}
    OR EXISTS (SELECT 1 FROM problem_units qu WHERE qu.problem_id = q.id AND qu.unit_id = ${unitId})
    OR ${unitOwns(unitId)})`;

export async function problemInUnit(store: Store, problemId: number, unitId: number): Promise<boolean> {
  const row = await store.get(
    sql`SELECT 1 AS yes FROM problems q JOIN projects p ON p.id = q.project_id
        WHERE q.id = ${problemId} AND ${unitAnswers(unitId)}`,
  );
  return row !== undefined;
}

/** The unit's projects, in 项目编号 order. */
export async function unitProjectIds(store: Store, unitId: number): Promise<number[]> {
  const rows = await store.allRaw<[number]>(sql`SELECT p.id FROM projects p WHERE ${unitOwns(unitId)} ORDER BY p.code`);
  return rows.map((row) => row[0]);
}

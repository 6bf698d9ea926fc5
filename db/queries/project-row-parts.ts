import { joinedIntegers } from '../dialect';
import { sqlFragment, type Dialect, type SqlFragment } from '../sql';
import { onlyProjects, type OnlyProjects } from './only-projects';
import type { ReferenceNames } from './reference-names';

// Pieces of the reads of many projects' rows (aliased `p`), shared so the library's rows and a week's rows are
// made the same way.

/** The day the project entered the library: its first stage, set from none. */
export const ENTERED_ON = sqlFragment`(SELECT MIN(s.changed_on) FROM stage_changes s
                                       WHERE s.project_id = p.id AND s.from_stage IS NULL)`;

/** 责任单位 ids in the order they were chosen (“3,7”), or NULL. */
export function unitIds(dialect: Dialect): SqlFragment {
  const joined = joinedIntegers(dialect, sqlFragment`pu.unit_id`, sqlFragment`pu.position, pu.unit_id`);
  return sqlFragment`(SELECT ${joined} FROM project_units pu WHERE pu.project_id = p.id)`;
}

/** `LEFT JOIN` of each project's completed investment in `planYear`, as `m.completed` (NULL when none). */
export function yearCompletedJoin(dialect: Dialect, planYear: number, ids: OnlyProjects): SqlFragment {
  return sqlFragment`LEFT JOIN (SELECT project_id, SUM(amount_yuan) AS completed FROM monthly_investments
                                WHERE year = ${planYear} ${onlyProjects(dialect, 'project_id', ids)} GROUP BY project_id) m
                            ON m.project_id = p.id`;
}

/** 责任单位 names in their order, from the row's unit ids. */
export function unitNamesOf(unitIds: string | null, names: ReferenceNames): string[] {
  if (unitIds === null) return [];
  const found: string[] = [];
  for (const id of unitIds.split(',')) {
    const name = names.units.get(Number(id));
    if (name !== undefined) found.push(name);
  }
  return found;
}

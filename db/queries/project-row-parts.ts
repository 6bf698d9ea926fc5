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

/**
 * Each row's day of entry and 责任单位 ids (as ENTERED_ON and unitIds give them), as two columns and the joins they
 * need, for a read of many projects. SQLite looks each up by its index as it goes; PostgreSQL runs such a
 * subquery per row at a few microseconds each, and groups the two tables once in 20% less of the whole read
 * (22 ms against 27.5 for the 5,000 projects of the bench).
 */
export function enteredAndUnitIds(dialect: Dialect, ids: OnlyProjects): { columns: SqlFragment; joins: SqlFragment } {
  if (dialect === 'sqlite') return { columns: sqlFragment`${ENTERED_ON}, ${unitIds(dialect)}`, joins: sqlFragment`` };
  const joined = joinedIntegers(dialect, sqlFragment`unit_id`, sqlFragment`position, unit_id`);
  return {
    columns: sqlFragment`entered.changed_on, units_of.unit_ids`,
    joins: sqlFragment`LEFT JOIN (SELECT project_id, MIN(changed_on) AS changed_on FROM stage_changes
                                  WHERE from_stage IS NULL ${onlyProjects(dialect, 'project_id', ids)}
                                  GROUP BY project_id) entered ON entered.project_id = p.id
                       LEFT JOIN (SELECT project_id, ${joined} AS unit_ids FROM project_units
                                  WHERE TRUE ${onlyProjects(dialect, 'project_id', ids)}
                                  GROUP BY project_id) units_of ON units_of.project_id = p.id`,
  };
}

/**
 * Each row's level ids, ascending (“1,3”), or NULL: a column and the join it needs, made as 责任单位's are
 * (SQLite looks each up by the (project, level) index as it goes; PostgreSQL groups the table once). In the row's
 * own read, so a search's few rows cost no statement of their own.
 */
export function levelIdsColumn(dialect: Dialect, ids: OnlyProjects): { column: SqlFragment; join: SqlFragment } {
  if (dialect === 'sqlite') {
    // no ORDER BY inside: a sorter per row cost more than the rest of the subquery; levelIdsOf sorts the few ids
    return {
      column: sqlFragment`(SELECT group_concat(level_id) FROM level_memberships lm WHERE lm.project_id = p.id AND lm.left_on IS NULL)`,
      join: sqlFragment``,
    };
  }
  const joined = joinedIntegers(dialect, sqlFragment`level_id`, sqlFragment`level_id`);
  return {
    column: sqlFragment`levels_of.level_ids`,
    join: sqlFragment`LEFT JOIN (SELECT project_id, ${joined} AS level_ids FROM level_memberships
                                 WHERE left_on IS NULL ${onlyProjects(dialect, 'project_id', ids)}
                                 GROUP BY project_id) levels_of ON levels_of.project_id = p.id`,
  };
}

/** Level ids as an ascending list, from the column `levelIdsColumn` reads. */
export function levelIdsOf(joined: string | null): number[] {
  if (joined === null) return [];
  const ids = joined.split(',').map(Number);
  return ids.length > 1 ? ids.sort((a, b) => a - b) : ids;
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

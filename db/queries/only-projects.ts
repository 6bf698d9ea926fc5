import { idsOfJson } from '../dialect';
import { sqlFragment, sqlIdentifier, type Dialect, type SqlFragment } from '../sql';

/** Every project, one project (its page, a save), or a few (a search's matches). */
export type OnlyProjects = number | readonly number[] | undefined;

/** `AND <column> IN (…)` narrowing a read to `only`; a list travels as one bound JSON text, whatever its length. */
export function onlyProjects(dialect: Dialect, column: string, only: OnlyProjects): SqlFragment {
  const [table, name] = column.includes('.') ? column.split('.') : [null, column];
  const target = table ? sqlFragment`${sqlIdentifier(table)}.${sqlIdentifier(name)}` : sqlIdentifier(name);
  if (only === undefined) return sqlFragment``;
  if (typeof only === 'number') return sqlFragment`AND ${target} = ${only}`;
  return sqlFragment`AND ${target} IN (${idsOfJson(dialect, only)})`;
}

import { sqlFragment, type Dialect, type SqlFragment } from './sql';

// The few pieces of SQL the two engines spell differently, each written out for both here so the queries that
// use them stay engine-blind.

/** `SELECT <each id of the list>`: a list of ids travels as one bound JSON text, whatever its length. */
export function idsOfJson(dialect: Dialect, ids: readonly number[]): SqlFragment {
  const json = JSON.stringify(ids);
  return dialect === 'sqlite'
    ? sqlFragment`SELECT value FROM json_each(${json})`
    : sqlFragment`SELECT value::bigint FROM jsonb_array_elements_text(CAST(${json} AS jsonb))`;
}

/** The integers of `column` over a group joined by commas in `orderBy`'s order (“3,7”), NULL for none. */
export function joinedIntegers(dialect: Dialect, column: SqlFragment, orderBy: SqlFragment): SqlFragment {
  return dialect === 'sqlite'
    ? sqlFragment`group_concat(${column}, ',' ORDER BY ${orderBy})`
    : sqlFragment`string_agg(CAST(${column} AS text), ',' ORDER BY ${orderBy})`;
}

/**
 * `<column> LIKE <pattern>` folding ASCII letters only, as SQLite's LIKE does: PostgreSQL's LIKE folds none, and
 * its ILIKE folds by the column's collation, which is "C" here — ASCII only.
 */
export function asciiCaseBlindLike(dialect: Dialect, column: SqlFragment, pattern: string): SqlFragment {
  return dialect === 'sqlite'
    ? sqlFragment`${column} LIKE ${pattern} ESCAPE '\\'`
    : sqlFragment`${column} ILIKE ${pattern} ESCAPE '\\'`;
}

import type { Database, Statement } from 'better-sqlite3';

export type SqlValue = string | number | bigint | null | Buffer;

/** Which database a statement is written out for: the two differ only in how a parameter is marked. */
export type Dialect = 'sqlite' | 'postgres';

// Only the tags below make these, so every piece of SQL text in a query was written in the code: a value is
// always bound as a parameter, and a fragment carries the parameters of its own values wherever it goes. The
// text is kept in pieces around the parameters, so each engine gets its own markers (`?` or `$1`) and never a
// question mark that was part of the SQL itself.
abstract class Pieces {
  private sqliteText: string | undefined;
  constructor(
    /** the SQL text before, between and after the parameters: one more piece than values */
    readonly pieces: readonly string[],
    readonly values: readonly SqlValue[],
  ) {}

  /** the text with SQLite's `?` markers */
  get text(): string {
    return (this.sqliteText ??= this.pieces.join('?'));
  }
}
class Fragment extends Pieces {
  private readonly isFragment = true;
}
class Query extends Pieces {
  private readonly isQuery = true;
}

/** A piece of a statement (a condition, a column list), with the values it binds. */
export type SqlFragment = Fragment;
/** A whole statement, ready to run. */
export type SqlQuery = Query;

function compose(strings: readonly string[], parts: readonly (SqlValue | SqlFragment)[]): Fragment {
  const pieces = [strings[0]];
  const values: SqlValue[] = [];
  parts.forEach((part, index) => {
    if (part instanceof Fragment) {
      // the fragment's first piece joins the current one, its last piece starts the next
      pieces[pieces.length - 1] += part.pieces[0];
      pieces.push(...part.pieces.slice(1));
      values.push(...part.values);
    } else {
      pieces.push('');
      values.push(part);
    }
    pieces[pieces.length - 1] += strings[index + 1];
  });
  return new Fragment(pieces, values);
}

/** `sqlFragment\`p.stage = ${stage}\``: a piece to compose into `sql` or another fragment. */
export function sqlFragment(strings: TemplateStringsArray, ...parts: (SqlValue | SqlFragment)[]): SqlFragment {
  return compose(strings, parts);
}

/** `sql\`SELECT … WHERE id = ${id} ${orderBy}\``: values are bound, fragments are spliced with their values. */
export function sql(strings: TemplateStringsArray, ...parts: (SqlValue | SqlFragment)[]): SqlQuery {
  const { pieces, values } = compose(strings, parts);
  return new Query(pieces, values);
}

/**
 * A fixed script the code carries (a migration's statements, run one after another), as a statement without
 * parameters: only constants written in the code may be passed here, never text from outside.
 */
export function sqlScript(text: string): SqlQuery {
  return new Query([text], []);
}

/** Like `Array.prototype.join` for SQL: values become parameters, fragments keep theirs. */
export function sqlJoin(
  parts: readonly (SqlValue | SqlFragment)[],
  separator: ', ' | ' AND ' | ' OR ' = ', ',
): SqlFragment {
  const separators = parts.length ? ['', ...parts.slice(1).map(() => separator), ''] : [''];
  return compose(separators, parts);
}

/**
 * A table or column name the code chooses from a fixed list (names cannot be bound as parameters). Anything
 * but a plain name is refused, so no text from outside can become SQL this way either.
 */
export function sqlIdentifier(name: string): SqlFragment {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not an SQL name: ${name}`);
  return new Fragment([`"${name}"`], []);
}

/** The statement's text as the engine expects it: `?` for SQLite, `$1`, `$2`, … for PostgreSQL. */
export function sqlText(query: SqlQuery, dialect: Dialect): string {
  if (dialect === 'sqlite') return query.text;
  return query.pieces.reduce((text, piece, index) => `${text}$${index}${piece}`);
}

// Preparing costs more than running most of these statements: each connection keeps its recent ones.
const STATEMENTS_KEPT = 300;
const statements = new WeakMap<Database, Map<string, Statement>>();

// a statement reading arrays is kept apart from one reading objects: raw() is a mode of the statement itself
const RAW_KEY = '\u0000raw ';

function prepared(db: Database, text: string, raw = false): Statement {
  let kept = statements.get(db);
  if (!kept) statements.set(db, (kept = new Map()));
  const key = raw ? RAW_KEY + text : text;
  const statement = kept.get(key);
  if (statement) {
    // most recently used last, so the oldest goes first when the map is full
    kept.delete(key);
    kept.set(key, statement);
    return statement;
  }
  const fresh = raw ? db.prepare(text).raw() : db.prepare(text);
  kept.set(key, fresh);
  if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value as string);
  return fresh;
}

export function all<T>(db: Database, query: SqlQuery): T[] {
  return prepared(db, query.text).all(...query.values) as T[];
}

export function get<T>(db: Database, query: SqlQuery): T | undefined {
  return prepared(db, query.text).get(...query.values) as T | undefined;
}

export function run(db: Database, query: SqlQuery): { changes: number; lastInsertRowid: number } {
  const result = prepared(db, query.text).run(...query.values);
  return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) };
}

/** Rows as arrays of column values, in the SELECT's order: for the few reads of thousands of rows. */
export function allRaw<T extends unknown[]>(db: Database, query: SqlQuery): T[] {
  return prepared(db, query.text, true).all(...query.values) as T[];
}

/** One row as an array of column values, like `allRaw`. */
export function getRaw<T extends unknown[]>(db: Database, query: SqlQuery): T | undefined {
  return prepared(db, query.text, true).get(...query.values) as T | undefined;
}

import type { Database } from 'better-sqlite3';
import { get, sql, type SqlQuery } from './sql';
import type { Store } from './store/store';

// Lines of 变更记录 are written in time order, so their times rise with their ids — except lines written while
// the PC's clock was wrong. Those are listed in audit_late_entries (db/audit-store.ts keeps the list), and the
// times of all other lines never fall as ids rise. So the first line at or after a time is found by a binary
// search over ids: a few dozen index seeks, whatever the size of the log.

/**
 * The search, written once: it yields each statement and is given back the row read. The migrations and the
 * SQLite-file code drive it synchronously over a Database, the app asynchronously over its Store.
 */
function* firstInTimeSearch(ms: number): Generator<SqlQuery, number | null, unknown> {
  // two subqueries: SQLite answers a lone MIN or MAX with one seek, but scans the table for both together
  const bounds =
    (yield sql`SELECT (SELECT MIN(id) FROM audit_entries) AS lo, (SELECT MAX(id) FROM audit_entries) AS hi`) as
      { lo: number | null; hi: number | null } | undefined;
  if (!bounds || bounds.lo === null || bounds.hi === null) return null;
  const probe = (from: number) =>
    sql`SELECT id, at FROM audit_entries e
        WHERE e.id >= ${from} AND NOT EXISTS (SELECT 1 FROM audit_late_entries l WHERE l.id = e.id)
        ORDER BY e.id LIMIT 1`;
  type Line = { id: number; at: number } | undefined;
  let lo = bounds.lo;
  let hi = bounds.hi + 1;
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    const line = (yield probe(mid)) as Line;
    if (!line || line.at >= ms) hi = mid;
    else lo = mid + 1;
  }
  const found = (yield probe(lo)) as Line;
  return found && found.at >= ms ? found.id : null;
}

/** The id of the first line not listed late whose time is at or after `ms`; null when there is none. */
export async function firstInTimeAtOrAfter(store: Store, ms: number): Promise<number | null> {
  const search = firstInTimeSearch(ms);
  for (let step = search.next(); ;) {
    if (step.done) return step.value;
    step = search.next(await store.get(step.value));
  }
}

/** firstInTimeAtOrAfter on a SQLite file, for the code that writes inside a synchronous transaction. */
export function firstInTimeAtOrAfterInFile(db: Database, ms: number): number | null {
  const search = firstInTimeSearch(ms);
  for (let step = search.next(); ;) {
    if (step.done) return step.value;
    step = search.next(get(db, step.value));
  }
}

/** What a date filter of 变更记录 comes to; times are ms since 1970 UTC, `toMs` excluded. */
export interface AuditSpan {
  fromMs: number;
  toMs: number;
  /** the ids of the lines in time that fall in the days, null for none */
  ids: { from: number; to: number } | null;
  /** some lines listed late have ids among `ids`: only their times tell whether they fall in the days */
  lateAmongIds: boolean;
  /** some lines listed late fall in the days too */
  late: boolean;
}

/** Midnight starting an ISO date in the office's local time (what date(at, 'localtime') compared before). */
function localDayStart(isoDate: string, addDays = 0): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(y, m - 1, d + addDays).getTime();
}

/** The lines written on local days `from`…`to` (either may be open), or null when there are none. */
export async function auditSpan(store: Store, from?: string, to?: string): Promise<AuditSpan | null> {
  const fromMs = from ? localDayStart(from) : Number.MIN_SAFE_INTEGER;
  const toMs = to ? localDayStart(to, 1) : Number.MAX_SAFE_INTEGER;
  if (fromMs >= toMs) return null;
  const first = await firstInTimeAtOrAfter(store, fromMs);
  const after = to ? await firstInTimeAtOrAfter(store, toMs) : null;
  const last =
    after !== null
      ? after - 1
      : ((await store.get<{ id: number | null }>(sql`SELECT MAX(id) AS id FROM audit_entries`))?.id ?? null);
  const ids = first !== null && last !== null && first <= last ? { from: first, to: last } : null;
  const late =
    (await store.get(sql`SELECT 1 FROM audit_late_entries WHERE at >= ${fromMs} AND at < ${toMs} LIMIT 1`)) !==
    undefined;
  const lateAmongIds =
    ids !== null &&
    (await store.get(sql`SELECT 1 FROM audit_late_entries WHERE id BETWEEN ${ids.from} AND ${ids.to} LIMIT 1`)) !==
      undefined;
  return ids || late ? { fromMs, toMs, ids, lateAmongIds, late } : null;
}

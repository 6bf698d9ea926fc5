import { AsyncLocalStorage } from 'node:async_hooks';
import { auditSpan } from '../audit-dates';
import { auditLinesOf, type AuditRecord } from '../audit-record';
import { ACTIONS_BY_CODE, KIND_CODES } from '../audit-format';
import { AuditStore } from '../audit-store';
import type { Store } from '../store/store';
import type { AuditKind } from '../model/audit-kinds';
import type { AuditEntry } from '../model/project';
import { MAX_RECORD_ID } from '../model/validation';
import { sql, sqlFragment, sqlJoin, type SqlFragment } from '../sql';
import type { WriteMeta } from './projects-write';

export type { AuditChange, AuditRecord } from '../audit-record';

// A rehearsal is a run that is certain to be rolled back (an import's preview): its history would be thrown away
// with it, and nothing in a run reads the history back, so it is not written at all. It is told by the async
// context, so another request's writes meanwhile keep their history.
const rehearsal = new AsyncLocalStorage<true>();

/** Runs `work`, which the caller rolls back whatever happens, without writing history. */
export async function rehearsing<T>(store: Store, work: () => Promise<T>): Promise<T> {
  return rehearsal.run(true, work);
}

async function addRecord(audit: AuditStore, record: AuditRecord, at: string): Promise<number> {
  const lines = auditLinesOf(record, at);
  for (const line of lines) await audit.add(line);
  return lines.length;
}

export async function writeAudit(store: Store, record: AuditRecord, at = new Date().toISOString()): Promise<void> {
  if (rehearsal.getStore()) return;
  await addRecord(new AuditStore(store), record, at);
}

/**
 * Many records in one transaction, each name and recent text looked up once: for seeding a large history.
 * Each record carries its own ISO time. Returns the lines written.
 */
export async function writeAuditBatch(store: Store, records: Iterable<AuditRecord & { at: string }>): Promise<number> {
  // read once: a transaction PostgreSQL runs again must find the records again
  const all = [...records];
  return store.transaction(
    async () => {
      const audit = new AuditStore(store);
      let written = 0;
      for (const record of all) written += await addRecord(audit, record, record.at);
      return written;
    },
    { idempotent: true },
  );
}

/**
 * A line for what changes no single record: an import, a fill-in read, a backup copied elsewhere, the data
 * moved or restored. The entity says which (变更记录's 导入/备份 kind); the text says what was done.
 */
export async function writeOperationNote(
  store: Store,
  note: { entity: 'import' | 'fillin' | 'backup'; action: 'create' | 'update'; text: string },
  meta: Pick<WriteMeta, 'operator' | 'now'>,
): Promise<void> {
  await writeAudit(
    store,
    {
      operator: meta.operator,
      entity: note.entity,
      entityId: 0,
      action: note.action,
      changes: [{ field: null, oldValue: null, newValue: note.text }],
    },
    meta.now,
  );
}

/** A stored line as the readers select it: the time in ms and the action as its code. */
interface StoredLine extends Omit<AuditEntry, 'fieldLabel' | 'at' | 'action'> {
  at: number;
  action: number;
}

/** Names and texts for the lines `page` selects (aliased `a`), newest first. */
const readable = (page: SqlFragment) => sqlFragment`
  SELECT a.id, a.at, o.name AS operator, n.name AS entity, a.entity_id AS "entityId", a.action,
         f.name AS field, t_old.text AS "oldValue", t_new.text AS "newValue"
  FROM (${page}) a
  JOIN audit_names o ON o.id = a.operator
  JOIN audit_names n ON n.id = a.entity
  LEFT JOIN audit_names f ON f.id = a.field
  LEFT JOIN audit_texts t_old ON t_old.id = a.old_text
  LEFT JOIN audit_texts t_new ON t_new.id = a.new_text`;

function entryOf<T extends StoredLine>(line: T): Omit<T, 'at' | 'action'> & Pick<AuditEntry, 'at' | 'action'> {
  return { ...line, at: new Date(line.at).toISOString(), action: ACTIONS_BY_CODE[line.action] };
}

export async function auditOf(
  store: Store,
  entity: string,
  entityId: number,
): Promise<Omit<AuditEntry, 'fieldLabel'>[]> {
  return (
    await store.all<StoredLine>(
      sql`${readable(sqlFragment`
          SELECT * FROM audit_entries
          WHERE entity = (SELECT id FROM audit_names WHERE name = ${entity}) AND entity_id = ${entityId}`)}
        ORDER BY a.id DESC`,
    )
  ).map(entryOf);
}

export interface AuditFilter {
  projectId?: number;
  operator?: string;
  /** ISO dates, inclusive, in the office's local days */
  from?: string;
  to?: string;
  kind?: AuditKind;
  /** keyset paging: only rows older than this id (rows are listed newest first, by id) */
  before?: number;
  limit: number;
  offset: number;
}

export interface AuditListRow extends Omit<AuditEntry, 'fieldLabel'> {
  projectCode: string | null;
  projectName: string | null;
}

/** Rows counted at most: beyond this the screen says “more than” rather than counting millions on each click. */
export const AUDIT_COUNT_CAP = 10_000;

export interface AuditListPage {
  /** matching rows, counted up to AUDIT_COUNT_CAP */
  total: number;
  /** there are more than `total` */
  totalCapped: boolean;
  rows: AuditListRow[];
  /** the `before` of the page after this one; null when this page reaches the oldest matching row */
  nextBefore: number | null;
}

const NO_ROWS: AuditListPage = { total: 0, totalCapped: false, rows: [], nextBefore: null };

const nameId = async (store: Store, name: string) =>
  (await store.get<{ id: number }>(sql`SELECT id FROM audit_names WHERE name = ${name}`))?.id;

const whereOf = (conditions: readonly SqlFragment[]) =>
  conditions.length
    ? sqlFragment`WHERE ${sqlJoin(
        conditions.map((c) => sqlFragment`(${c})`),
        ' AND ',
      )}`
    : sqlFragment``;

/** The page's lines of audit_entries: straight down one arm's index, or the newest of both arms. */
function pageOf(arms: readonly SqlFragment[][], filter: AuditFilter): SqlFragment {
  const size = filter.limit + 1;
  if (arms.length === 1) {
    return sqlFragment`SELECT * FROM audit_entries a ${whereOf(arms[0])}
                       ORDER BY a.id DESC LIMIT ${size} OFFSET ${filter.offset}`;
  }
  const reach = size + filter.offset;
  const [newer, late] = arms.map(
    (arm) => sqlFragment`SELECT id FROM (SELECT a.id FROM audit_entries a ${whereOf(arm)}
                         ORDER BY a.id DESC LIMIT ${reach}) arm`,
  );
  return sqlFragment`SELECT * FROM audit_entries WHERE id IN (
                       ${newer} UNION ALL ${late} ORDER BY 1 DESC LIMIT ${size} OFFSET ${filter.offset})`;
}

type RawListLine = [
  id: number,
  at: number,
  operator: string,
  entity: string,
  entityId: number,
  action: number,
  field: string | null,
  oldValue: string | null,
  newValue: string | null,
  projectCode: string | null,
  projectName: string | null,
];

// a page is two hundred lines, read as arrays and built once
const listRowOf = (r: RawListLine): AuditListRow => ({
  id: r[0],
  at: new Date(r[1]).toISOString(),
  operator: r[2],
  entity: r[3],
  entityId: r[4],
  action: ACTIONS_BY_CODE[r[5]],
  field: r[6],
  oldValue: r[7],
  newValue: r[8],
  projectCode: r[9],
  projectName: r[10],
});

/**
 * How many lines an arm matches, up to AUDIT_COUNT_CAP + 1. An arm of one condition reads its own index (or the
 * ids), where every line read matches, and on a large log it usually reaches the cap: one step past the cap's
 * worth of lines says so at half the cost of counting them through a subquery, and below the cap they are
 * counted plainly. An arm of several conditions may read many lines that do not match before it has its count,
 * so it is counted in one pass, never read twice.
 */
async function countedUpToCap(store: Store, arm: readonly SqlFragment[]): Promise<number> {
  if (arm.length > 1) {
    return (
      (
        await store.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM (
              SELECT 1 FROM audit_entries a ${whereOf(arm)} ORDER BY a.id DESC LIMIT ${AUDIT_COUNT_CAP + 1}) capped`)
      )?.n ?? 0
    );
  }
  const beyondCap = await store.get(
    sql`SELECT a.id FROM audit_entries a ${whereOf(arm)} ORDER BY a.id DESC LIMIT 1 OFFSET ${AUDIT_COUNT_CAP}`,
  );
  if (beyondCap) return AUDIT_COUNT_CAP + 1;
  return (await store.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM audit_entries a ${whereOf(arm)}`))?.n ?? 0;
}

/**
 * Every filter is one an index serves in id order ((entity, entity_id), operator, kind), and dates become an
 * id range (db/audit-dates.ts) that narrows any of them, so a page reads its rows and no more. Lines written
 * under a wrong clock, if any fall in the dates, are read apart through their own index and merged in.
 */
export async function listAudit(store: Store, filter: AuditFilter): Promise<AuditListPage> {
  const where: SqlFragment[] = [];
  if (filter.projectId !== undefined) {
    const project = await nameId(store, 'project');
    if (project === undefined) return NO_ROWS;
    where.push(sqlFragment`a.entity = ${project} AND a.entity_id = ${filter.projectId}`);
  }
  if (filter.operator) {
    const operator = await nameId(store, filter.operator);
    if (operator === undefined) return NO_ROWS;
    where.push(sqlFragment`a.operator = ${operator}`);
  }
  if (filter.kind) {
    const kind = KIND_CODES[filter.kind];
    // the kind index leaves out 周调度 (code 1); SQLite uses it only when the query repeats its condition. A
    // project's history is short, so with a project the kind is checked on its rows (`+` keeps the index out)
    if (filter.projectId !== undefined) where.push(sqlFragment`+a.kind = ${kind}`);
    else where.push(kind === 1 ? sqlFragment`a.kind = 1` : sqlFragment`a.kind = ${kind} AND a.kind <> 1`);
  }
  // every line is before a `before` past the largest id there can be, which PostgreSQL's integer ids refuse to meet
  if (filter.before !== undefined && filter.before <= MAX_RECORD_ID) where.push(sqlFragment`a.id < ${filter.before}`);
  const arms: SqlFragment[][] = [];
  if (filter.from || filter.to) {
    const span = await auditSpan(store, filter.from, filter.to);
    if (!span) return NO_ROWS;
    const times = sqlFragment`a.at >= ${span.fromMs} AND a.at < ${span.toMs}`;
    const ids = span.ids && sqlFragment`a.id BETWEEN ${span.ids.from} AND ${span.ids.to}`;
    // the lines in time between those ids are exactly the days' own: times are read only where late lines are
    if (ids) arms.push(span.lateAmongIds ? [...where, ids, times] : [...where, ids]);
    if (span.late) {
      arms.push([
        ...where,
        sqlFragment`a.id IN (SELECT id FROM audit_late_entries WHERE at >= ${span.fromMs} AND at < ${span.toMs})`,
        ...(ids ? [sqlFragment`NOT (${ids})`] : []),
      ]);
    }
  } else {
    arms.push(where);
  }
  const fetched = (
    await store.allRaw<RawListLine>(
      sql`SELECT r.id, r.at, r.operator, r.entity, r."entityId", r.action, r.field, r."oldValue", r."newValue", p.code, p.name
        FROM (${readable(pageOf(arms, filter))}) r
        LEFT JOIN projects p ON r.entity = 'project' AND p.id = r."entityId"
        ORDER BY r.id DESC`,
    )
  ).map(listRowOf);
  // a first page that holds every matching line has counted them already
  let counted = fetched.length;
  if (filter.offset !== 0 || fetched.length > filter.limit) {
    counted = 0;
    for (const arm of arms) counted += await countedUpToCap(store, arm);
  }
  const rows = fetched.slice(0, filter.limit);
  return {
    total: Math.min(counted, AUDIT_COUNT_CAP),
    totalCapped: counted > AUDIT_COUNT_CAP,
    rows,
    nextBefore: fetched.length > filter.limit ? rows[rows.length - 1].id : null,
  };
}

/** Everyone who has changed anything: one seek per name down the operator index, not a scan of the log. */
export async function auditOperators(store: Store): Promise<string[]> {
  return (
    await store.all<{ name: string }>(
      sql`WITH RECURSIVE ids(id) AS (
          SELECT MIN(operator) FROM audit_entries
          UNION ALL
          SELECT (SELECT MIN(operator) FROM audit_entries WHERE operator > ids.id)
          FROM ids WHERE ids.id IS NOT NULL
        )
        SELECT n.name FROM ids JOIN audit_names n ON n.id = ids.id ORDER BY n.name`,
    )
  ).map((r) => r.name);
}

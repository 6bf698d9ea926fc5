import type { Database, Statement } from 'better-sqlite3';
import { firstInTimeAtOrAfterInFile } from './audit-dates';
import { ACTION_CODES, KIND_CODES, textHash, type AuditAction } from './audit-format';
import { auditKindOf } from './model/audit-kinds';
import { auditLinesOf, type AuditRecord } from './audit-record';

/** One line of 变更记录 as it is stored: names and texts become ids here. */
export interface AuditLine {
  /** kept when converting old rows; a new line takes the next id */
  id?: number;
  /** ms since 1970 UTC */
  at: number;
  operator: string;
  entity: string;
  entityId: number;
  action: AuditAction;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

interface Statements {
  nameId: Statement<[string], { id: number }>;
  addName: Statement<[string]>;
  textsOfHash: Statement<[number], { id: number; text: string }>;
  addText: Statement<[number, string]>;
  textById: Statement<[number], { text: string }>;
  lastInTimeAt: Statement<[], { at: number }>;
  addEntry: Statement<(number | null)[]>;
  addLate: Statement<[number, number]>;
  demoteFrom: Statement<[number]>;
  newestId: Statement<[], { id: number | null }>;
}

const statements = new WeakMap<Database, Statements>();

function statementsOf(db: Database): Statements {
  const known = statements.get(db);
  if (known) return known;
  const s: Statements = {
    nameId: db.prepare('SELECT id FROM audit_names WHERE name = ?'),
    addName: db.prepare('INSERT INTO audit_names (name) VALUES (?)'),
    textsOfHash: db.prepare('SELECT id, text FROM audit_texts WHERE hash = ?'),
    addText: db.prepare('INSERT INTO audit_texts (hash, text) VALUES (?, ?)'),
    textById: db.prepare('SELECT text FROM audit_texts WHERE id = ?'),
    lastInTimeAt: db.prepare(
      `SELECT at FROM audit_entries e
         WHERE NOT EXISTS (SELECT 1 FROM audit_late_entries l WHERE l.id = e.id) ORDER BY e.id DESC LIMIT 1`,
    ),
    addEntry: db.prepare<(number | null)[]>(
      `INSERT INTO audit_entries (id, at, operator, entity, entity_id, action, field, kind, old_text, new_text)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    addLate: db.prepare('INSERT INTO audit_late_entries (id, at) VALUES (?, ?)'),
    demoteFrom: db.prepare(
      `INSERT INTO audit_late_entries (id, at)
       SELECT id, at FROM audit_entries e
       WHERE e.id >= ? AND NOT EXISTS (SELECT 1 FROM audit_late_entries l WHERE l.id = e.id)`,
    ),
    newestId: db.prepare('SELECT MAX(id) AS id FROM audit_entries'),
  };
  statements.set(db, s);
  return s;
}

/** Texts remembered at most: the repeats that matter (old value = the save before's new value) are recent. */
const TEXT_CACHE_LIMIT = 50_000;

/** Lines written under a clock run ahead that are listed late at most, before the line at hand is instead. */
const LATE_LINES_LIMIT = 100_000;

/**
 * Writes lines of 变更记录, each name and text stored once. What it remembers (ids of names and texts, the
 * latest time) is only true inside the transaction it is used in — a rolled-back savepoint can take a new
 * name's row with it — so a store lives for one write (writeAudit) or one batch in its own transaction, and
 * never longer.
 *
 * This is the synchronous twin of db/audit-store.ts, over a SQLite file: for the migrations, which convert
 * millions of lines at a pace an await per statement would cost, and for the file code that writes its line
 * inside a synchronous transaction (a restore). The two keep the same rules; a change to one goes into both.
 */
export class AuditFileStore {
  private readonly s: Statements;
  private readonly names = new Map<string, number>();
  // the texts seen lately, in two generations: when the newer fills, it becomes the older and the oldest go
  private texts = new Map<string, number>();
  private olderTexts = new Map<string, number>();
  private latest: number | null | undefined;
  /** with `allTexts`: every text's id by its hash (a second id with the same hash goes in `collisions`) */
  private readonly byHash: Map<number, number> | null;
  private readonly collisions = new Map<number, number[]>();

  /**
   * `allTexts`: the store writes every text the table will hold (a migration, starting from none), so it finds
   * them by hash in memory and the hash index can be built once at the end instead of row by row.
   */
  constructor(
    private readonly db: Database,
    options: { allTexts?: boolean } = {},
  ) {
    this.s = statementsOf(db);
    this.byHash = options.allTexts ? new Map() : null;
  }

  nameId(name: string): number {
    let id = this.names.get(name);
    if (id === undefined) {
      id = this.s.nameId.get(name)?.id ?? Number(this.s.addName.run(name).lastInsertRowid);
      this.names.set(name, id);
    }
    return id;
  }

  textId(text: string | null): number | null {
    if (text === null) return null;
    let id = this.texts.get(text);
    if (id !== undefined) return id;
    id = this.olderTexts.get(text);
    if (id === undefined) {
      const hash = textHash(text);
      id = this.storedText(hash, text) ?? this.addText(hash, text);
    }
    if (this.texts.size >= TEXT_CACHE_LIMIT) {
      this.olderTexts = this.texts;
      this.texts = new Map();
    }
    this.texts.set(text, id);
    return id;
  }

  private storedText(hash: number, text: string): number | undefined {
    if (!this.byHash) return this.s.textsOfHash.all(hash).find((row) => row.text === text)?.id;
    const first = this.byHash.get(hash);
    if (first === undefined) return undefined;
    return [first, ...(this.collisions.get(hash) ?? [])].find((id) => this.s.textById.get(id)?.text === text);
  }

  private addText(hash: number, text: string): number {
    const id = Number(this.s.addText.run(hash, text).lastInsertRowid);
    if (this.byHash) {
      if (!this.byHash.has(hash)) this.byHash.set(hash, id);
      else this.collisions.set(hash, [...(this.collisions.get(hash) ?? []), id]);
    }
    return id;
  }

  add(line: AuditLine): number {
    const kind = auditKindOf(line.entity, line.field);
    if (this.latest === undefined) this.latest = this.s.lastInTimeAt.get()?.at ?? null;
    const late = this.latest !== null && line.at < this.latest && !this.listLaterLinesLate(line.at);
    const id = Number(
      this.s.addEntry.run(
        line.id ?? null,
        line.at,
        this.nameId(line.operator),
        this.nameId(line.entity),
        line.entityId,
        ACTION_CODES[line.action],
        line.field === null ? null : this.nameId(line.field),
        kind === null ? null : KIND_CODES[kind],
        this.textId(line.oldValue),
        this.textId(line.newValue),
      ).lastInsertRowid,
    );
    if (late) this.s.addLate.run(id, line.at);
    else this.latest = line.at;
    return id;
  }

  /**
   * A line earlier than one written before it: the clock was wrong, then or now. If the lines written since
   * its time are few (the clock had run ahead for a while), those are listed late and this one is in time;
   * otherwise (the clock is behind now) this one is listed late. Either way the lines not listed keep rising
   * times (db/audit-dates.ts).
   */
  private listLaterLinesLate(at: number): boolean {
    const since = firstInTimeAtOrAfterInFile(this.db, at + 1);
    const newest = this.s.newestId.get()?.id ?? 0;
    if (since === null || newest - since >= LATE_LINES_LIMIT) return false;
    this.s.demoteFrom.run(since);
    return true;
  }
}

/** A record's lines written into a SQLite file, inside the caller's synchronous transaction (a restore). */
export function writeAuditToFile(db: Database, record: AuditRecord, at: string): void {
  const store = new AuditFileStore(db);
  for (const line of auditLinesOf(record, at)) store.add(line);
}

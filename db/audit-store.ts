import { firstInTimeAtOrAfter } from './audit-dates';
import type { AuditLine } from './audit-file-store';
import { ACTION_CODES, KIND_CODES, textHash } from './audit-format';
import { auditKindOf } from './model/audit-kinds';
import { sql, sqlFragment } from './sql';
import type { Store } from './store/store';

export type { AuditLine } from './audit-file-store';

/** Texts remembered at most: the repeats that matter (old value = the save before's new value) are recent. */
const TEXT_CACHE_LIMIT = 50_000;

/** Lines written under a clock run ahead that are listed late at most, before the line at hand is instead. */
const LATE_LINES_LIMIT = 100_000;

/**
 * Writes lines of 变更记录, each name and text stored once. What it remembers (ids of names and texts, the
 * latest time) is only true inside the transaction it is used in — a rolled-back savepoint can take a new
 * name's row with it — so a store lives for one write (writeAudit) or one batch in its own transaction, and
 * never longer. Its synchronous twin over a SQLite file is db/audit-file-store.ts: the same rules.
 */
export class AuditStore {
  private readonly names = new Map<string, number>();
  // the texts seen lately, in two generations: when the newer fills, it becomes the older and the oldest go
  private texts = new Map<string, number>();
  private olderTexts = new Map<string, number>();
  private latest: number | null | undefined;

  constructor(private readonly store: Store) {}

  async nameId(name: string): Promise<number> {
    let id = this.names.get(name);
    if (id === undefined) {
      id =
        (await this.store.get<{ id: number }>(sql`SELECT id FROM audit_names WHERE name = ${name}`))?.id ??
        (await this.store.insert(sql`INSERT INTO audit_names (name) VALUES (${name})`));
      this.names.set(name, id);
    }
    return id;
  }

  async textId(text: string | null): Promise<number | null> {
    if (text === null) return null;
    let id = this.texts.get(text) ?? this.olderTexts.get(text);
    if (id === undefined) {
      const hash = textHash(text);
      const stored = await this.store.all<{ id: number; text: string }>(
        sql`SELECT id, text FROM audit_texts WHERE hash = ${hash}`,
      );
      id =
        stored.find((row) => row.text === text)?.id ??
        (await this.store.insert(sql`INSERT INTO audit_texts (hash, text) VALUES (${hash}, ${text})`));
    }
    if (this.texts.size >= TEXT_CACHE_LIMIT) {
      this.olderTexts = this.texts;
      this.texts = new Map();
    }
    this.texts.set(text, id);
    return id;
  }

  async add(line: AuditLine): Promise<number> {
    const kind = auditKindOf(line.entity, line.field);
    if (this.latest === undefined) {
      const last = await this.store.get<{ at: number }>(
        sql`SELECT at FROM audit_entries e
            WHERE NOT EXISTS (SELECT 1 FROM audit_late_entries l WHERE l.id = e.id) ORDER BY e.id DESC LIMIT 1`,
      );
      this.latest = last?.at ?? null;
    }
    const late = this.latest !== null && line.at < this.latest && !(await this.listLaterLinesLate(line.at));
    const values = sqlFragment`${line.at}, ${await this.nameId(line.operator)}, ${await this.nameId(line.entity)},
      ${line.entityId}, ${ACTION_CODES[line.action]}, ${line.field === null ? null : await this.nameId(line.field)},
      ${kind === null ? null : KIND_CODES[kind]}, ${await this.textId(line.oldValue)},
      ${await this.textId(line.newValue)}`;
    // a new line takes the next id: PostgreSQL's identity column is given none rather than NULL
    const id =
      line.id === undefined
        ? await this.store.insert(
            sql`INSERT INTO audit_entries (at, operator, entity, entity_id, action, field, kind, old_text, new_text)
                VALUES (${values})`,
          )
        : await this.store.insert(
            sql`INSERT INTO audit_entries (id, at, operator, entity, entity_id, action, field, kind, old_text,
                                           new_text)
                VALUES (${line.id}, ${values})`,
          );
    if (late) await this.store.run(sql`INSERT INTO audit_late_entries (id, at) VALUES (${id}, ${line.at})`);
    else this.latest = line.at;
    return id;
  }

  /**
   * A line earlier than one written before it: the clock was wrong, then or now. If the lines written since
   * its time are few (the clock had run ahead for a while), those are listed late and this one is in time;
   * otherwise (the clock is behind now) this one is listed late. Either way the lines not listed keep rising
   * times (db/audit-dates.ts).
   */
  private async listLaterLinesLate(at: number): Promise<boolean> {
    const since = await firstInTimeAtOrAfter(this.store, at + 1);
    const newest = (await this.store.get<{ id: number | null }>(sql`SELECT MAX(id) AS id FROM audit_entries`))?.id ?? 0;
    if (since === null || newest - since >= LATE_LINES_LIMIT) return false;
    await this.store.run(
      sql`INSERT INTO audit_late_entries (id, at)
          SELECT id, at FROM audit_entries e
          WHERE e.id >= ${since} AND NOT EXISTS (SELECT 1 FROM audit_late_entries l WHERE l.id = e.id)`,
    );
    return true;
  }
}

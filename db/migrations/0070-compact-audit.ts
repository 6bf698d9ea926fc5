import type { Database } from 'better-sqlite3';
import { auditMs, type AuditAction } from '../audit-format';
import { AuditFileStore } from '../audit-file-store';
import type { Migration } from './types';

// 变更记录 was most of a five-year file (412 of 769 MB): every row repeated its operator, entity and field as
// text, its time as a 24-character string, and each 周调度 autosave stored the text of the save before it again
// as its old value. Now a row is a handful of small integers:
//   - `at` is ms since 1970 UTC. Times rise with ids, so a date filter becomes an id range found by a binary
//     search (db/audit-dates.ts) and combines with every other index, which are all in id order. Lines
//     written under a wrong clock are listed in audit_late_entries (with their times, indexed), so the search
//     stays exact and a date filter reads those few apart.
//   - operator, entity and field are ids into audit_names, each name stored once; action and kind are fixed
//     codes (db/audit-format.ts). The kind index leaves out 周调度 (most rows, found at once in id order).
//   - old and new values are ids into audit_texts, each distinct text stored once, found by a 32-bit hash
//     and compared in full; an old value is the save before's new value, so it costs only its id.
// The view audit_log reads as the old table did, for anyone looking into the file with an SQLite tool.
// Every row is converted with its id; the step runs in the migrations' one transaction.
const SCHEMA = `
  CREATE TABLE audit_names (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
  ) STRICT;
  CREATE TABLE audit_texts (
    id INTEGER PRIMARY KEY,
    hash INTEGER NOT NULL,
    text TEXT NOT NULL
  ) STRICT;
  CREATE TABLE audit_entries (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    operator INTEGER NOT NULL,
    entity INTEGER NOT NULL,
    entity_id INTEGER NOT NULL,
    action INTEGER NOT NULL CHECK (action IN (0, 1, 2)),
    field INTEGER,
    kind INTEGER,
    old_text INTEGER,
    new_text INTEGER
  ) STRICT;
  CREATE TABLE audit_late_entries (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX audit_late_entries_at ON audit_late_entries(at);
`;

// built after the rows are in: one sorted pass each instead of millions of inserts into a B-tree
const INDEXES = `
  CREATE INDEX audit_texts_hash ON audit_texts(hash);
  CREATE INDEX audit_entries_subject ON audit_entries(entity, entity_id);
  CREATE INDEX audit_entries_operator ON audit_entries(operator);
  CREATE INDEX audit_entries_kind ON audit_entries(kind) WHERE kind <> 1;
  CREATE VIEW audit_log AS
    SELECT e.id,
           strftime('%Y-%m-%dT%H:%M:%fZ', e.at / 1000.0, 'unixepoch') AS at,
           o.name AS operator,
           n.name AS entity,
           e.entity_id,
           CASE e.action WHEN 0 THEN 'create' WHEN 1 THEN 'update' ELSE 'delete' END AS action,
           f.name AS field,
           t_old.text AS old_value,
           t_new.text AS new_value
    FROM audit_entries e
    JOIN audit_names o ON o.id = e.operator
    JOIN audit_names n ON n.id = e.entity
    LEFT JOIN audit_names f ON f.id = e.field
    LEFT JOIN audit_texts t_old ON t_old.id = e.old_text
    LEFT JOIN audit_texts t_new ON t_new.id = e.new_text;
`;

/** id, at, operator, entity, entity_id, action, field, old_value, new_value: read as arrays, which is quicker */
type OldRow = [number, string, string, string, number, AuditAction, string | null, string | null, string | null];

const CHUNK = 20_000;

function convert(db: Database): void {
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  // 64 MB for the step: SQLite sorts an index being built within the page cache before spilling to disk
  db.pragma('cache_size = -65536');
  try {
    convertRows(db);
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
}

function convertRows(db: Database): void {
  db.exec(SCHEMA);
  const store = new AuditFileStore(db, { allTexts: true });
  const chunk = db
    .prepare<[number, number], OldRow>(
      `SELECT id, at, operator, entity, entity_id, action, field, old_value, new_value
       FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`,
    )
    .raw(true);
  let after = Number.MIN_SAFE_INTEGER;
  let previousAt = 0;
  for (;;) {
    const rows = chunk.all(after, CHUNK);
    for (const [id, iso, operator, entity, entityId, action, field, oldValue, newValue] of rows) {
      let at: number;
      try {
        at = auditMs(iso);
      } catch {
        // the app always wrote toISOString(); a time it cannot read takes the line before's, the row stays
        at = previousAt;
      }
      previousAt = at;
      store.add({ id, at, operator, entity, entityId, action, field, oldValue, newValue });
    }
    if (rows.length < CHUNK) break;
    after = rows[rows.length - 1][0];
  }
  db.exec(`
    DROP INDEX audit_log_kind;
    DROP INDEX audit_log_operator;
    DROP INDEX audit_log_entity;
    DROP TABLE audit_log;
  `);
  db.exec(INDEXES);
}

export const compactAudit: Migration = {
  version: 70,
  name: '变更记录紧凑存储',
  up: convert,
  compacts: true,
};

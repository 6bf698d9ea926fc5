import type { Database } from 'better-sqlite3';
import { auditMs } from '../audit-format';
import { AuditFileStore } from '../audit-file-store';
import { LIGHT_CODES, NO_REASONS, STAGE_CODES, weekCode } from '../dispatch-format';
import type { LightLevel } from '../model/lights';
import type { Stage } from '../model/stages';
import type { Migration } from './types';

// 周调度 entries were half of a five-year file (241 of 479 MB): each of 1.2 million rows held its four texts (a
// week copied forward repeats last week's), its reasons as JSON, its week, time and operator as text. Now a row
// is a handful of small integers:
//   - the texts and the reasons' JSON are ids into audit_texts, shared with 变更记录: every text a clerk saves is
//     also a new value in the history, so it is stored once for both. An empty text or '[]' is NULL. Nothing
//     ever deletes from audit_texts, so an id stays good for as long as the row keeps it.
//   - the operator is an id into audit_names; stage and light are fixed codes (db/dispatch-format.ts).
//   - the week is year × 100 + week (2026-W48 → 202648), which sorts as the key did, so both indexes shrink;
//     the time is ms since 1970 UTC.
// The view dispatch_entries reads as the old table did, for anyone looking into the file with an SQLite tool.
// Every row is converted with its id; the step runs in the migrations' one transaction.
const SCHEMA = `
  CREATE TABLE dispatch_rows (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    week INTEGER NOT NULL CHECK (week BETWEEN 0 AND 999959 AND week % 100 <= 59),
    progress_text INTEGER,
    problems_text INTEGER,
    coordination_text INTEGER,
    next_plan_text INTEGER,
    -- 0 while the text is only last week's, copied forward and not yet looked at
    confirmed INTEGER NOT NULL CHECK (confirmed IN (0, 1)),
    -- what the project was when the entry was last saved: the weekly history of stages, lights and money
    stage INTEGER NOT NULL CHECK (stage BETWEEN 0 AND 4),
    light INTEGER NOT NULL CHECK (light IN (0, 1, 2)),
    reasons_text INTEGER,
    year_completed_yuan INTEGER NOT NULL,
    total_investment_yuan INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by INTEGER NOT NULL
  ) STRICT;
`;

// built after the rows are in: one sorted pass each instead of a million inserts into a B-tree
const INDEXES = `
  CREATE UNIQUE INDEX dispatch_rows_project_week ON dispatch_rows(project_id, week);
  CREATE INDEX dispatch_rows_week ON dispatch_rows(week);
  CREATE VIEW dispatch_entries AS
    SELECT e.id,
           e.project_id,
           printf('%04d-W%02d', e.week / 100, e.week % 100) AS week,
           coalesce(t_progress.text, '') AS progress,
           coalesce(t_problems.text, '') AS problems,
           coalesce(t_coordination.text, '') AS coordination,
           coalesce(t_next_plan.text, '') AS next_plan,
           e.confirmed,
           CASE e.stage WHEN 0 THEN 'reserve' WHEN 1 THEN 'preliminary' WHEN 2 THEN 'new_start'
                        WHEN 3 THEN 'continuing' ELSE 'completed' END AS snapshot_stage,
           CASE e.light WHEN 0 THEN 'green' WHEN 1 THEN 'yellow' ELSE 'red' END AS snapshot_light,
           coalesce(t_reasons.text, '[]') AS snapshot_reasons,
           e.year_completed_yuan AS snapshot_year_completed_yuan,
           e.total_investment_yuan AS snapshot_total_investment_yuan,
           strftime('%Y-%m-%dT%H:%M:%fZ', e.updated_at / 1000.0, 'unixepoch') AS updated_at,
           u.name AS updated_by
    FROM dispatch_rows e
    JOIN audit_names u ON u.id = e.updated_by
    LEFT JOIN audit_texts t_progress ON t_progress.id = e.progress_text
    LEFT JOIN audit_texts t_problems ON t_problems.id = e.problems_text
    LEFT JOIN audit_texts t_coordination ON t_coordination.id = e.coordination_text
    LEFT JOIN audit_texts t_next_plan ON t_next_plan.id = e.next_plan_text
    LEFT JOIN audit_texts t_reasons ON t_reasons.id = e.reasons_text;
`;

/** the old table's columns in order, read as arrays, which is quicker */
type OldRow = [
  id: number,
  projectId: number,
  week: string,
  progress: string,
  problems: string,
  coordination: string,
  nextPlan: string,
  confirmed: number,
  stage: string,
  light: string,
  reasons: string,
  yearCompletedYuan: number,
  totalInvestmentYuan: number,
  updatedAt: string,
  updatedBy: string,
];

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
  const store = new AuditFileStore(db);
  const textId = (text: string, none: string) => (text === none ? null : store.textId(text));
  const chunk = db
    .prepare<[number, number], OldRow>(
      `SELECT id, project_id, week, progress, problems, coordination, next_plan, confirmed, snapshot_stage,
              snapshot_light, snapshot_reasons, snapshot_year_completed_yuan, snapshot_total_investment_yuan,
              updated_at, updated_by
       FROM dispatch_entries WHERE id > ? ORDER BY id LIMIT ?`,
    )
    .raw(true);
  const insert = db.prepare<(number | null)[]>(
    `INSERT INTO dispatch_rows (id, project_id, week, progress_text, problems_text, coordination_text,
                                next_plan_text, confirmed, stage, light, reasons_text, year_completed_yuan,
                                total_investment_yuan, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let after = Number.MIN_SAFE_INTEGER;
  let previousAt = 0;
  for (;;) {
    const rows = chunk.all(after, CHUNK);
    for (const [
      id,
      projectId,
      week,
      progress,
      problems,
      coordination,
      nextPlan,
      confirmed,
      stage,
      light,
      reasons,
      yearCompletedYuan,
      totalInvestmentYuan,
      updatedAt,
      updatedBy,
    ] of rows) {
      let at: number;
      try {
        at = auditMs(updatedAt);
      } catch {
        // the app always wrote toISOString(); a time it cannot read takes the row before's, as 0070 did
        at = previousAt;
      }
      previousAt = at;
      insert.run(
        id,
        projectId,
        weekCode(week),
        textId(progress, ''),
        textId(problems, ''),
        textId(coordination, ''),
        textId(nextPlan, ''),
        confirmed,
        // the old columns were checked (stage through projects'): anything else fails the new CHECK and the
        // file is left as it was
        STAGE_CODES[stage as Stage] ?? -1,
        LIGHT_CODES[light as LightLevel] ?? -1,
        textId(reasons, NO_REASONS),
        yearCompletedYuan,
        totalInvestmentYuan,
        at,
        store.nameId(updatedBy),
      );
    }
    if (rows.length < CHUNK) break;
    after = rows[rows.length - 1][0];
  }
  db.exec(`
    DROP INDEX dispatch_entries_week;
    DROP TABLE dispatch_entries;
  `);
  db.exec(INDEXES);
}

export const compactDispatch: Migration = {
  version: 90,
  name: '周调度紧凑存储',
  up: convert,
  compacts: true,
};

import type { Db } from '../db/connection';
import { shiftWeek, weekOf } from '../db/model/weeks';
import { dispatch } from '../electron/contract';
import type { SqliteAppContext } from '../electron/services/app-context';
import { writeAuditBatch, type AuditRecord } from '../db/queries/audit';
import { medianMs, medianMsCapped, reportFigure, type Figure } from './timing';

const CLERKS = ['张晓丽', '李建军', '王芳', '刘洋', '陈静', '赵磊'];
const DISPATCH_FIELDS = ['progress', 'problems', 'coordination', 'nextPlan'];
const PROJECT_FIELDS = ['progressText', 'annualPlanYuan', 'plannedStartDate', 'note', 'stage'];

const PHRASES = ['主体结构施工', '基础开挖', '设备安装调试', '室外配套工程', '钢结构吊装', '装饰装修'];

/** Bytes of 变更记录 in the file, by table and index (SQLite's dbstat). */
export function auditBytes(db: Db): { name: string; bytes: number }[] {
  return db
    .prepare(
      `SELECT name, SUM(pgsize) AS bytes FROM dbstat
       WHERE name LIKE 'audit%' OR name LIKE 'sqlite_autoindex_audit%' GROUP BY name ORDER BY bytes DESC`,
    )
    .all() as { name: string; bytes: number }[];
}

/**
 * Audit rows shaped like the app's own, oldest first, up to `rows` in all: mostly 周调度 saves (field
 * `dispatch:<week>:<field>`), then monthly figures, project edits, problems and nodes, by a handful of clerks.
 * Each save's text is new and its old value the save before's of the same project and field, as in the app;
 * written through the app's own writer (writeAuditBatch).
 */
export async function seedAuditHistory(ctx: SqliteAppContext, today: string, rows: number): Promise<number> {
  const db = ctx.db;
  const ids = (db.prepare('SELECT id FROM projects').all() as { id: number }[]).map((r) => r.id);
  const have = (db.prepare('SELECT COUNT(*) AS n FROM audit_entries').get() as { n: number }).n;
  const toWrite = Math.max(0, rows - have);
  const current = weekOf(today).key;
  const weeks = 261;
  const perWeek = Math.ceil(toWrite / weeks);
  const last = new Map<string, string>();
  function* records() {
    let written = 0;
    for (let back = weeks; back >= 1 && written < toWrite; back--) {
      const week = shiftWeek(current, -back);
      const at = `${week.start}T02:00:00.000Z`;
      for (let i = 0; i < perWeek && written < toWrite; i++, written++) {
        const id = ids[(i * 7 + back) % ids.length];
        const roll = i % 20;
        const field =
          roll < 15
            ? `dispatch:${week.key}:${DISPATCH_FIELDS[i % 4]}`
            : roll < 17
              ? `monthly:${week.start.slice(0, 4)}-${Number(week.start.slice(5, 7))}`
              : roll < 18
                ? PROJECT_FIELDS[i % PROJECT_FIELDS.length]
                : roll < 19
                  ? `problem:WT-${week.start.slice(0, 4)}-${String(i).padStart(4, '0')}`
                  : 'milestone';
        const subject = `${id}:${roll < 15 ? DISPATCH_FIELDS[i % 4] : field}`;
        const text =
          roll < 15
            ? `${week.key}：${PHRASES[(id + back) % PHRASES.length]}第${i % 9}段，完成约${(back * 7 + i) % 100}%，` +
              `本周投入人员${(id % 80) + 20}人、机械${i % 12}台班`
            : `${(id * 31 + back * 7 + i) % 100_000}.${i % 100}`;
        yield {
          at,
          operator: CLERKS[(i + back) % CLERKS.length],
          entity: 'project',
          entityId: id,
          action: 'update' as const,
          changes: [{ field, oldValue: last.get(subject) ?? null, newValue: text }],
        };
        last.set(subject, text);
      }
    }
  }
  // in batches, each its own transaction: writeAuditBatch holds its records in memory
  const source = records();
  let written = 0;
  for (;;) {
    const batch: (AuditRecord & { at: string })[] = [];
    for (let next = source.next(); !next.done; next = source.next()) {
      batch.push(next.value);
      if (batch.length === AUDIT_BATCH) break;
    }
    if (!batch.length) return have + written;
    written += await writeAuditBatch(ctx.store, batch);
  }
}

const AUDIT_BATCH = 100_000;

export interface AuditFilterCase {
  label: string;
  input: Record<string, unknown>;
  baselineLabel: string;
  bare: () => unknown;
}

/** The pages 变更记录 shows most: the first, one project, two kinds, one clerk, one month. */
export function auditCases(db: Db, projectId: number): AuditFilterCase[] {
  const nameId = (name: string) =>
    (db.prepare('SELECT id FROM audit_names WHERE name = ?').get(name) as { id: number } | undefined)?.id ?? 0;
  // the page's rows read straight from the tables: the line, its names and its texts
  const bare = (where: string) =>
    db.prepare(
      `SELECT e.id, e.at, o.name, n.name, e.entity_id, e.action, f.name, t_old.text, t_new.text
       FROM audit_entries e JOIN audit_names o ON o.id = e.operator JOIN audit_names n ON n.id = e.entity
       LEFT JOIN audit_names f ON f.id = e.field
       LEFT JOIN audit_texts t_old ON t_old.id = e.old_text LEFT JOIN audit_texts t_new ON t_new.id = e.new_text
       WHERE ${where} ORDER BY e.id DESC LIMIT 201`,
    );
  // a clerk and a month from the middle of the history, so both filters have pages to show
  const middle = db
    .prepare('SELECT operator, at FROM audit_log WHERE id >= (SELECT MAX(id) / 2 FROM audit_entries) LIMIT 1')
    .get() as { operator: string; at: string };
  const clerk = middle.operator;
  const month = middle.at.slice(0, 7);
  const from = `${month}-01`;
  const to = `${month}-28`;
  const [year, monthNumber] = month.split('-').map(Number);
  // the month's ids, found once here; audit.list finds them on each call
  const span = db
    .prepare('SELECT MIN(id) AS lo, MAX(id) AS hi FROM audit_entries WHERE at >= ? AND at < ?')
    .get(new Date(year, monthNumber - 1, 1).getTime(), new Date(year, monthNumber - 1, 29).getTime()) as {
    lo: number;
    hi: number;
  };
  const first = bare('1');
  const project = bare('e.entity = ? AND e.entity_id = ?');
  const kind = bare('e.kind = ?');
  const problems = bare('e.kind = ? AND e.kind <> 1');
  const operator = bare('e.operator = ?');
  const range = bare('e.id BETWEEN ? AND ?');
  return [
    {
      label: 'first page of 200',
      input: {},
      baselineLabel: 'bare … ORDER BY id DESC LIMIT 201',
      bare: () => first.all(),
    },
    {
      label: 'one project',
      input: { projectId },
      baselineLabel: 'bare … entity, entity_id = ? LIMIT',
      bare: () => project.all(nameId('project'), projectId),
    },
    {
      label: 'kind = 周调度',
      input: { kind: 'dispatch' },
      baselineLabel: 'bare … kind = 1 LIMIT',
      bare: () => kind.all(1),
    },
    {
      label: 'kind = 问题',
      input: { kind: 'problem' },
      baselineLabel: 'bare … kind = 3 (its index) LIMIT',
      bare: () => problems.all(3),
    },
    {
      label: 'one clerk',
      input: { operator: clerk },
      baselineLabel: `bare … operator = '${clerk}' LIMIT`,
      bare: () => operator.all(nameId(clerk)),
    },
    {
      label: 'one month (dates)',
      input: { from, to },
      baselineLabel: `bare … ids of ${month} (known) LIMIT`,
      bare: () => range.all(span.lo ?? 0, span.hi ?? 0),
    },
  ];
}

/** The pages of 变更记录; `all` adds one clerk and one month. Prints the history's bytes in the file. */
export async function benchAudit(ctx: SqliteAppContext, projectId: number, all = false): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const filter of auditCases(ctx.db, projectId).slice(0, all ? undefined : 4)) {
    const ms = await medianMsCapped(7, () => dispatch(ctx, 'audit.list', filter.input));
    const baselineMs = await medianMs(7, filter.bare);
    figures.push(
      reportFigure({ label: `audit.list, ${filter.label}`, ms, baselineLabel: filter.baselineLabel, baselineMs }),
    );
  }
  const bytes = auditBytes(ctx.db);
  const total = bytes.reduce((sum, b) => sum + b.bytes, 0);
  console.log(
    `变更记录 in the file: ${(total / 1048576).toFixed(1)} MB (` +
      bytes.map((b) => `${b.name} ${(b.bytes / 1048576).toFixed(1)}`).join(', ') +
      ')',
  );
  return figures;
}

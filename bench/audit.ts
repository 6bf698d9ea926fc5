import type { Db } from '../db/connection';
import { shiftWeek, weekOf } from '../db/model/weeks';
import { dispatch } from '../electron/contract';
import type { AppContext } from '../electron/services/app-context';
import { writeAuditBatch } from '../db/queries/audit';
import { medianMs, report } from './timing';

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
export function seedAuditHistory(db: Db, today: string, rows: number): number {
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
  return have + writeAuditBatch(db, records());
}

export async function benchAudit(ctx: AppContext, projectId: number): Promise<void> {
  const db = ctx.db;
  const nameId = (name: string) =>
    (db.prepare('SELECT id FROM audit_names WHERE name = ?').get(name) as { id: number } | undefined)?.id ?? 0;
  // the page's rows read straight from the tables: the line, its names and its texts
  const bare = (where: string) =>
    db.prepare(
      `SELECT e.id, e.at, o.name, n.name, e.entity_id, e.action, f.name, t_old.text, t_new.text
       FROM audit_entries e JOIN audit_names o ON o.id = e.operator JOIN audit_names n ON n.id = e.entity
       LEFT JOIN audit_names f ON f.id = e.field
       LEFT JOIN audit_texts t_old ON t_old.id = e.old_text LEFT JOIN audit_texts t_new ON t_new.id = e.new_text
       WHERE ${where} ORDER BY e.id DESC LIMIT 200`,
    );
  const operator = CLERKS[2];
  const from = '2024-03-01';
  const to = '2024-03-31';
  // the date range's ids, found once here; audit.list finds them on each call
  const span = db
    .prepare('SELECT MIN(id) AS lo, MAX(id) AS hi FROM audit_entries WHERE at >= ? AND at < ?')
    .get(new Date(2024, 2, 1).getTime(), new Date(2024, 3, 1).getTime()) as { lo: number; hi: number };
  const figures: [string, object, string, () => unknown][] = [
    ['audit.list, first page of 200', {}, 'bare SELECT … ORDER BY id DESC LIMIT', () => bare('1').all()],
    [
      'audit.list, one project',
      { projectId },
      'bare SELECT … entity, entity_id = ? LIMIT',
      () => bare('e.entity = ? AND e.entity_id = ?').all(nameId('project'), projectId),
    ],
    ['audit.list, kind = 周调度', { kind: 'dispatch' }, 'bare SELECT … kind = 1 LIMIT', () => bare('e.kind = 1').all()],
    [
      'audit.list, kind = 问题',
      { kind: 'problem' },
      'bare SELECT … kind = 3 (its index) LIMIT',
      () => bare('e.kind = 3 AND e.kind <> 1').all(),
    ],
    [
      `audit.list, operator = ${operator}`,
      { operator },
      'bare SELECT … operator = ? LIMIT',
      () => bare('e.operator = ?').all(nameId(operator)),
    ],
    [
      `audit.list, ${from} … ${to}`,
      { from, to },
      'bare SELECT … id BETWEEN (known) LIMIT',
      () => bare('e.id BETWEEN ? AND ?').all(span.lo, span.hi),
    ],
  ];
  for (const [label, input, bareLabel, bareWork] of figures) {
    const ms = await medianMs(7, () => dispatch(ctx, 'audit.list', input));
    report(label, ms, bareLabel, await medianMs(7, bareWork));
  }
  const bytes = auditBytes(db);
  const total = bytes.reduce((sum, b) => sum + b.bytes, 0);
  console.log(
    `变更记录 in the file: ${(total / 1048576).toFixed(1)} MB (` +
      bytes.map((b) => `${b.name} ${(b.bytes / 1048576).toFixed(1)}`).join(', ') +
      ')',
  );
}

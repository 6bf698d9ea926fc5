import type { Db } from '../db/connection';
import { shiftWeek, weekOf } from '../db/model/weeks';
import { dispatch } from '../electron/contract';
import type { AppContext } from '../electron/services/app-context';
import { inTransaction } from '../db/transaction';
import { medianMs, medianMsCapped, reportFigure, type Figure } from './timing';

const CLERKS = ['张晓丽', '李建军', '王芳', '刘洋', '陈静', '赵磊'];
const DISPATCH_FIELDS = ['progress', 'problems', 'coordination', 'nextPlan'];
const PROJECT_FIELDS = ['progressText', 'annualPlanYuan', 'plannedStartDate', 'note', 'stage'];

/**
 * Audit rows shaped like the app's own, oldest first, up to `rows` in all: mostly 周调度 saves (field
 * `dispatch:<week>:<field>`), then monthly figures, project edits, problems and nodes, by a handful of clerks.
 */
export function seedAuditHistory(db: Db, today: string, rows: number): number {
  const ids = (db.prepare('SELECT id FROM projects').all() as { id: number }[]).map((r) => r.id);
  const have = (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
  const insert = db.prepare(
    `INSERT INTO audit_log (at, operator, entity, entity_id, action, field, old_value, new_value)
     VALUES (?, ?, 'project', ?, 'update', ?, ?, ?)`,
  );
  const toWrite = Math.max(0, rows - have);
  const current = weekOf(today).key;
  const weeks = 261;
  const perWeek = Math.ceil(toWrite / weeks);
  let written = 0;
  inTransaction(db, () => {
    for (let back = weeks; back >= 1 && written < toWrite; back--) {
      const week = shiftWeek(current, -back);
      const at = `${week.start}T02:00:00.000Z`;
      for (let i = 0; i < perWeek && written < toWrite; i++, written++) {
        const id = ids[(i * 7 + back) % ids.length];
        const clerk = CLERKS[(i + back) % CLERKS.length];
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
        insert.run(
          at,
          clerk,
          id,
          field,
          `第${back + 1}周前：主体结构施工`,
          `第${back}周前：主体结构施工，完成约${back}%`,
        );
      }
    }
  });
  return have + written;
}

export interface AuditFilterCase {
  label: string;
  input: Record<string, unknown>;
  baselineLabel: string;
  bare: () => unknown;
}

/** The pages 变更记录 shows most: the first, one project, two kinds, one clerk, one month. */
export function auditCases(db: Db, projectId: number): AuditFilterCase[] {
  const page = 'ORDER BY id DESC LIMIT 201';
  const first = db.prepare(`SELECT * FROM audit_log ${page}`);
  const project = db.prepare(`SELECT * FROM audit_log WHERE entity = 'project' AND entity_id = ? ${page}`);
  const kind = db.prepare(`SELECT * FROM audit_log WHERE kind = ? ${page}`);
  const operator = db.prepare(`SELECT * FROM audit_log WHERE operator = ? ${page}`);
  const range = db.prepare(`SELECT * FROM audit_log WHERE at >= ? AND at < ? ${page}`);
  // a clerk and a month from the middle of the history, so both filters have pages to show
  const middle = db
    .prepare('SELECT operator, at FROM audit_log WHERE id >= (SELECT MAX(id) / 2 FROM audit_log) LIMIT 1')
    .get() as {
    operator: string;
    at: string;
  };
  const clerk = middle.operator;
  const month = middle.at.slice(0, 7);
  const from = `${month}-01`;
  const to = `${month}-28`;
  return [
    { label: 'first page of 200', input: {}, baselineLabel: `bare SELECT … ${page}`, bare: () => first.all() },
    {
      label: 'one project',
      input: { projectId },
      baselineLabel: 'bare … entity_id = ? LIMIT',
      bare: () => project.all(projectId),
    },
    {
      label: 'kind = 周调度',
      input: { kind: 'dispatch' },
      baselineLabel: 'bare … kind = ? LIMIT',
      bare: () => kind.all('dispatch'),
    },
    {
      label: 'kind = 问题',
      input: { kind: 'problem' },
      baselineLabel: 'bare … kind = ? LIMIT',
      bare: () => kind.all('problem'),
    },
    {
      label: 'one clerk',
      input: { operator: clerk },
      baselineLabel: `bare … operator = '${clerk}' LIMIT`,
      bare: () => operator.all(clerk),
    },
    {
      label: 'one month (dates)',
      input: { from, to },
      baselineLabel: `bare … at in ${month} LIMIT`,
      bare: () => range.all(`${from}T00:00`, `${to}T24:00`),
    },
  ];
}

/** The pages of 变更记录; `all` adds one clerk and one month (a month's page can take seconds on millions of rows). */
export async function benchAudit(ctx: AppContext, projectId: number, all = false): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const filter of auditCases(ctx.db, projectId).slice(0, all ? undefined : 4)) {
    const ms = await medianMsCapped(7, () => dispatch(ctx, 'audit.list', filter.input));
    const baselineMs = await medianMs(7, filter.bare);
    figures.push(
      reportFigure({ label: `audit.list, ${filter.label}`, ms, baselineLabel: filter.baselineLabel, baselineMs }),
    );
  }
  return figures;
}

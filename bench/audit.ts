import type { Db } from '../db/connection';
import { shiftWeek, weekOf } from '../db/model/weeks';
import { dispatch } from '../electron/contract';
import type { AppContext } from '../electron/services/app-context';
import { inTransaction } from '../db/transaction';
import { medianMs, report } from './timing';

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

export async function benchAudit(ctx: AppContext, projectId: number): Promise<void> {
  const barePage = ctx.db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT 200');
  const bareProject = ctx.db.prepare(
    "SELECT * FROM audit_log WHERE entity = 'project' AND entity_id = ? ORDER BY id DESC LIMIT 200",
  );
  const bareKind = ctx.db.prepare(
    "SELECT * FROM audit_log WHERE entity = 'project' AND field LIKE 'dispatch:%' ORDER BY id DESC LIMIT 200",
  );
  const first = await medianMs(7, () => dispatch(ctx, 'audit.list', {}));
  const one = await medianMs(7, () => dispatch(ctx, 'audit.list', { projectId }));
  const kind = await medianMs(7, () => dispatch(ctx, 'audit.list', { kind: 'dispatch' }));
  const problemKind = await medianMs(7, () => dispatch(ctx, 'audit.list', { kind: 'problem' }));
  report(
    'audit.list, first page of 200',
    first,
    'bare SELECT … ORDER BY id DESC LIMIT',
    await medianMs(7, () => barePage.all()),
  );
  report(
    'audit.list, one project',
    one,
    'bare SELECT … entity_id = ? LIMIT',
    await medianMs(7, () => bareProject.all(projectId)),
  );
  const bareKindMs = await medianMs(7, () => bareKind.all());
  report('audit.list, kind = 周调度', kind, "bare SELECT … LIKE 'dispatch:%' LIMIT", bareKindMs);
  report('audit.list, kind = 问题', problemKind, "bare SELECT … LIKE 'dispatch:%' LIMIT", bareKindMs);
}

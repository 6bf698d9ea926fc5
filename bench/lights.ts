import { addDays, format } from 'date-fns';
import type { Db } from '../db/connection';
import { listProjects } from '../db/queries/projects-read';
import type { SqliteAppContext } from '../electron/services/app-context';
import { withLights } from '../electron/services/project-lights';
import { medianMs, report } from './timing';
import { inTransaction } from '../db/transaction';

export type NodeShape = 'spread' | 'all-this-year';

/**
 * `spread`: a project's nodes every two months from early 2025 on, those already past mostly done and one
 * in ten still open (late). `all-this-year`: every node in 2026 and two in three open: nearly all late,
 * the worst case for the lights.
 */
export function seedMilestones(db: Db, perProject: number, shape: NodeShape): void {
  db.prepare('DELETE FROM milestones').run();
  const ids = (db.prepare('SELECT id FROM projects').all() as { id: number }[]).map((r) => r.id);
  const insert = db.prepare(
    'INSERT INTO milestones (project_id, name, planned_date, actual_date, sort_order) VALUES (?, ?, ?, ?, ?)',
  );
  const today = '2026-11-28';
  inTransaction(db, () => {
    for (const id of ids) {
      for (let n = 0; n < perProject; n++) {
        const planned =
          shape === 'spread'
            ? format(addDays(new Date(2025, 0, 15), n * 60 + (id % 30)), 'yyyy-MM-dd')
            : `2026-${String((n % 12) + 1).padStart(2, '0')}-${String((id % 27) + 1).padStart(2, '0')}`;
        const done = shape === 'spread' ? planned < today && (id + n) % 10 !== 0 : n % 3 === 0;
        insert.run(id, `节点${n + 1}`, planned, done ? planned : null, n + 1);
      }
    }
  });
}

/**
 * Issue #17's inputs to the lights: 10 前期手续 items a project, every 10th item still open past its 计划办结 and every
 * 10th due next month, the rest done; and one open 领导批示 on every 10th project, past its 办理时限.
 */
export function seedApprovalsAndInstructions(db: Db): void {
  db.prepare('DELETE FROM approval_items').run();
  db.prepare('DELETE FROM leader_instructions').run();
  const ids = (db.prepare('SELECT id FROM projects').all() as { id: number }[]).map((r) => r.id);
  const item = db.prepare(
    `INSERT INTO approval_items (project_id, name, planned_date, actual_date, status, sort_order)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const instruction = db.prepare(
    `INSERT INTO leader_instructions (project_id, issued_on, leader_name, content, deadline, created_at, updated_at)
     VALUES (?, '2026-10-08', '市领导甲', '请加快办理施工许可', '2026-11-08', '2026-10-08', '2026-10-08')`,
  );
  inTransaction(db, () => {
    for (const id of ids) {
      for (let n = 0; n < 10; n++) {
        const shape = (id + n) % 10;
        const planned = shape === 1 ? '2026-12-20' : `2026-${String((n % 10) + 1).padStart(2, '0')}-15`;
        const done = shape !== 0 && shape !== 1;
        item.run(id, `手续${n + 1}`, planned, done ? planned : null, done ? 'done' : 'in_progress', n + 1);
      }
      if (id % 10 === 0) instruction.run(id);
    }
  });
}

export async function benchLights(ctx: SqliteAppContext, label: string): Promise<void> {
  const db = ctx.db;
  const rows = await listProjects(ctx.store, 2026);
  const bareProjects = db.prepare('SELECT * FROM projects');
  const bareNodes = db.prepare('SELECT project_id, name, planned_date FROM milestones WHERE actual_date IS NULL');
  // issue #17: open 前期手续 items and open 批示 light the project too (empty tables unless seeded)
  const bareItems = db.prepare(
    `SELECT project_id, name, planned_date FROM approval_items WHERE status IN ('not_started', 'in_progress')`,
  );
  const bareInstructions = db.prepare(`SELECT * FROM leader_instructions WHERE status = 'open'`);
  const bare = await medianMs(15, () => [bareProjects.all(), bareNodes.all(), bareItems.all(), bareInstructions.all()]);
  const lights = await medianMs(15, () => withLights(ctx.store, rows, 2026, '2026-11-28'));
  report(`lights, 5,000 × 20 nodes, ${label}`, lights, 'bare SELECT projects + open nodes, 手续, 批示', bare);
}

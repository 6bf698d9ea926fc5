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

export async function benchLights(ctx: SqliteAppContext, label: string): Promise<void> {
  const db = ctx.db;
  const rows = await listProjects(ctx.store, 2026);
  const bareProjects = db.prepare('SELECT * FROM projects');
  const bareNodes = db.prepare('SELECT project_id, name, planned_date FROM milestones WHERE actual_date IS NULL');
  const bare = await medianMs(15, () => [bareProjects.all(), bareNodes.all()]);
  const lights = await medianMs(15, () => withLights(ctx.store, rows, 2026, '2026-11-28'));
  report(`lights, 5,000 × 20 nodes, ${label}`, lights, 'bare SELECT projects + open nodes', bare);
}

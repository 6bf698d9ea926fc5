import type { Db } from '../db/connection';
import { listProjects } from '../db/queries/projects-read';
import { withLights } from '../electron/services/project-lights';
import { medianMs, report } from './timing';

/** 20 nodes per project, some done, some late, some due soon. */
export function seedMilestones(db: Db, perProject: number): void {
  const ids = (db.prepare('SELECT id FROM projects').all() as { id: number }[]).map((r) => r.id);
  const insert = db.prepare(
    'INSERT INTO milestones (project_id, name, planned_date, actual_date, sort_order) VALUES (?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const id of ids) {
      for (let n = 0; n < perProject; n++) {
        const month = String((n % 12) + 1).padStart(2, '0');
        const planned = `2026-${month}-${String((id % 27) + 1).padStart(2, '0')}`;
        insert.run(id, `节点${n + 1}`, planned, n % 3 === 0 ? planned : null, n + 1);
      }
    }
  })();
}

export async function benchLights(db: Db): Promise<void> {
  const rows = listProjects(db, 2026);
  const bareNodes = db.prepare('SELECT project_id, name, planned_date FROM milestones WHERE actual_date IS NULL');
  const bareProjects = db.prepare('SELECT * FROM projects');
  const bare = await medianMs(15, () => bareNodes.all());
  const bareBoth = await medianMs(15, () => [bareProjects.all(), bareNodes.all()]);
  const lights = await medianMs(15, () => withLights(db, rows, 2026, '2026-11-28'));
  report('lights for 5,000 projects × 20 nodes', lights, 'bare SELECT of all open nodes', bare);
  report('lights for 5,000 projects × 20 nodes', lights, 'bare SELECT of projects + open nodes', bareBoth);
}

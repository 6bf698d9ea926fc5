import type { Db } from '../db/connection';
import { weekCode } from '../db/dispatch-format';
import { dispatch } from '../electron/contract';
import type { SqliteAppContext } from '../electron/services/app-context';
import { BARE_ENTRIES } from './dispatch';
import { medianMs, reportFigure, type Figure } from './timing';

const WEEK = '2026-W48';

async function call(ctx: SqliteAppContext, method: string, input: unknown): Promise<void> {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw new Error(`${method} refused: ${result.error.message}`);
}

export interface SingleItemFigures {
  get: number;
  save: number;
  problem: number;
}

/** One project read, one weekly entry saved, one problem registered: each should cost the same at any size. */
export async function measureSingleItems(ctx: SqliteAppContext, runs = 15): Promise<SingleItemFigures> {
  const ids = (
    ctx.db.prepare('SELECT id FROM projects WHERE stage <> ? ORDER BY id').all('completed') as {
      id: number;
    }[]
  ).map((r) => r.id);
  const pick = (n: number) => ids[(n * 97) % ids.length];
  let n = 0;
  const get = await medianMs(runs, () => call(ctx, 'projects.get', { id: pick(n++) }));
  const save = await medianMs(runs, () =>
    call(ctx, 'dispatch.saveEntry', { projectId: pick(n), week: WEEK, progress: `本周完成主体施工第${n++}层` }),
  );
  const problem = await medianMs(runs, () =>
    call(ctx, 'problems.create', {
      projectId: pick(n++),
      description: '施工用电未接通，需供电公司协调',
      category: 'utilities',
      deadline: '2026-12-31',
    }),
  );
  return { get, save, problem };
}

function bareOf(db: Db) {
  const project = db.prepare('SELECT * FROM projects WHERE id = ?');
  const months = db.prepare('SELECT * FROM monthly_investments WHERE project_id = ? AND year = 2026');
  const nodes = db.prepare('SELECT * FROM milestones WHERE project_id = ?');
  const entry = db.prepare(`${BARE_ENTRIES} WHERE e.project_id = ? AND e.week = ?`);
  // a saved text is looked up by its hash (and stored if new) before the row takes its id
  const text = db.prepare('SELECT id, text FROM audit_texts WHERE hash = ?');
  const touch = db.prepare('UPDATE dispatch_rows SET progress_text = ? WHERE project_id = ? AND week = ?');
  const audit = db.prepare(
    `INSERT INTO audit_entries (at, operator, entity, entity_id, action, field, kind, old_text, new_text)
     VALUES (1764295200000, 1, 1, ?, 1, NULL, 0, NULL, NULL)`,
  );
  const read = (id: number) => [project.get(id), months.all(id), nodes.all(id)];
  return { read, entry, text, touch, audit };
}

export async function benchSingleItems(ctx: SqliteAppContext): Promise<{ get: Figure; save: Figure; problem: Figure }> {
  const figures = await measureSingleItems(ctx);
  const bare = bareOf(ctx.db);
  const id = (ctx.db.prepare('SELECT MAX(id) AS id FROM projects').get() as { id: number }).id;
  const bareRead = await medianMs(15, () => bare.read(id));
  const bareSave = await medianMs(15, () => {
    bare.read(id);
    bare.entry.get(id, weekCode(WEEK));
    bare.text.all(1);
    bare.touch.run(1, id, weekCode(WEEK));
    bare.audit.run(id);
  });
  const bareCreate = await medianMs(15, () => [bare.read(id), bare.audit.run(id)]);
  return {
    get: reportFigure({
      label: 'projects.get, one project',
      ms: figures.get,
      baselineLabel: 'bare SELECT project + months + nodes',
      baselineMs: bareRead,
    }),
    save: reportFigure({
      label: 'dispatch.saveEntry, one entry',
      ms: figures.save,
      baselineLabel: 'bare read + entry + UPDATE + audit',
      baselineMs: bareSave,
    }),
    problem: reportFigure({
      label: 'problems.create, one problem',
      ms: figures.problem,
      baselineLabel: 'bare read + one INSERT',
      baselineMs: bareCreate,
    }),
  };
}

export function printGrowthRow(size: number, figures: SingleItemFigures): void {
  console.log(
    `${size.toLocaleString('en-US').padStart(8)} projects ${figures.get.toFixed(1).padStart(10)} ms ${figures.save
      .toFixed(1)
      .padStart(12)} ms ${figures.problem.toFixed(1).padStart(12)} ms`,
  );
}

export function printGrowthHeader(): void {
  console.log(
    `${''.padStart(17)} ${'projects.get'.padStart(13)} ${'saveEntry'.padStart(15)} ${'problems.create'.padStart(15)}`,
  );
}

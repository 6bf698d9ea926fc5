import { sql } from '../sql';
import type { Store } from '../store/store';
import { onlyProjects } from './only-projects';

// What a unit's page reads of its projects beyond a week's rows: a year's monthly figures and 形象进度.

/** The projects' reported months of one year, as project → 12 figures in yuan (null where nothing is reported). */
export async function monthlyFiguresOfProjects(
  store: Store,
  projectIds: readonly number[],
  year: number,
): Promise<Map<number, (number | null)[]>> {
  const byProject = new Map<number, (number | null)[]>();
  if (!projectIds.length) return byProject;
  const rows = await store.allRaw<[projectId: number, month: number, amountYuan: number]>(
    sql`SELECT project_id, month, amount_yuan FROM monthly_investments
        WHERE year = ${year} ${onlyProjects(store.dialect, 'project_id', projectIds)}`,
  );
  for (const [projectId, month, amountYuan] of rows) {
    const months = byProject.get(projectId) ?? new Array<number | null>(12).fill(null);
    months[month - 1] = amountYuan;
    byProject.set(projectId, months);
  }
  return byProject;
}

/** Each project's 形象进度. */
export async function progressTextsOf(store: Store, projectIds: readonly number[]): Promise<Map<number, string>> {
  if (!projectIds.length) return new Map();
  const rows = await store.allRaw<[id: number, text: string]>(
    sql`SELECT p.id, p.progress_text FROM projects p WHERE TRUE ${onlyProjects(store.dialect, 'p.id', projectIds)}`,
  );
  return new Map(rows);
}

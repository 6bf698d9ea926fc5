import { sql, sqlJoin } from '../sql';
import type { Store } from '../store/store';

// The names a live notice shows (“张三 更新了 项目X 的本周进展”), in the order of the ids asked for; a record
// deleted meanwhile is named ''.

export async function projectNamesOf(store: Store, projectIds: readonly number[]): Promise<string[]> {
  if (!projectIds.length) return [];
  const rows = await store.all<{ id: number; name: string }>(
    sql`SELECT id, name FROM projects WHERE id IN (${sqlJoin([...new Set(projectIds)])}) ORDER BY id`,
  );
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return projectIds.map((id) => names.get(id) ?? '');
}

/** Each problem named by its project. */
export async function problemProjectNamesOf(store: Store, problemIds: readonly number[]): Promise<string[]> {
  if (!problemIds.length) return [];
  const rows = await store.all<{ id: number; name: string }>(
    sql`SELECT q.id, p.name FROM problems q JOIN projects p ON p.id = q.project_id
        WHERE q.id IN (${sqlJoin([...new Set(problemIds)])}) ORDER BY q.id`,
  );
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return problemIds.map((id) => names.get(id) ?? '');
}

import type { Store } from '../store/store';
import { pickProjectFields, type MonthlyInvestment, type ProjectFields } from '../model/project';
import { sql, sqlIdentifier, sqlJoin, type SqlValue } from '../sql';
import { COLUMN_FIELDS, COLUMNS } from './project-columns';

/** A project as an edit starts from: its stored fields, the plan year's monthly figures and their sum. */
export interface StoredProject extends ProjectFields {
  id: number;
  monthly: MonthlyInvestment[];
  yearCompletedYuan: number;
}

function groupBy<T extends { projectId: number }>(rows: T[]): Map<number, Omit<T, 'projectId'>[]> {
  const byProject = new Map<number, Omit<T, 'projectId'>[]>();
  for (const { projectId, ...rest } of rows) {
    const list = byProject.get(projectId);
    if (list) list.push(rest);
    else byProject.set(projectId, [rest]);
  }
  return byProject;
}

/**
 * Every project with the fields an edit compares, in four queries: what an import diffs its rows against,
 * rather than one read per row (and none of what only the screens show: names, lights, stage history).
 */
export async function storedProjects(store: Store, planYear: number): Promise<Map<number, StoredProject>> {
  const columns = sqlJoin(COLUMN_FIELDS.map((f) => sqlIdentifier(COLUMNS[f])));
  const unitIds = groupBy(
    await store.all<{ projectId: number; unitId: number }>(
      sql`SELECT project_id AS "projectId", unit_id AS "unitId" FROM project_units ORDER BY project_id, position, unit_id`,
    ),
  );
  const monthly = groupBy(
    await store.all<
      MonthlyInvestment & { projectId: number }
    >(sql`SELECT project_id AS "projectId", month, amount_yuan AS "amountYuan" FROM monthly_investments
          WHERE year = ${planYear} ORDER BY project_id, month`),
  );
  const levelIds = groupBy(
    await store.all<{ projectId: number; levelId: number }>(
      sql`SELECT project_id AS "projectId", level_id AS "levelId" FROM level_memberships
          WHERE left_on IS NULL ORDER BY project_id, level_id`,
    ),
  );
  const projects = new Map<number, StoredProject>();
  // rows as arrays: better-sqlite3's row objects of thirty columns cost more to build than the copy below;
  // in code order, as the import always met them: of two codes that differ only in case, a sheet's finds the later
  const rows = await store.allRaw<SqlValue[]>(sql`SELECT id, ${columns} FROM projects ORDER BY code`);
  for (const row of rows) {
    const id = row[0] as number;
    const stored: Record<string, unknown> = {};
    COLUMN_FIELDS.forEach((field, i) => (stored[field] = row[i + 1]));
    const fields = pickProjectFields(stored as unknown as ProjectFields);
    fields.isInvestmentPromotion = stored.isInvestmentPromotion === 1;
    fields.inStatistics = stored.inStatistics === 1;
    fields.responsibleUnitIds = (unitIds.get(id) ?? []).map((u) => u.unitId);
    fields.levelIds = (levelIds.get(id) ?? []).map((l) => l.levelId);
    const months = monthly.get(id) ?? [];
    const yearCompletedYuan = months.reduce((sum, m) => sum + m.amountYuan, 0);
    projects.set(id, Object.assign(fields, { id, monthly: months, yearCompletedYuan }));
  }
  return projects;
}

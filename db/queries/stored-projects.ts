import type { Db } from '../connection';
import { pickProjectFields, type MonthlyInvestment, type ProjectFields } from '../model/project';
import { all, sql, sqlFragment, sqlIdentifier, sqlJoin } from '../sql';
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

type RawFields = Omit<ProjectFields, 'responsibleUnitIds' | 'isInvestmentPromotion' | 'inStatistics'> & {
  id: number;
  isInvestmentPromotion: number;
  inStatistics: number;
};

/**
 * Every project with the fields an edit compares, in three queries: what an import diffs its rows against,
 * rather than one read per row (and none of what only the screens show: names, lights, stage history).
 */
export function storedProjects(db: Db, planYear: number): Map<number, StoredProject> {
  const columns = sqlJoin(COLUMN_FIELDS.map((f) => sqlFragment`${sqlIdentifier(COLUMNS[f])} AS ${sqlIdentifier(f)}`));
  const unitIds = groupBy(
    all<{ projectId: number; unitId: number }>(
      db,
      sql`SELECT project_id AS projectId, unit_id AS unitId FROM project_units ORDER BY project_id, position`,
    ),
  );
  const monthly = groupBy(
    all<MonthlyInvestment & { projectId: number }>(
      db,
      sql`SELECT project_id AS projectId, month, amount_yuan AS amountYuan FROM monthly_investments
          WHERE year = ${planYear} ORDER BY project_id, month`,
    ),
  );
  const projects = new Map<number, StoredProject>();
  // in code order, as the import always met them: of two codes that differ only in case, a sheet's code finds the later
  for (const raw of all<RawFields>(db, sql`SELECT id, ${columns} FROM projects ORDER BY code`)) {
    const months = monthly.get(raw.id) ?? [];
    const fields = pickProjectFields(raw as unknown as ProjectFields);
    fields.isInvestmentPromotion = raw.isInvestmentPromotion === 1;
    fields.inStatistics = raw.inStatistics === 1;
    fields.responsibleUnitIds = (unitIds.get(raw.id) ?? []).map((u) => u.unitId);
    const yearCompletedYuan = months.reduce((sum, m) => sum + m.amountYuan, 0);
    projects.set(raw.id, Object.assign(fields, { id: raw.id, monthly: months, yearCompletedYuan }));
  }
  return projects;
}

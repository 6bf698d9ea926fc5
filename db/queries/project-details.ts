import type { Db } from '../connection';
import type { MonthlyInvestment, ProjectDetail, StageChange } from '../model/project';
import { all, sql } from '../sql';
import { listProjects } from './projects-read';

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
 * Every project as getProject reads one, in five queries: what an import diffs its rows against, rather than
 * one getProject per row.
 */
export function projectDetails(db: Db, planYear: number): Map<number, ProjectDetail> {
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
  const stageChanges = groupBy(
    all<StageChange & { projectId: number }>(
      db,
      sql`SELECT project_id AS projectId, id, from_stage AS fromStage, to_stage AS toStage,
                 changed_on AS changedOn, operator, reason
          FROM stage_changes ORDER BY project_id, changed_on DESC, id DESC`,
    ),
  );
  const details = new Map<number, ProjectDetail>();
  for (const row of listProjects(db, planYear)) {
    details.set(row.id, {
      ...row,
      responsibleUnitIds: (unitIds.get(row.id) ?? []).map((u) => u.unitId),
      planYear,
      monthly: monthly.get(row.id) ?? [],
      stageChanges: (stageChanges.get(row.id) ?? []) as StageChange[],
    });
  }
  return details;
}

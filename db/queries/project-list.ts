import type { Db } from '../connection';
import type { Nature } from '../model/project';
import type { ProjectListRow } from '../model/project-list';
import type { Stage } from '../model/stages';
import { allRaw, sql } from '../sql';
import { onlyProjects } from './only-projects';

/** A list row before its lights, with the three fields only the lights read. */
export type ListRowSource = Omit<ProjectListRow, 'light' | 'lights' | 'missingFields'> & {
  actualCompletionDate: string | null;
  investedBeforeYearYuan: number;
  enteredOn: string | null;
};

type RawListRow = [
  id: number,
  code: string,
  name: string,
  isDemo: number,
  stage: Stage,
  chainId: number,
  chainName: string,
  chainLead: string,
  owner: string,
  location: string,
  parkId: number | null,
  parkName: string | null,
  leadUnitName: string | null,
  nature: Nature | null,
  startYear: number | null,
  endYear: number | null,
  plannedStartDate: string | null,
  actualStartDate: string | null,
  plannedCompletionDate: string | null,
  actualCompletionDate: string | null,
  totalInvestmentYuan: number,
  investedBeforeYearYuan: number,
  annualPlanYuan: number,
  yearCompletedYuan: number,
  progressText: string,
  inStatistics: number,
  updatedAt: string,
  enteredOn: string | null,
];

/** 责任单位 names in their order, for every project or only `ids`: one query rather than one per row. */
function unitNames(db: Db, ids: readonly number[] | undefined): Map<number, string[]> {
  // in the key's order, not sorted by SQL: a project has a unit or two, put in order here
  const rows = allRaw<[number, number, string]>(
    db,
    sql`SELECT pu.project_id, pu.position, u.name FROM project_units pu JOIN units u ON u.id = pu.unit_id
        WHERE 1 ${onlyProjects('pu.project_id', ids)}`,
  );
  const byProject = new Map<number, [number, string][]>();
  for (const [projectId, position, name] of rows) {
    const units = byProject.get(projectId);
    if (units) units.push([position, name]);
    else byProject.set(projectId, [[position, name]]);
  }
  const names = new Map<number, string[]>();
  for (const [projectId, units] of byProject) {
    if (units.length > 1) units.sort((a, b) => a[0] - b[0]);
    names.set(
      projectId,
      units.map(([, name]) => name),
    );
  }
  return names;
}

/**
 * The library's rows in 项目编号 order, for every project or only `ids`: exactly the list's columns and what the
 * lights read, as arrays (building thousands of row objects is most of what a list costs).
 */
export function listRowSources(db: Db, planYear: number, ids?: readonly number[]): ListRowSource[] {
  const raws = allRaw<RawListRow>(
    db,
    sql`SELECT p.id, p.code, p.name, p.is_demo, p.stage, p.chain_id, c.name,
               COALESCE(NULLIF(p.chain_lead_override, ''), c.chain_lead), p.owner, p.location,
               p.park_id, k.name, lu.name, p.nature, p.start_year, p.end_year,
               p.planned_start_date, p.actual_start_date, p.planned_completion_date, p.actual_completion_date,
               p.total_investment_yuan, p.invested_before_year_yuan, p.annual_plan_yuan, COALESCE(m.completed, 0),
               p.progress_text, p.in_statistics, p.updated_at,
               (SELECT MIN(s.changed_on) FROM stage_changes s WHERE s.project_id = p.id AND s.from_stage IS NULL)
        FROM projects p
        JOIN chains c ON c.id = p.chain_id
        LEFT JOIN units lu ON lu.id = p.lead_unit_id
        LEFT JOIN parks k ON k.id = p.park_id
        LEFT JOIN (SELECT project_id, SUM(amount_yuan) AS completed FROM monthly_investments
                   WHERE year = ${planYear} ${onlyProjects('project_id', ids)} GROUP BY project_id) m
               ON m.project_id = p.id
        WHERE 1 ${onlyProjects('p.id', ids)}
        ORDER BY p.code`,
  );
  const units = unitNames(db, ids);
  return raws.map((r) => ({
    id: r[0],
    code: r[1],
    name: r[2],
    isDemo: r[3] === 1,
    stage: r[4],
    chainId: r[5],
    chainName: r[6],
    chainLead: r[7],
    owner: r[8],
    location: r[9],
    parkId: r[10],
    parkName: r[11],
    leadUnitName: r[12],
    responsibleUnitNames: units.get(r[0]) ?? [],
    nature: r[13],
    startYear: r[14],
    endYear: r[15],
    plannedStartDate: r[16],
    actualStartDate: r[17],
    plannedCompletionDate: r[18],
    actualCompletionDate: r[19],
    totalInvestmentYuan: r[20],
    investedBeforeYearYuan: r[21],
    annualPlanYuan: r[22],
    yearCompletedYuan: r[23],
    sinceStartCompletedYuan: r[21] + r[23],
    progressText: r[24],
    inStatistics: r[25] === 1,
    updatedAt: r[26],
    enteredOn: r[27],
  }));
}

/** Every project's id and 项目编号: enough to find the library's first rows without reading the others. */
export function projectCodes(db: Db): [id: number, code: string][] {
  return allRaw<[number, string]>(db, sql`SELECT id, code FROM projects`);
}

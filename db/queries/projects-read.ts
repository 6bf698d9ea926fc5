import { asciiCaseBlindLike } from '../dialect';
import type { Store } from '../store/store';
import type { MonthlyInvestment, ProjectDetail, ProjectRow, StageChange } from '../model/project';
import { codeAfter, highestCodeNumber, projectCodePrefix } from '../model/project-code';
import { sql, sqlFragment, type SqlFragment } from '../sql';

type RawRow = Omit<
  ProjectRow,
  | 'isInvestmentPromotion'
  | 'inStatistics'
  | 'isDemo'
  | 'responsibleUnitNames'
  | 'levelNames'
  | 'sinceStartCompletedYuan'
> & { isInvestmentPromotion: number; inStatistics: number; isDemo: number };
/** one project's row also says its version, which only a form editing it needs */
type RawOneRow = RawRow & { version: number };

/** `onlyProject` narrows the monthly sums too: summing every project's months to read one is O(all). */
function selectRows(planYear: number, onlyProject: number | null = null): SqlFragment {
  // two texts rather than `(? IS NULL OR project_id = ?)`, which SQLite cannot serve from the primary key
  const oneProject = onlyProject === null ? sqlFragment`` : sqlFragment`AND project_id = ${onlyProject}`;
  const version = onlyProject === null ? sqlFragment`` : sqlFragment`p.version,`;
  return sqlFragment`
    SELECT ${version} p.id, p.code, p.name, p.category, p.is_investment_promotion AS "isInvestmentPromotion",
           p.chain_id AS "chainId", p.chain_lead_override AS "chainLeadOverride",
           p.lead_unit_id AS "leadUnitId", lu.name AS "leadUnitName",
           p.responsible_person AS "responsiblePerson", p.contact_person AS "contactPerson",
           p.contact_phone AS "contactPhone", p.owner, p.location, p.park_id AS "parkId", k.name AS "parkName",
           p.township_id AS "townshipId", tw.name AS "townshipName",
           p.contact_leader_id AS "contactLeaderId", cl.name AS "contactLeaderName",
           p.content, p.nature, p.start_year AS "startYear", p.end_year AS "endYear",
           p.planned_start_date AS "plannedStartDate", p.actual_start_date AS "actualStartDate",
           p.planned_completion_date AS "plannedCompletionDate",
           p.actual_completion_date AS "actualCompletionDate", p.signing_date AS "signingDate",
           p.registration_date AS "registrationDate", p.production_date AS "productionDate",
           p.start_within_months AS "startWithinMonths", p.contract_investment_yuan AS "contractInvestmentYuan",
           p.funds_in_place_yuan AS "fundsInPlaceYuan",
           p.total_investment_yuan AS "totalInvestmentYuan",
           p.invested_before_year_yuan AS "investedBeforeYearYuan", p.annual_plan_yuan AS "annualPlanYuan",
           p.stage, p.progress_text AS "progressText", p.in_statistics AS "inStatistics", p.note,
           p.is_demo AS "isDemo", p.created_at AS "createdAt", p.updated_at AS "updatedAt",
           (SELECT MIN(s.changed_on) FROM stage_changes s
            WHERE s.project_id = p.id AND s.from_stage IS NULL) AS "enteredOn",
           c.name AS "chainName", c.code AS "chainCode",
           COALESCE(NULLIF(p.chain_lead_override, ''), c.chain_lead) AS "chainLead",
           COALESCE(m.completed, 0) AS "yearCompletedYuan", COALESCE(m.months, 0) AS "reportedMonths"
    FROM projects p
    JOIN chains c ON c.id = p.chain_id
    LEFT JOIN units lu ON lu.id = p.lead_unit_id
    LEFT JOIN parks k ON k.id = p.park_id
    LEFT JOIN townships tw ON tw.id = p.township_id
    LEFT JOIN contact_leaders cl ON cl.id = p.contact_leader_id
    LEFT JOIN (SELECT project_id, SUM(amount_yuan) AS completed, MAX(month) AS months
               FROM monthly_investments
               WHERE year = ${planYear} ${oneProject}
               GROUP BY project_id) m
           ON m.project_id = p.id`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Every project's 责任单位, in one query rather than one per row. */
async function unitNamesByProject(store: Store): Promise<Map<number, string[]>> {
  const rows = await store.all<{ projectId: number; name: string }>(sql`SELECT pu.project_id AS "projectId", u.name
        FROM project_units pu JOIN units u ON u.id = pu.unit_id
        ORDER BY pu.project_id, pu.position, pu.unit_id`);
  const byProject = new Map<number, string[]>();
  for (const row of rows) {
    const names = byProject.get(row.projectId) ?? [];
    names.push(row.name);
    byProject.set(row.projectId, names);
  }
  return byProject;
}

/** Every project's levels, each project's in the order of the list of levels. */
async function levelsByProject(store: Store): Promise<Map<number, { id: number; name: string }[]>> {
  const rows = await store.all<{ projectId: number; id: number; name: string }>(sql`
        SELECT lm.project_id AS "projectId", l.id, l.name
        FROM level_memberships lm JOIN project_levels l ON l.id = lm.level_id
        WHERE lm.left_on IS NULL
        ORDER BY lm.project_id, l.sort_order, l.id`);
  const byProject = new Map<number, { id: number; name: string }[]>();
  for (const { projectId, ...level } of rows) {
    const levels = byProject.get(projectId);
    if (levels) levels.push(level);
    else byProject.set(projectId, [level]);
  }
  return byProject;
}

async function levelsOf(store: Store, projectId: number): Promise<{ id: number; name: string }[]> {
  return await store.all<{ id: number; name: string }>(sql`
        SELECT l.id, l.name FROM level_memberships lm JOIN project_levels l ON l.id = lm.level_id
        WHERE lm.project_id = ${projectId} AND lm.left_on IS NULL ORDER BY l.sort_order, l.id`);
}

function toRow(raw: RawRow, unitNames: string[], levelNames: string[]): ProjectRow {
  return {
    ...raw,
    levelNames,
    isInvestmentPromotion: raw.isInvestmentPromotion === 1,
    inStatistics: raw.inStatistics === 1,
    isDemo: raw.isDemo === 1,
    responsibleUnitNames: unitNames,
    sinceStartCompletedYuan: raw.investedBeforeYearYuan + raw.yearCompletedYuan,
  };
}

/** Every project with every field (the ledger, the overview, fill-in sheets); the library's lean rows are db/queries/project-list.ts. */
export async function listProjects(store: Store, planYear: number): Promise<ProjectRow[]> {
  const raws = await store.all<RawRow>(sql`${selectRows(planYear)} ORDER BY p.code`);
  const units = await unitNamesByProject(store);
  const levels = await levelsByProject(store);
  return raws.map((raw) =>
    toRow(
      raw,
      units.get(raw.id) ?? [],
      (levels.get(raw.id) ?? []).map((l) => l.name),
    ),
  );
}

export async function getProject(store: Store, id: number, planYear: number): Promise<ProjectDetail | undefined> {
  const found = await store.get<RawOneRow>(sql`${selectRows(planYear, id)} WHERE p.id = ${id}`);
  if (!found) return undefined;
  const { version, ...raw } = found;
  const units = await store.all<{
    unitId: number;
    name: string;
  }>(sql`SELECT pu.unit_id AS "unitId", u.name FROM project_units pu JOIN units u ON u.id = pu.unit_id
        WHERE pu.project_id = ${id} ORDER BY pu.position, pu.unit_id`);
  const levels = await levelsOf(store, id);
  return {
    ...toRow(
      raw,
      units.map((u) => u.name),
      levels.map((l) => l.name),
    ),
    responsibleUnitIds: units.map((u) => u.unitId),
    levelIds: levels.map((l) => l.id).sort((a, b) => a - b),
    version,
    planYear,
    monthly: await monthlyOf(store, id, planYear),
    stageChanges: await stageChangesOf(store, id),
  };
}

export async function monthlyOf(store: Store, projectId: number, year: number): Promise<MonthlyInvestment[]> {
  return await store.all(sql`SELECT month, amount_yuan AS "amountYuan" FROM monthly_investments
        WHERE project_id = ${projectId} AND year = ${year} ORDER BY month`);
}

export async function stageChangesOf(store: Store, projectId: number): Promise<StageChange[]> {
  return await store.all(sql`SELECT id, from_stage AS "fromStage", to_stage AS "toStage", changed_on AS "changedOn", operator, reason
        FROM stage_changes WHERE project_id = ${projectId} ORDER BY changed_on DESC, id DESC`);
}

export async function projectExists(store: Store, id: number): Promise<boolean> {
  return (await store.get(sql`SELECT 1 FROM projects WHERE id = ${id}`)) !== undefined;
}

export async function projectIdByCode(store: Store, code: string): Promise<number | undefined> {
  return (await store.get<{ id: number }>(sql`SELECT id FROM projects WHERE code = ${code}`))?.id;
}

/** The next free `DZ-2026-001` style code for a chain and year. */
export async function nextProjectCode(store: Store, chainCode: string, year: number): Promise<string> {
  const prefix = projectCodePrefix(chainCode, year);
  const codes = await store.all<{ code: string }>(
    sql`SELECT code FROM projects WHERE ${asciiCaseBlindLike(store.dialect, sqlFragment`code`, `${escapeLike(prefix)}%`)}`,
  );
  return codeAfter(
    prefix,
    highestCodeNumber(
      prefix,
      codes.map((c) => c.code),
    ),
  );
}

export async function projectCounts(store: Store): Promise<{ total: number; demo: number }> {
  return (
    (await store.get<{ total: number; demo: number }>(
      sql`SELECT COUNT(*) AS total, COALESCE(SUM(is_demo), 0) AS demo FROM projects`,
    )) ?? { total: 0, demo: 0 }
  );
}

/** Projects whose stage history shows them 新开工 at some time: the year's 新开工 list is drawn from these. */
export async function everNewStartIds(store: Store): Promise<Set<number>> {
  const rows = await store.all<{ id: number }>(
    sql`SELECT DISTINCT project_id AS id FROM stage_changes WHERE to_stage = 'new_start' OR from_stage = 'new_start'`,
  );
  return new Set(rows.map((r) => r.id));
}

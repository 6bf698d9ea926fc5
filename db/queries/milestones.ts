import type { Store } from '../store/store';
import { START_NODE, type Milestone, type MilestoneTemplateNode } from '../model/milestones';
import type { DueMilestone } from '../model/overview';
import { STAGES, type Stage } from '../model/stages';
import { sql, sqlFragment } from '../sql';
import { onlyProjects, type OnlyProjects } from './only-projects';
import { writeAudit, type AuditChange } from './audit';
import { referenceName } from './reference';
import type { WriteMeta } from './projects-write';

const SELECT_MILESTONES = sqlFragment`
  SELECT m.id, m.project_id AS "projectId", m.name, m.stage, m.planned_date AS "plannedDate",
         m.actual_date AS "actualDate", m.unit_id AS "unitId", u.name AS "unitName", m.note, m.sort_order AS "sortOrder",
         m.version
  FROM milestones m LEFT JOIN units u ON u.id = m.unit_id`;

export async function listMilestones(store: Store, projectId: number): Promise<Milestone[]> {
  return await store.all<Milestone>(
    sql`${SELECT_MILESTONES} WHERE m.project_id = ${projectId} ORDER BY m.sort_order, m.id`,
  );
}

/**
 * Every project's unfinished nodes planned up to `until`, grouped for the lights: one query, not one per
 * row, and only the nodes that can light (due or late), not the whole schedule.
 */
export async function openMilestonesByProject(
  store: Store,
  until: string,
  only?: OnlyProjects,
): Promise<Map<number, { name: string; plannedDate: string }[]>> {
  // raw rows, read in the order the lights name a project's nodes (by date, then name): the full read walks the
  // open nodes' index in that order, so no engine leaves a tie to the order it happens to read the table in
  const rows = await store.allRaw<[number, string, string]>(sql`SELECT project_id, name, planned_date FROM milestones
        WHERE actual_date IS NULL AND planned_date IS NOT NULL AND planned_date <= ${until}
        ${onlyProjects(store.dialect, 'project_id', only)}
        ORDER BY planned_date, project_id, name`);
  const byProject = new Map<number, { name: string; plannedDate: string }[]>();
  for (const [projectId, name, plannedDate] of rows) {
    const node = { name, plannedDate };
    const nodes = byProject.get(projectId);
    if (nodes) nodes.push(node);
    else byProject.set(projectId, [node]);
  }
  return byProject;
}

type RawDueMilestone = [
  id: number,
  projectId: number,
  name: string,
  stage: Stage | null,
  plannedDate: string | null,
  actualDate: string | null,
  unitId: number | null,
  unitName: string | null,
  note: string,
  sortOrder: number,
  projectCode: string,
  projectName: string,
  chainName: string,
  chainLead: string,
];

const openUntil = (until: string, from: string | null) => sqlFragment`
  m.actual_date IS NULL AND m.planned_date IS NOT NULL AND p.stage <> 'completed'
  AND m.planned_date <= ${until} ${from === null ? sqlFragment`` : sqlFragment`AND m.planned_date >= ${from}`}`;

/** How many unfinished nodes of projects not yet completed are planned up to `until` (and from `from`). */
export async function countOpenMilestonesUntil(
  store: Store,
  until: string,
  from: string | null = null,
): Promise<number> {
  return (
    (
      await store.get<{ n: number }>(
        sql`SELECT COUNT(*) AS n FROM milestones m JOIN projects p ON p.id = m.project_id WHERE ${openUntil(until, from)}`,
      )
    )?.n ?? 0
  );
}

/**
 * Unfinished nodes planned up to `until` (and from `from`, when given) of projects not yet completed, the
 * earliest first; only the first `limit` when given.
 */
export async function openMilestonesUntil(
  store: Store,
  until: string,
  from: string | null = null,
  limit: number | null = null,
): Promise<DueMilestone[]> {
  // read as arrays: 链长视图 lists every overdue node, thousands in a five-year office
  const rows =
    await store.allRaw<RawDueMilestone>(sql`SELECT m.id, m.project_id, m.name, m.stage, m.planned_date, m.actual_date, m.unit_id, u.name, m.note,
               m.sort_order, p.code, p.name, c.name, COALESCE(NULLIF(p.chain_lead_override, ''), c.chain_lead)
        FROM milestones m
        JOIN projects p ON p.id = m.project_id
        JOIN chains c ON c.id = p.chain_id
        LEFT JOIN units u ON u.id = m.unit_id
        WHERE ${openUntil(until, from)}
        ORDER BY m.planned_date, p.code, m.id ${limit === null ? sqlFragment`` : sqlFragment`LIMIT ${limit}`}`);
  return rows.map((r) => ({
    id: r[0],
    projectId: r[1],
    name: r[2],
    stage: r[3],
    plannedDate: r[4],
    actualDate: r[5],
    unitId: r[6],
    unitName: r[7],
    note: r[8],
    sortOrder: r[9],
    projectCode: r[10],
    projectName: r[11],
    chainName: r[12],
    chainLead: r[13],
  }));
}

/** The late nodes (planned up to `until`, not done) of the projects in `only` that are not completed. */
export async function lateMilestonesOf(
  store: Store,
  until: string,
  only: OnlyProjects,
): Promise<{ projectId: number; name: string; plannedDate: string; unitName: string | null }[]> {
  return await store.all(sql`SELECT m.project_id AS "projectId", m.name, m.planned_date AS "plannedDate", u.name AS "unitName"
        FROM milestones m
        JOIN projects p ON p.id = m.project_id
        LEFT JOIN units u ON u.id = m.unit_id
        WHERE m.actual_date IS NULL AND m.planned_date IS NOT NULL AND p.stage <> 'completed'
          AND m.planned_date <= ${until} ${onlyProjects(store.dialect, 'm.project_id', only)}
        ORDER BY m.planned_date, p.code, m.id`);
}

export interface MilestoneValues {
  id?: number;
  name: string;
  stage: Stage | null;
  plannedDate: string | null;
  actualDate: string | null;
  unitId: number | null;
  note: string;
}

async function describe(store: Store, node: MilestoneValues | Milestone): Promise<string> {
  const unit = node.unitId === null ? undefined : await referenceName(store, 'unit', node.unitId);
  const parts = [
    node.name,
    node.plannedDate ? `计划${node.plannedDate}` : '',
    node.actualDate ? `实际${node.actualDate}` : '',
    unit ? `责任单位${unit}` : '',
    node.note ? `备注：${node.note}` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** Replaces a project's nodes with the given list (in this order); the caller owns the transaction. */
export async function replaceMilestones(
  store: Store,
  projectId: number,
  nodes: readonly MilestoneValues[],
  meta: WriteMeta,
): Promise<void> {
  const before = new Map((await listMilestones(store, projectId)).map((m) => [m.id, m]));
  const changes: AuditChange[] = [];
  const kept = new Set<number>();
  for (const [index, node] of nodes.entries()) {
    const old = node.id !== undefined ? before.get(node.id) : undefined;
    if (old) {
      kept.add(old.id);
      const same =
        old.name === node.name &&
        old.plannedDate === node.plannedDate &&
        old.actualDate === node.actualDate &&
        old.unitId === node.unitId &&
        old.note === node.note &&
        old.sortOrder === index + 1;
      if (same) continue;
      await store.run(sql`UPDATE milestones SET name = ${node.name}, planned_date = ${node.plannedDate},
                   actual_date = ${node.actualDate}, unit_id = ${node.unitId}, note = ${node.note},
                   sort_order = ${index + 1}, version = version + 1
            WHERE id = ${old.id}`);
      const [oldText, newText] = [await describe(store, old), await describe(store, node)];
      if (oldText !== newText) changes.push({ field: 'milestone', oldValue: oldText, newValue: newText });
    } else {
      await store.run(sql`INSERT INTO milestones (project_id, name, stage, planned_date, actual_date, unit_id, note, sort_order)
            VALUES (${projectId}, ${node.name}, ${node.stage}, ${node.plannedDate}, ${node.actualDate},
                    ${node.unitId}, ${node.note}, ${index + 1})`);
      changes.push({ field: 'milestone', oldValue: null, newValue: await describe(store, node) });
    }
  }
  for (const old of before.values()) {
    if (kept.has(old.id)) continue;
    await store.run(sql`DELETE FROM milestones WHERE id = ${old.id}`);
    changes.push({ field: 'milestone', oldValue: await describe(store, old), newValue: null });
  }
  if (!changes.length) return;
  await store.run(sql`UPDATE projects SET updated_at = ${meta.now} WHERE id = ${projectId}`);
  await writeAudit(
    store,
    { operator: meta.operator, entity: 'project', entityId: projectId, action: 'update', changes },
    meta.now,
  );
}

/**
 * An 实际开工日期 completes the project's open 实际开工 node on that day, so the ledger never prints the date
 * beside “实际开工 逾期43天”. A node completed earlier keeps its own date. Returns the nodes' audit lines.
 */
export async function completeStartNode(
  store: Store,
  projectId: number,
  actualStartDate: string,
): Promise<AuditChange[]> {
  const open = (await listMilestones(store, projectId)).filter((m) => m.name === START_NODE && m.actualDate === null);
  const changes: AuditChange[] = [];
  for (const node of open) {
    await store.run(
      sql`UPDATE milestones SET actual_date = ${actualStartDate}, version = version + 1 WHERE id = ${node.id}`,
    );
    changes.push({
      field: 'milestone',
      oldValue: await describe(store, node),
      newValue: await describe(store, { ...node, actualDate: actualStartDate }),
    });
  }
  return changes;
}

export type MilestoneTemplates = Record<Stage, MilestoneTemplateNode[]>;

export async function listTemplates(store: Store): Promise<MilestoneTemplates> {
  const rows = await store.all<{ stage: Stage; name: string; durationDays: number }>(
    sql`SELECT stage, name, duration_days AS "durationDays" FROM milestone_templates ORDER BY stage, sort_order, id`,
  );
  const templates = Object.fromEntries(STAGES.map((s) => [s, [] as MilestoneTemplateNode[]])) as MilestoneTemplates;
  for (const row of rows) templates[row.stage].push({ name: row.name, durationDays: row.durationDays });
  return templates;
}

/** Replaces one stage's template, with its line in the change history (each node as 名称N天). */
export async function replaceTemplate(
  store: Store,
  stage: Stage,
  nodes: readonly MilestoneTemplateNode[],
  meta: WriteMeta,
): Promise<void> {
  const templateText = (list: readonly MilestoneTemplateNode[]) =>
    list.map((n) => `${n.name}${n.durationDays}天`).join('、');
  const before = (await listTemplates(store))[stage];
  await store.run(sql`DELETE FROM milestone_templates WHERE stage = ${stage}`);
  for (const [index, node] of nodes.entries()) {
    await store.run(sql`INSERT INTO milestone_templates (stage, name, duration_days, sort_order)
          VALUES (${stage}, ${node.name}, ${node.durationDays}, ${index + 1})`);
  }
  await writeAudit(
    store,
    {
      operator: meta.operator,
      entity: 'milestone_template',
      entityId: 0,
      action: 'update',
      changes: [{ field: stage, oldValue: templateText(before), newValue: templateText(nodes) }],
    },
    meta.now,
  );
}

import type { Store } from '../store/store';
import {
  APPROVAL_STATUS_LABELS,
  approvalProgress,
  type ApprovalItem,
  type ApprovalProgress,
  type ApprovalStatus,
  type ApprovalTemplateItem,
  type ApprovalTemplates,
} from '../model/approvals';
import { CATEGORIES, type Category } from '../model/project';
import { sql, sqlFragment } from '../sql';
import { onlyProjects, type OnlyProjects } from './only-projects';
import { writeAudit, type AuditChange } from './audit';
import type { WriteMeta } from './projects-write';

const SELECT_ITEMS = sqlFragment`
  SELECT id, project_id AS "projectId", name, department, planned_date AS "plannedDate", actual_date AS "actualDate",
         doc_number AS "docNumber", status, note, sort_order AS "sortOrder", version
  FROM approval_items`;

export async function listApprovals(store: Store, projectId: number): Promise<ApprovalItem[]> {
  return await store.all<ApprovalItem>(sql`${SELECT_ITEMS} WHERE project_id = ${projectId} ORDER BY sort_order, id`);
}

/**
 * Every project's open items (未启动/办理中) planned up to `until`, for the lights: one query for the library,
 * in the order the lights name them (by date, then name), read through the open items' index.
 */
export async function openApprovalsByProject(
  store: Store,
  until: string,
  only?: OnlyProjects,
): Promise<Map<number, { name: string; plannedDate: string }[]>> {
  const rows = await store.allRaw<
    [number, string, string]
  >(sql`SELECT project_id, name, planned_date FROM approval_items
        WHERE status <> 'done' AND status <> 'not_needed' AND planned_date IS NOT NULL AND planned_date <= ${until}
        ${onlyProjects(store.dialect, 'project_id', only)}
        ORDER BY planned_date, project_id, name`);
  const byProject = new Map<number, { name: string; plannedDate: string }[]>();
  for (const [projectId, name, plannedDate] of rows) {
    const item = { name, plannedDate };
    const items = byProject.get(projectId);
    if (items) items.push(item);
    else byProject.set(projectId, [item]);
  }
  return byProject;
}

/** Every project's 前期手续 progress (“已办结5/8，缺施工许可证”), in one query; projects without a checklist are absent. */
export async function approvalProgressByProject(
  store: Store,
  only?: OnlyProjects,
): Promise<Map<number, ApprovalProgress>> {
  const rows = await store.allRaw<[number, string, ApprovalStatus]>(sql`SELECT project_id, name, status
        FROM approval_items WHERE status <> 'not_needed' ${onlyProjects(store.dialect, 'project_id', only)}
        ORDER BY project_id, sort_order, id`);
  const items = new Map<number, { name: string; status: ApprovalStatus }[]>();
  for (const [projectId, name, status] of rows) {
    const list = items.get(projectId);
    if (list) list.push({ name, status });
    else items.set(projectId, [{ name, status }]);
  }
  return new Map([...items].map(([projectId, list]) => [projectId, approvalProgress(list)]));
}

/** How many attachments not deleted each of these checklist items holds (items without any are absent). */
export async function attachmentCountsOf(store: Store, itemIds: readonly number[]): Promise<Map<number, number>> {
  if (!itemIds.length) return new Map();
  const rows = await store.allRaw<[number, number]>(sql`SELECT owner_id, COUNT(*) FROM attachments
        WHERE owner_kind = 'approval' AND deleted_at IS NULL ${onlyProjects(store.dialect, 'owner_id', itemIds)}
        GROUP BY owner_id`);
  return new Map(rows.map(([id, n]) => [id, Number(n)]));
}

export interface ApprovalItemValues {
  id?: number;
  name: string;
  department: string;
  plannedDate: string | null;
  actualDate: string | null;
  docNumber: string;
  status: ApprovalStatus;
  note: string;
}

/** One item as 变更记录 shows it: “环评批复 已办结 审批部门生态环境局 计划办结2026-03-01 实际办结2026-02-20 批复文号湘环评〔2026〕12号”. */
export function approvalText(item: ApprovalItemValues): string {
  return [
    item.name,
    APPROVAL_STATUS_LABELS[item.status],
    item.department ? `审批部门${item.department}` : '',
    item.plannedDate ? `计划办结${item.plannedDate}` : '',
    item.actualDate ? `实际办结${item.actualDate}` : '',
    item.docNumber ? `批复文号${item.docNumber}` : '',
    item.note ? `备注：${item.note}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

const sameItem = (a: ApprovalItem, b: ApprovalItemValues, sortOrder: number) =>
  a.name === b.name &&
  a.department === b.department &&
  a.plannedDate === b.plannedDate &&
  a.actualDate === b.actualDate &&
  a.docNumber === b.docNumber &&
  a.status === b.status &&
  a.note === b.note &&
  a.sortOrder === sortOrder;

/**
 * Replaces a project's checklist with the given items (in this order), writing one 变更记录 line per item added,
 * changed or removed; the caller owns the transaction.
 */
export async function replaceApprovals(
  store: Store,
  projectId: number,
  items: readonly ApprovalItemValues[],
  meta: WriteMeta,
): Promise<void> {
  const before = new Map((await listApprovals(store, projectId)).map((item) => [item.id, item]));
  const changes: AuditChange[] = [];
  const kept = new Set<number>();
  for (const [index, item] of items.entries()) {
    const old = item.id !== undefined ? before.get(item.id) : undefined;
    if (old) {
      kept.add(old.id);
      if (sameItem(old, item, index + 1)) continue;
      await store.run(sql`UPDATE approval_items SET name = ${item.name}, department = ${item.department},
                   planned_date = ${item.plannedDate}, actual_date = ${item.actualDate}, doc_number = ${item.docNumber},
                   status = ${item.status}, note = ${item.note}, sort_order = ${index + 1}, version = version + 1
            WHERE id = ${old.id}`);
      const [oldText, newText] = [approvalText(old), approvalText(item)];
      if (oldText !== newText) changes.push({ field: 'approval', oldValue: oldText, newValue: newText });
    } else {
      await store.run(sql`INSERT INTO approval_items
              (project_id, name, department, planned_date, actual_date, doc_number, status, note, sort_order)
            VALUES (${projectId}, ${item.name}, ${item.department}, ${item.plannedDate}, ${item.actualDate},
                    ${item.docNumber}, ${item.status}, ${item.note}, ${index + 1})`);
      changes.push({ field: 'approval', oldValue: null, newValue: approvalText(item) });
    }
  }
  for (const old of before.values()) {
    if (kept.has(old.id)) continue;
    await store.run(sql`DELETE FROM approval_items WHERE id = ${old.id}`);
    changes.push({ field: 'approval', oldValue: approvalText(old), newValue: null });
  }
  if (!changes.length) return;
  await store.run(sql`UPDATE projects SET updated_at = ${meta.now} WHERE id = ${projectId}`);
  await writeAudit(
    store,
    { operator: meta.operator, entity: 'project', entityId: projectId, action: 'update', changes },
    meta.now,
  );
}

export async function listApprovalTemplates(store: Store): Promise<ApprovalTemplates> {
  const rows = await store.all<{ category: Category } & ApprovalTemplateItem>(
    sql`SELECT category, name, department, duration_days AS "durationDays" FROM approval_templates
        ORDER BY category, sort_order, id`,
  );
  const templates = Object.fromEntries(CATEGORIES.map((c) => [c, [] as ApprovalTemplateItem[]])) as ApprovalTemplates;
  for (const { category, ...item } of rows) templates[category].push(item);
  return templates;
}

/** Replaces one 项目类别's template, with its line in 变更记录 (each item as 名称（部门，N天）). */
export async function replaceApprovalTemplate(
  store: Store,
  category: Category,
  items: readonly ApprovalTemplateItem[],
  meta: WriteMeta,
): Promise<void> {
  const text = (list: readonly ApprovalTemplateItem[]) =>
    list.map((i) => `${i.name}（${i.department ? `${i.department}，` : ''}${i.durationDays}天）`).join('、');
  const before = (await listApprovalTemplates(store))[category];
  await store.run(sql`DELETE FROM approval_templates WHERE category = ${category}`);
  for (const [index, item] of items.entries()) {
    await store.run(sql`INSERT INTO approval_templates (category, name, department, duration_days, sort_order)
          VALUES (${category}, ${item.name}, ${item.department}, ${item.durationDays}, ${index + 1})`);
  }
  if (text(before) === text(items)) return;
  await writeAudit(
    store,
    {
      operator: meta.operator,
      entity: 'approval_template',
      entityId: 0,
      action: 'update',
      changes: [{ field: category, oldValue: text(before), newValue: text(items) }],
    },
    meta.now,
  );
}

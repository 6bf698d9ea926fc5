import type { Instruction, InstructionFields, InstructionStatus, OpenInstruction } from '../model/instructions';
import type { Store } from '../store/store';
import { sql, sqlFragment } from '../sql';
import { writeAudit } from './audit';
import { onlyProjects, type OnlyProjects } from './only-projects';
import type { WriteMeta } from './projects-write';

// 领导批示: the rows of `leader_instructions` (migration 0190) and their lines in the project's change history
// (field `instruction:<id>`, read as 领导批示), so the project's page tells the whole story.

/** A stored 批示 with its project's code, name and 包挂领导, as the lists show it. */
export interface StoredInstruction extends Instruction {
  projectCode: string;
  projectName: string;
  contactLeaderId: number | null;
  contactLeaderName: string | null;
}

const SELECT = sqlFragment`SELECT i.id, i.project_id AS "projectId", i.issued_on AS "issuedOn",
           i.leader_name AS "leaderName", i.leader_id AS "leaderId", i.content, i.deadline, i.progress, i.status,
           i.closed_on AS "closedOn", i.problem_id AS "problemId", q.code AS "problemCode", i.version,
           p.code AS "projectCode", p.name AS "projectName", p.contact_leader_id AS "contactLeaderId",
           cl.name AS "contactLeaderName"
    FROM leader_instructions i
    JOIN projects p ON p.id = i.project_id
    LEFT JOIN contact_leaders cl ON cl.id = p.contact_leader_id
    LEFT JOIN problems q ON q.id = i.problem_id`;

export interface InstructionFilter {
  projectId?: number;
  status?: InstructionStatus;
  /** issued by this listed leader, or on a project this leader is 包挂领导 of */
  leaderId?: number;
}

/** The 批示 that pass the filter: open ones first, then by 办理时限 (none last), newest issued first. */
export async function listInstructions(store: Store, filter: InstructionFilter): Promise<StoredInstruction[]> {
  const project = filter.projectId === undefined ? sqlFragment`` : sqlFragment`AND i.project_id = ${filter.projectId}`;
  const status = filter.status === undefined ? sqlFragment`` : sqlFragment`AND i.status = ${filter.status}`;
  const leader =
    filter.leaderId === undefined
      ? sqlFragment``
      : sqlFragment`AND (i.leader_id = ${filter.leaderId} OR p.contact_leader_id = ${filter.leaderId})`;
  return await store.all<StoredInstruction>(sql`${SELECT}
        WHERE TRUE ${project} ${status} ${leader}
        ORDER BY CASE WHEN i.status = 'open' THEN 0 ELSE 1 END,
                 CASE WHEN i.deadline IS NULL THEN 1 ELSE 0 END, i.deadline, i.issued_on DESC, i.id DESC`);
}

export async function getInstruction(store: Store, id: number): Promise<StoredInstruction | undefined> {
  return await store.get<StoredInstruction>(sql`${SELECT} WHERE i.id = ${id}`);
}

/** Every project's open 批示 already past their 办理时限 on `today`: what the lights read, in one query. */
export async function overdueInstructionsByProject(
  store: Store,
  today: string,
  only?: OnlyProjects,
): Promise<Map<number, OpenInstruction[]>> {
  const rows = await store.all<OpenInstruction & { projectId: number }>(sql`
        SELECT project_id AS "projectId", leader_name AS "leaderName", issued_on AS "issuedOn", deadline
        FROM leader_instructions
        WHERE status = 'open' AND deadline IS NOT NULL AND deadline < ${today}
          ${onlyProjects(store.dialect, 'project_id', only)}
        ORDER BY deadline, id`);
  const byProject = new Map<number, OpenInstruction[]>();
  for (const { projectId, ...open } of rows) {
    const list = byProject.get(projectId);
    if (list) list.push(open);
    else byProject.set(projectId, [open]);
  }
  return byProject;
}

/** The listed 包挂领导 of exactly this name (retired ones too: a 批示 keeps who wrote it), if any. */
export async function contactLeaderIdByName(store: Store, name: string): Promise<number | null> {
  return (await store.get<{ id: number }>(sql`SELECT id FROM contact_leaders WHERE name = ${name}`))?.id ?? null;
}

async function writeLine(
  store: Store,
  i: { id: number; projectId: number },
  action: 'create' | 'update',
  oldValue: string | null,
  newValue: string,
  meta: WriteMeta,
): Promise<void> {
  await writeAudit(
    store,
    {
      operator: meta.operator,
      entity: 'project',
      entityId: i.projectId,
      action,
      changes: [{ field: `instruction:${i.id}`, oldValue, newValue }],
    },
    meta.now,
  );
}

/** What a 批示 reads as in the change history: every field the clerk wrote, in words. */
export function instructionText(
  i: InstructionFields & { status?: InstructionStatus; closedOn?: string | null },
): string {
  const parts = [`${i.issuedOn} ${i.leaderName}批示：${i.content}`, `办理时限：${i.deadline ?? '未定'}`];
  if (i.progress) parts.push(`办理情况：${i.progress}`);
  if (i.status === 'closed') parts.push(`已办结（${i.closedOn ?? ''}）`);
  return parts.join('；');
}

export async function insertInstruction(
  store: Store,
  v: InstructionFields & { leaderId: number | null },
  meta: WriteMeta,
): Promise<number> {
  const id = await store.insert(sql`INSERT INTO leader_instructions
        (project_id, issued_on, leader_name, leader_id, content, deadline, progress, status, created_at, updated_at)
        VALUES (${v.projectId}, ${v.issuedOn}, ${v.leaderName}, ${v.leaderId}, ${v.content}, ${v.deadline},
                ${v.progress}, 'open', ${meta.now}, ${meta.now})`);
  await writeLine(store, { id, projectId: v.projectId }, 'create', null, `登记${instructionText(v)}`, meta);
  return id;
}

/** Writes a 批示's new values (its project stays), with its old → new line in the project's history. */
export async function updateInstruction(
  store: Store,
  before: StoredInstruction,
  after: Omit<InstructionFields, 'projectId'> & {
    leaderId: number | null;
    status: InstructionStatus;
    closedOn: string | null;
  },
  meta: WriteMeta,
): Promise<void> {
  await store.run(sql`UPDATE leader_instructions SET issued_on = ${after.issuedOn}, leader_name = ${after.leaderName},
               leader_id = ${after.leaderId}, content = ${after.content}, deadline = ${after.deadline},
               progress = ${after.progress}, status = ${after.status}, closed_on = ${after.closedOn},
               updated_at = ${meta.now}, version = version + 1
        WHERE id = ${before.id}`);
  await writeLine(
    store,
    before,
    'update',
    instructionText(before),
    instructionText({ ...after, projectId: before.projectId }),
    meta,
  );
}

/** Links the 批示 to the problem it was turned into, with its line in the history. */
export async function linkProblem(
  store: Store,
  instruction: StoredInstruction,
  problem: { id: number; code: string },
  meta: WriteMeta,
): Promise<void> {
  await store.run(sql`UPDATE leader_instructions SET problem_id = ${problem.id}, updated_at = ${meta.now},
               version = version + 1
        WHERE id = ${instruction.id}`);
  await writeLine(store, instruction, 'update', null, `转为问题${problem.code}`, meta);
}
